#!/usr/bin/env bash
# Lab 04 figure: the reference SturdyServer under load on loopback.
#   1. CONNECTIONS connections held open, each sending a line and reading its echo once a second, for SECONDS;
#   2. then CYCLES connect-echo-close cycles, 50 at a time.
# Reports the errors, the server JVM's peak thread count (and its idle count before the load), the connections
# of the server's port left in CLOSE_WAIT afterwards, and the p50 and p99 echo latency of each phase.
#   scripts/bench-lab04-load.sh [CONNECTIONS] [SECONDS] [CYCLES]      (defaults 1000 60 10000)
set -euo pipefail
cd "$(dirname "$0")/.."

connections=${1:-1000}
seconds=${2:-60}
cycles=${3:-10000}
. scripts/lib/bench.sh
full_jit
port=$(free_port)
work=$(mktemp -d)

./mvnw -B -q install -DskipTests
# Enough workers for every held connection, and an idle timeout well above the one-second echo period.
./mvnw -B -q -o -pl solutions/lab-04-failure-modes exec:java@server -Dport="$port" \
  -Dworkers=$((connections + 100)) -DidleTimeoutMillis=30000 > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server $sampler 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do grep -q 'listening' "$work/server.log" 2>/dev/null && break; sleep 0.2; done
# The JVM that runs the server is Maven's own (exec:java): the java process whose arguments name this port.
pid=$(pgrep -f "exec:java@server -Dport=$port" | while read -r p; do
  case "$(readlink "/proc/$p/exe" 2>/dev/null)" in */java) echo "$p" ;; esac
done | head -1)
[ -n "$pid" ] || { echo "error: cannot find the server's JVM" >&2; exit 1; }
idle_threads=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")

# The server JVM's thread count, sampled every 100 ms; the peak is kept in a file.
sampler_loop() {
  local peak=0 n
  while [ -r "/proc/$pid/status" ]; do
    n=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${n:-0}" -gt "$peak" ] && { peak=$n; echo "$peak" > "$work/peak"; }
    sleep 0.1
  done
}
sampler_loop &
sampler=$!

python3 - "$port" "$connections" "$seconds" "$cycles" <<'PY'
import asyncio, resource, sys, time

port, connections, seconds, cycles = (int(a) for a in sys.argv[1:5])
# One descriptor per held connection, more than the usual soft limit of 1024.
_, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
errors = {}

def error(kind):
    errors[kind] = errors.get(kind, 0) + 1

def percentiles(samples):
    samples = sorted(samples)
    if not samples:
        return "no samples"
    pick = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))] * 1000
    return f"p50 {pick(0.50):.2f} ms, p99 {pick(0.99):.2f} ms ({len(samples)} echoes)"

async def echo(reader, writer, line):
    start = time.perf_counter()
    writer.write(line)
    await writer.drain()
    reply = await asyncio.wait_for(reader.readline(), 5)
    if reply != line:
        raise ValueError("BUSY" if reply == b"BUSY\n" else "wrong echo")
    return time.perf_counter() - start

async def held(i, opened, samples, stop):
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
    except Exception as e:
        error(f"connect: {type(e).__name__}")
        return
    opened.append(i)
    await asyncio.sleep((i % 100) / 100)  # spread the echoes over the second
    n = 0
    while time.monotonic() < stop:
        try:
            samples.append(await echo(reader, writer, f"held {i} {n}\n".encode()))
        except Exception as e:
            error(f"held echo: {type(e).__name__} {e}")
            break
        n += 1
        await asyncio.sleep(1)
    writer.close()

async def cycle(i, samples):
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
        samples.append(await echo(reader, writer, f"cycle {i}\n".encode()))
        writer.close()
        await writer.wait_closed()
    except Exception as e:
        error(f"cycle: {type(e).__name__} {e}")

async def main():
    opened, held_samples = [], []
    stop = time.monotonic() + seconds
    tasks = []
    for i in range(connections):
        tasks.append(asyncio.create_task(held(i, opened, held_samples, stop)))
        if i % 100 == 99:
            await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)
    print(f"held:   {len(opened)} of {connections} connections open for {seconds} s; echo {percentiles(held_samples)}")
    cycle_samples = []
    start = time.monotonic()
    limit = asyncio.Semaphore(50)
    async def bounded(i):
        async with limit:
            await cycle(i, cycle_samples)
    await asyncio.gather(*(bounded(i) for i in range(cycles)))
    print(f"cycles: {len(cycle_samples)} of {cycles} connect-echo-close cycles in {time.monotonic() - start:.1f} s;"
          f" echo {percentiles(cycle_samples)}")
    print("errors: " + (", ".join(f"{k}: {v}" for k, v in sorted(errors.items())) or "none"))

asyncio.run(main())
PY

sleep 2
close_wait=$(ss -tan state close-wait "( sport = :$port )" | tail -n +2 | wc -l)
echo "threads: server JVM idle $idle_threads, peak $(cat "$work/peak" 2>/dev/null || echo '?')"
echo "close-wait: $close_wait connections of port $port in CLOSE_WAIT 2 s after the load"
