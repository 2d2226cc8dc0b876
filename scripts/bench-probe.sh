#!/usr/bin/env bash
# The kernel-state probe's cost on Linux, for the /proc backend (now) and the OSHI backend (before): the time to
# create the probe, its first self-check, and the median, p95 and max milliseconds per snapshot over SNAPSHOTS
# snapshots, each in RUNS fresh JVMs, under two conditions:
#   idle: the machine as it is;
#   busy: PROCS extra processes holding FDS descriptors each (500 x 24 = 12,000), as on a desktop with a browser
#         and an IDE open. OSHI's getConnections() walks every /proc/PID/fd; the /proc backend does not.
# Also checks that the /proc backend loads no OSHI class. Not part of CI.
#   scripts/bench-probe.sh [SNAPSHOTS] [RUNS] [PROCS] [FDS]      (defaults 200 3 500 24)
set -euo pipefail
cd "$(dirname "$0")/.."

snapshots=${1:-200}
runs=${2:-3}
procs=${3:-500}
fds=${4:-24}
work=$(mktemp -d)
holders=()

cleanup() {
  if [ ${#holders[@]} -gt 0 ]; then
    kill "${holders[@]}" 2>/dev/null || true
    wait "${holders[@]}" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The exec plugin needs lab-grader resolvable outside a full reactor build: install it, its parent and lab-support.
./mvnw -B -q -o -pl .,lab-support,lab-grader install -DskipTests
./mvnw -B -q -o -pl lab-support test-compile
# lab-support's test classpath (the dependency plugin is not in the offline repository; the exec plugin is).
classpath=$(./mvnw -B -q -o -pl lab-support exec:exec -Dexec.skip=false -Dexec.executable=echo \
  -Dexec.args=%classpath -Dexec.classpathScope=test | tail -1)

bench() {
  local condition=$1 backend run
  echo "$condition: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
  for backend in proc oshi; do
    for run in $(seq 1 "$runs"); do
      echo "$condition run=$run $(java -cp "$classpath" tcplab.support.probe.ProbeBench "$backend" "$snapshots")"
    done
  done
}

# One process holding $fds descriptors on /dev/null: a subshell opens them, then becomes sleep, which keeps them.
hold_descriptors() {
  (
    for ((fd = 3; fd < 3 + fds; fd++)); do eval "exec $fd</dev/null"; done
    exec sleep 3600
  ) < /dev/null > /dev/null 2>&1 &
  holders+=($!)
}

oshi_classes=$(java -verbose:class -cp "$classpath" tcplab.support.probe.ProbeBench proc 1 | grep -c ' oshi\.' || true)
echo "OSHI classes loaded by the /proc backend: $oshi_classes"

bench idle

for ((i = 0; i < procs; i++)); do hold_descriptors; done
# Wait until every holder has become sleep with its descriptors open, then count them.
for _ in $(seq 1 100); do
  held=0
  for pid in "${holders[@]}"; do
    n=$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    held=$((held + (n > 3 ? n - 3 : 0)))
  done
  [ "$held" -ge $((procs * fds)) ] && break
  sleep 0.1
done
echo "busy: ${#holders[@]} extra processes holding $held extra descriptors; $(ls -d /proc/[0-9]* | wc -l) processes in all"
bench busy
