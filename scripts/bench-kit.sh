#!/usr/bin/env bash
# Figures for the kit (a benchmark, kept apart from .ci/run):
#   1. each lab's student command, median wall time of 5 runs, with a warm local repository;
#   2. the kit check's wall time, 20 runs in a row;
#   3. then 10 runs with both cores loaded (stress-ng --cpu 2), and 4 runs at once.
# Every kit check must exit 0 and give the same outcome for every test as the first run.
#   scripts/bench-kit.sh [RUNS_IN_A_ROW] [RUNS_LOADED] [RUNS_AT_ONCE]      (defaults 20 10 4)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/bench.sh

in_a_row=${1:-20}
loaded=${2:-10}
at_once=${3:-4}
command -v stress-ng >/dev/null || { echo "error: needs stress-ng (apt-get install stress-ng)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each run gets its own clone of HEAD, so that runs at once do not share target/ folders.
clone() { git clone -q . "$work/$1"; }

# Wall time in seconds of "$@", run in folder $1; the command's own status is ignored.
seconds() {
  local dir=$1; shift
  local start
  start=$(now)
  (cd "$dir" && "$@" > /dev/null 2>&1) || true
  elapsed "$start" "$(now)"
}

clone warm
(cd "$work/warm" && ./mvnw -B -q install -DskipTests > /dev/null)

for lab in $(cd "$work/warm" && ls -d lab-[0-9]*/ | tr -d /); do
  echo "== $lab student command: ./mvnw test -pl $lab -am (untouched starter)"
  times=()
  for i in 1 2 3 4 5; do
    times+=("$(seconds "$work/warm" ./mvnw -B test -pl "$lab" -am)")
  done
  printf '   runs: %s s\n' "${times[*]}"
  printf '   median of 5: %.1f s\n' "$(median "${times[@]}")"
done

reference=""
flakes=0
judge() {  # $1 = run folder, $2 = label
  local rc; rc=$(cat "$1.rc")
  if [ -z "$reference" ]; then reference="$1.sig"; fi
  if [ "$rc" != 0 ]; then
    flakes=$((flakes + 1)); echo "   $2: kit check FAILED (exit $rc), log kept in $1.log"; cp "$1.log" "/tmp/$(basename "$1").log"
  elif ! cmp -s "$reference" "$1.sig"; then
    flakes=$((flakes + 1)); echo "   $2: outcomes differ from the first run:"; diff "$reference" "$1.sig" | head -10 || true
  fi
}

# $2 kit checks one after the other, each in a clone of its own named $1N; their wall times go to times.
checks_in_turn() {  # $1 = clone prefix, $2 = runs, $3 = label
  times=()
  for i in $(seq 1 "$2"); do
    clone "$1$i"
    times+=("$(kit_check "$work/$1$i")")
    judge "$work/$1$i" "$3 $i"
  done
  printf '   runs: %s s\n' "${times[*]}"
}

echo "== kit check: ./mvnw clean verify -Pkit-check, $in_a_row runs in a row"
checks_in_turn row "$in_a_row" "run"
printf '   median of %d: %.1f s; slowest %.1f s; %d tests per run\n' "$in_a_row" \
  "$(median "${times[@]}")" "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" "$(wc -l < "$reference")"

echo "== kit check with both cores loaded (stress-ng --cpu 2), $loaded runs"
stress-ng --cpu 2 --timeout 3600s --quiet &
stress=$!
checks_in_turn load "$loaded" "loaded run"
kill "$stress"; wait "$stress" 2>/dev/null || true
printf '   median of %d: %.1f s\n' "$loaded" "$(median "${times[@]}")"

echo "== kit check, $at_once runs at once"
for i in $(seq 1 "$at_once"); do clone "once$i"; done
start=$(date +%s.%N)
for i in $(seq 1 "$at_once"); do kit_check "$work/once$i" > "$work/once$i.time" & done
wait
printf "   all %d done in %.1f s\n" "$at_once" "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')"
for i in $(seq 1 "$at_once"); do judge "$work/once$i" "run $i at once"; done

total=$((in_a_row + loaded + at_once))
echo "== tally: $((total - flakes)) of $total kit checks passed with identical outcomes; flakes: $flakes"
[ "$flakes" = 0 ]
