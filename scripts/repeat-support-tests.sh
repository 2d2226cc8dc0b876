#!/usr/bin/env bash
# The support modules' own tests, many times in a row (a flakiness check, kept apart from .ci/run). They run only in
# the kit check, which takes minutes; alone they take seconds, so a rare race shows within a few dozen runs.
#   scripts/repeat-support-tests.sh [RUNS] [MODULES]     (defaults: 30 runs of lab-support,lab-grader)
# MODULES may name other modules too, for example solutions/lab-03-teardown.
# Prints one line per run and a tally; keeps the log of every failed run; exits 1 if any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-30}
modules=${2:-lab-support,lab-grader}
logs=$(mktemp -d)

failed=0
for i in $(seq 1 "$runs"); do
  log="$logs/run-$i.log"
  status=passed
  ./mvnw -B -o -pl "$modules" -am -Pkit-check test > "$log" 2>&1 || status=FAILED
  summary=$(grep -a -E '^\[(INFO|ERROR|WARNING)\] Tests run: [0-9]+, [^-]*$' "$log" | tr -d '[]' | paste -sd ';' -)
  # A solution's failures do not stop the build (the kit check judges them later), so read the summaries too.
  if grep -q -E '(Failures|Errors): [1-9]' <<< "$summary"; then status=FAILED; fi
  echo "run $i: $status ($summary)"
  if [ $status = passed ]; then
    rm -f "$log"
  else
    failed=$((failed + 1))
    grep -a -E '<<< (FAILURE|ERROR)!' "$log" | grep -v 'Tests run' | sed 's/^/    /'
  fi
done
echo "tests of $modules: $((runs - failed)) of $runs runs passed; failed runs' logs in $logs"
[ $failed -eq 0 ]
