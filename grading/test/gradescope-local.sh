#!/usr/bin/env bash
# Runs the Gradescope bundle in Gradescope's directory layout, built in a temporary folder: setup.sh online with
# an empty home (so an empty Maven repository), then run_autograder offline on the reference implementations,
# uploaded as one folder. Checks that results.json gives full marks for every graded test.
#   grading/test/gradescope-local.sh        (downloads the kit's dependencies once; a few minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/autograder
mkdir -p "$root/source" "$root/submission/my-repo" "$root/results" "$tmp/home"
zip=$(grading/gradescope/make-bundle.sh "$tmp/autograder.zip")
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$root/source"
for lab in solutions/lab-[0-9]*; do
  mkdir -p "$root/submission/my-repo/$(basename "$lab")/src"
  cp -R "$lab/src/main" "$root/submission/my-repo/$(basename "$lab")/src/"
done

export AUTOGRADER_ROOT=$root HOME=$tmp/home
start=$(date +%s)
bash "$root/source/setup.sh"
echo "setup.sh: $(( $(date +%s) - start )) s, online"
start=$(date +%s)
bash "$root/source/run_autograder" > "$tmp/run.log" 2>&1 || { tail -30 "$tmp/run.log"; exit 1; }
echo "run_autograder: $(( $(date +%s) - start )) s, offline"
python3 - "$root/results/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
possible = sum(t["max_score"] for t in r["tests"])
hidden = sum(1 for t in r["tests"] if t["visibility"] != "visible")
print(f"results.json: score {r['score']} of {possible}, {len(r['tests'])} tests ({hidden} not visible to students yet)")
sys.exit(0 if r["tests"] and r["score"] == possible else 1)
PY
