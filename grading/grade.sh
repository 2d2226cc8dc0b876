#!/usr/bin/env bash
# Grades a submission with the kit's own tests, and writes a complete report whatever the submission does.
#   grading/grade.sh [--submission DIR] [--out DIR] [--offline] [LAB ...]
# DIR defaults to this kit itself; LAB defaults to every lab-NN folder. Only each lab's src/main is taken from
# the submission: its tests, POMs and scripts are the kit's. Hidden tests in grading/hidden/LAB/src/test are added.
# Writes OUT/summary.txt, OUT/results.json (Gradescope), OUT/classroom.json and classroom.b64 (GitHub
# Classroom), and the same per lab in OUT/LAB/. Exits 0 when the report is written, whatever the score.
# Limits: GRADE_LAB_TIMEOUT seconds per lab (default 300); each test class is bounded by the grading profile.
set -uo pipefail

kit=$(cd "$(dirname "$0")/.." && pwd)
submission=$kit
out=$PWD/grading-report
offline=()
labs=()
while [ $# -gt 0 ]; do
  case $1 in
    --submission) submission=$(cd "$2" && pwd) || exit 2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --offline) offline=(-o); shift ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    -*) echo "grade.sh: unknown option $1" >&2; exit 2 ;;
    *) labs+=("$1"); shift ;;
  esac
done
if [ ${#labs[@]} -eq 0 ]; then
  for pom in "$kit"/lab-[0-9]*/pom.xml; do labs+=("$(basename "$(dirname "$pom")")"); done
fi
limit=${GRADE_LAB_TIMEOUT:-300}
mkdir -p "$out"
out=$(cd "$out" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/grade.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A report even when the grader itself cannot run: zero points, and the reason.
grader_error() {
  local reason=$1
  echo "grade.sh: $reason" >&2
  python3 - "$out" "$reason" <<'PY' 2>/dev/null || printf '{"score": 0, "output": "grader error"}\n' > "$out/results.json"
import json, sys
out, reason = sys.argv[1], sys.argv[2]
json.dump({"score": 0, "output": "The grader could not run: " + reason, "tests": []}, open(out + "/results.json", "w"))
PY
  exit 1
}

# 1. The kit's own copy: no solutions, no build output, plus the hidden tests.
(cd "$kit" && tar --exclude=./.git --exclude=./solutions --exclude='./grading-report' --exclude='*/target' -cf - .) \
  | tar -xf - -C "$work" || grader_error "cannot copy the kit"
for lab in "${labs[@]}"; do
  [ -f "$work/$lab/pom.xml" ] || grader_error "no lab named $lab in the kit"
  mkdir -p "$work/.grading/$lab"
  if [ -d "$work/grading/hidden/$lab/src/test" ]; then
    cp -R "$work/grading/hidden/$lab/src/test/." "$work/$lab/src/test/"
  fi
done
cd "$work"
modules=$(IFS=,; echo "${labs[*]}")

# 2. The list of graded tests, from the kit's tests compiled against the kit's starters.
./mvnw -B -ntp "${offline[@]}" -Pgrading process-test-classes -pl "$modules" -am > .grading/kit.log 2>&1 \
  || { tail -30 .grading/kit.log >&2; grader_error "the kit's own tests do not compile; see the log above"; }
for lab in "${labs[@]}"; do
  cp "$lab/target/grading/graded-tests.tsv" ".grading/$lab/graded-tests.tsv" || grader_error "no graded-test list for $lab"
  rm -rf "$lab/target"
done

# 3. Each lab with the submission's src/main, bounded in time; a failed build still leaves what it could.
for lab in "${labs[@]}"; do
  rm -rf "$lab/src/main"
  if [ -d "$submission/$lab/src/main" ]; then
    cp -R "$submission/$lab/src/main" "$lab/src/main"
  else
    touch ".grading/$lab/missing"
  fi
  echo "$limit" > ".grading/$lab/limit"
  echo "grading $lab ..." >&2
  timeout --kill-after=10 "$limit" ./mvnw -B -ntp "${offline[@]}" -Pgrading test -pl "$lab" -am \
    > ".grading/$lab/build.log" 2>&1
  echo $? > ".grading/$lab/exit"
done

# 4. The report, from the kit's graded-test lists and whatever reports the builds left.
java -cp lab-support/target/classes tcplab.support.grade.Grader "$work" "$out" "${labs[@]}" \
  || grader_error "the report could not be written"
