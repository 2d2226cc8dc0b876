#!/usr/bin/env bash
# Lab 02 figure: the reference bulk echo server's throughput on loopback, against
#   socat TCP-LISTEN:PORT,bind=127.0.0.1,fork EXEC:cat
# with the same client (the reference BulkEchoClient) and the same payload, in the same run, alternating.
#   scripts/bench-lab02-throughput.sh [RUNS] [BYTES]      (defaults 5 runs of 256 MiB)
# Prints each run's throughput, the medians, and their ratio. Needs socat (apt-get install socat).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
bytes=${2:-268435456}
command -v socat >/dev/null || { echo "error: needs socat (apt-get install socat)" >&2; exit 1; }

. scripts/lib/bench.sh
full_jit
java_port=$(free_port)
socat_port=$(free_port)
module=solutions/lab-02-data-transfer

./mvnw -B -q install -DskipTests
./mvnw -B -q -o -pl "$module" exec:java@server -Dport="$java_port" -Dprotocol=bytes > /dev/null 2>&1 &
java_server=$!
socat "TCP-LISTEN:$socat_port,bind=127.0.0.1,reuseaddr,fork" EXEC:cat &
socat_server=$!
trap 'kill $java_server $socat_server 2>/dev/null || true' EXIT
wait_for_port "$java_port"
wait_for_port "$socat_port"

echo "payload: $bytes bytes, $runs runs each, alternating; reference: the reference EchoServer (bytes), socat: EXEC:cat"
compare_throughput "$runs" "$bytes" "$socat_port" "$java_port" socat reference
