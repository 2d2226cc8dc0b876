#!/usr/bin/env bash
# Runs the Gradescope bundle in Gradescope's directory layout, built in a temporary folder: setup.sh online with
# an empty home (so an empty Maven repository), then run_autograder offline on the reference implementations,
# uploaded as one folder. Checks that results.json gives full marks for every graded test, and names every test
# that lost points (class, method, first line of its message).
#   grading/test/gradescope-local.sh [LOG_DIR]     (downloads the kit's dependencies once; a few minutes)
# Keeps its logs in LOG_DIR (default target/gradescope-local/<time>), and prints where: setup.log, run.log,
# results.json, the grader's report, and each lab's build log and Surefire reports (grade.sh's GRADE_KEEP_LOGS).
set -euo pipefail
cd "$(dirname "$0")/../.."

logs=$(realpath -m "${1:-target/gradescope-local/$(date -u +%Y%m%dT%H%M%SZ)}")
mkdir -p "$logs"
tmp=$(mktemp -d)
# The temporary folder holds a whole Maven repository; the logs worth reading are copied out first.
keep() {
  [ ! -f "$tmp/autograder/results/results.json" ] || cp "$tmp/autograder/results/results.json" "$logs/"
  [ ! -d "$tmp/autograder/results/report" ] || cp -R "$tmp/autograder/results/report" "$logs/report"
  [ ! -f "$tmp/autograder/setup-grade.log" ] || cp "$tmp/autograder/setup-grade.log" "$logs/"
  rm -rf "$tmp"
  echo "logs: $logs"
}
trap keep EXIT
root=$tmp/autograder
mkdir -p "$root/source" "$root/submission/my-repo" "$root/results" "$tmp/home"
zip=$(grading/gradescope/make-bundle.sh "$tmp/autograder.zip")
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$root/source"
for lab in solutions/lab-[0-9]*; do
  mkdir -p "$root/submission/my-repo/$(basename "$lab")/src"
  cp -R "$lab/src/main" "$root/submission/my-repo/$(basename "$lab")/src/"
done

# Java takes user.home from the password database, not from HOME: without this, Maven would use the caller's
# warm repository while grade.sh looks for one under HOME (and setup.sh would not be tested online).
export AUTOGRADER_ROOT=$root HOME=$tmp/home MAVEN_OPTS="${MAVEN_OPTS:-} -Duser.home=$tmp/home"
start=$(date +%s)
bash "$root/source/setup.sh" > "$logs/setup.log" 2>&1 || { tail -30 "$logs/setup.log"; exit 1; }
echo "setup.sh: $(( $(date +%s) - start )) s, online"
start=$(date +%s)
GRADE_KEEP_LOGS=$logs/labs bash "$root/source/run_autograder" > "$logs/run.log" 2>&1 || { tail -30 "$logs/run.log"; exit 1; }
echo "run_autograder: $(( $(date +%s) - start )) s, offline"
python3 - "$root/results/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
possible = sum(t["max_score"] for t in r["tests"])
hidden = sum(1 for t in r["tests"] if t["visibility"] != "visible")
print(f"results.json: score {r['score']} of {possible}, {len(r['tests'])} tests ({hidden} not visible to students yet)")
lost = {}
for t in r["tests"]:
    if t["score"] < t["max_score"]:
        first = ((t.get("output") or "").strip().splitlines() or ["(no message)"])[0]
        lost.setdefault((t["name"].split(" / ")[0], first), []).append(t)
for (lab, first), tests in lost.items():
    if len(tests) > 3:  # a lab that did not build: one line, not one per test
        print(f"  lost {sum(t['max_score'] - t['score'] for t in tests)} in {len(tests)} tests of {lab}: {first}")
        continue
    for t in tests:
        print(f"  lost {t['max_score'] - t['score']}: {t['name']}: {first}")
sys.exit(0 if r["tests"] and r["score"] == possible else 1)
PY
