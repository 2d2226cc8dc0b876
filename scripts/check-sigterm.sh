#!/usr/bin/env bash
# Checks that every server program of the kit ends promptly on SIGTERM, at any moment: while Maven starts, while
# the program starts, and once it listens. For each module and moment it starts the server the way the handouts
# do (exec:java@server, on port 0), sends SIGTERM the way `kill %1` does, and reports how long the JVM took to
# end and whether anything of it still listened.
#   scripts/check-sigterm.sh [DELAYS...]     DELAYS in seconds after the start, or "listening"; default 0.5 2 4 listening
# Exits non-zero if any server outlived its SIGTERM by more than LIMIT_S seconds (default 5).
set -uo pipefail
cd "$(dirname "$0")/.."

delays=("$@")
[ ${#delays[@]} -gt 0 ] || delays=(0.5 2 4 listening)
limit_s=${LIMIT_S:-5}
modules=(lab-01-handshake lab-02-data-transfer lab-03-teardown lab-04-failure-modes)
[ -d solutions ] && modules+=(solutions/lab-01-handshake solutions/lab-02-data-transfer solutions/lab-03-teardown
  solutions/lab-04-failure-modes)
logs=$(mktemp -d)

./mvnw -q -B compile > "$logs/compile.log" 2>&1 || { tail -20 "$logs/compile.log"; exit 1; }

listening() { ss -ltnpH 2>/dev/null | grep -q "pid=$1,"; }

set -m  # job control, so that the server runs in its own process group, as `cmd &` in a terminal does
failed=0
for module in "${modules[@]}"; do
  for delay in "${delays[@]}"; do
    log="$logs/$(echo "$module" | tr / _)-$delay.log"
    ./mvnw -q -B -pl "$module" exec:java@server -Dport=0 > "$log" 2>&1 &
    pid=$!
    if [ "$delay" = listening ]; then
      for _ in $(seq 1 300); do listening "$pid" && break; sleep 0.1; done
    else
      sleep "$delay"
    fi
    was_listening=no; listening "$pid" && was_listening=yes
    sent=$(date +%s%N)
    kill -TERM %1 2>/dev/null
    for _ in $(seq 1 $((limit_s * 20))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "FAIL $module after $delay s: still running ${limit_s} s after SIGTERM (listening: $(listening "$pid" && echo yes || echo no)); log: $log"
      failed=$((failed + 1))
      kill -KILL -- -"$pid" 2>/dev/null
    else
      echo "ok   $module after $delay s (listening when signalled: $was_listening): ended in $(( ($(date +%s%N) - sent) / 1000000 )) ms"
    fi
    wait "$pid" 2>/dev/null
  done
done
echo "$failed failure(s); logs in $logs"
[ "$failed" -eq 0 ]
