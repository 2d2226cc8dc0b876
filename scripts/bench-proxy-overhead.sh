#!/usr/bin/env bash
# Lab 04 figure: the fault proxy's own cost. Loopback echo throughput of Lab 02's reference bulk echo (server in
# BYTES mode, BulkEchoClient) directly, and through a FaultProxy with no fault, alternating in the same run.
#   scripts/bench-proxy-overhead.sh [RUNS] [BYTES]      (defaults 7 runs of 256 MiB)
# After two warm-up transfers each way, prints each run's throughput, the medians, and the ratio proxy / direct.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-7}
bytes=${2:-268435456}
. scripts/lib/bench.sh
full_jit
server_port=$(free_port)
work=$(mktemp -d)

./mvnw -B -q install -DskipTests
./mvnw -B -q -o -pl solutions/lab-02-data-transfer exec:java@server -Dport="$server_port" -Dprotocol=bytes \
  > /dev/null 2>&1 &
server=$!
./mvnw -B -q -o -pl lab-support exec:java -Dexec.skip=false -Dexec.mainClass=tcplab.support.proxy.FaultProxy \
  -DserverPort="$server_port" > "$work/proxy.out" 2>&1 &
proxy=$!
trap 'kill $server $proxy 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do grep -q 'proxy on' "$work/proxy.out" 2>/dev/null && break; sleep 0.2; done
proxy_port=$(sed -nE 's/^proxy on 127\.0\.0\.1:([0-9]+).*/\1/p' "$work/proxy.out")
[ -n "$proxy_port" ] || { cat "$work/proxy.out"; exit 1; }
wait_for_port "$server_port"

# Two unmeasured transfers each way first, so both paths are measured with their code compiled by the JIT.
for _ in 1 2; do
  throughput "$server_port" "$bytes" > /dev/null
  throughput "$proxy_port" "$bytes" > /dev/null
done
compare_throughput "$runs" "$bytes" "$server_port" "$proxy_port" direct proxied
