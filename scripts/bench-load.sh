#!/usr/bin/env bash
# The kit on a busy machine (a benchmark, kept apart from .ci/run): under each load condition, the kit check and
# one full grading of the reference solutions, each in a fresh clone of HEAD.
#   scripts/bench-load.sh [RUNS] [CONDITION ...]        (defaults: 2 runs of every condition)
# Conditions: idle, cpu4 (stress-ng --cpu 4), crowd (500 extra processes holding 12,000 descriptors), four-at-once
# (4 kit checks and a grading at the same time), cpu8-crowd (stress-ng --cpu 8 and the 500 processes).
# Every kit check must exit 0 with the same outcome for every test as the first idle run, and every grading of the
# reference must give full marks. Prints one line per run and a tally; exits 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh

runs=${1:-2}
shift || true
conditions=("$@")
[ ${#conditions[@]} -gt 0 ] || conditions=(idle cpu4 crowd four-at-once cpu8-crowd)
command -v stress-ng > /dev/null || { echo "error: needs stress-ng (apt-get install stress-ng)" >&2; exit 1; }

work=$(mktemp -d)
stress=""
crowd=""
stop_load() {
  if [ -n "$stress" ]; then kill "$stress" 2> /dev/null || true; wait "$stress" 2> /dev/null || true; stress=""; fi
  if [ -n "$crowd" ]; then stop_crowd "$crowd"; crowd=""; fi
}
trap 'stop_load; rm -rf "$work"' EXIT

start_load() {
  case $1 in
    idle | four-at-once) ;;
    cpu4) stress-ng --cpu 4 --timeout 7200s --quiet & stress=$! ;;
    crowd) crowd=$(start_crowd 500 24) ;;
    cpu8-crowd) crowd=$(start_crowd 500 24); stress-ng --cpu 8 --timeout 7200s --quiet & stress=$! ;;
    *) echo "error: unknown condition $1" >&2; exit 2 ;;
  esac
}

# Warm the local repository once, so that every run below is offline.
git clone -q . "$work/warm"
(cd "$work/warm" && ./mvnw -B -q -Pkit-check test-compile > /dev/null)

baseline=""
failures=0
short_grades=0
n=0
# Judges one finished run in folder $1: its kit check against the baseline, its grade against full marks.
judge() {
  local dir=$1 label=$2 check_time=$3 grade=$4 verdict="same outcomes"
  n=$((n + 1))
  if [ -z "$baseline" ]; then baseline="$work/baseline.sig"; cp "$dir.sig" "$baseline"; verdict="baseline"; fi
  if [ "$(cat "$dir.rc")" != 0 ]; then
    verdict="kit check FAILED (exit $(cat "$dir.rc")), log: /tmp/bench-load-$(basename "$dir").log"
    cp "$dir.log" "/tmp/bench-load-$(basename "$dir").log"
    failures=$((failures + 1))
  elif ! cmp -s "$baseline" "$dir.sig"; then
    verdict="outcomes differ: $(diff "$baseline" "$dir.sig" | grep -c '^[<>]') lines"
    failures=$((failures + 1))
  fi
  local score=${grade% *}
  if [ -n "$grade" ] && [ "${score%/*}" != "${score#*/}" ]; then
    verdict="$verdict; grade NOT full marks"
    failures=$((failures + 1))
    short_grades=$((short_grades + 1))
  fi
  printf '   %-22s kit check %6.1f s, %d tests: %s%s\n' "$label" "$check_time" "$(wc -l < "$dir.sig")" "$verdict" \
    "${grade:+; reference graded ${grade% *} in ${grade#* } s}"
}

for condition in "${conditions[@]}"; do
  echo "== $condition"
  start_load "$condition"
  for r in $(seq 1 "$runs"); do
    if [ "$condition" = four-at-once ]; then
      for i in 1 2 3 4; do git clone -q . "$work/$condition-$r-$i"; done
      for i in 1 2 3 4; do kit_check "$work/$condition-$r-$i" > "$work/$condition-$r-$i.time" & done
      grade_reference "$work/$condition-$r-1" > "$work/$condition-$r.grade"
      wait
      for i in 1 2 3 4; do
        g=""; [ "$i" = 1 ] && g=$(cat "$work/$condition-$r.grade")
        judge "$work/$condition-$r-$i" "run $r, check $i of 4" "$(cat "$work/$condition-$r-$i.time")" "$g"
      done
    else
      dir="$work/$condition-$r"
      git clone -q . "$dir"
      t=$(kit_check "$dir")
      judge "$dir" "run $r" "$t" "$(grade_reference "$dir")"
    fi
  done
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_load
done

echo "== tally: $n kit checks, $failures failures; reference gradings short of full marks: $short_grades"
[ "$failures" = 0 ]
