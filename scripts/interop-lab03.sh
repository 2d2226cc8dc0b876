#!/usr/bin/env bash
# Lab 03 with standard tools, on real files (the JPEG and the 100 KB word list of the lab's tests):
#   1. the server answers nc -N, socat, and a client that writes and reads one byte at a time;
#   2. the client pipes each file through socat's echo server unchanged, exits with 0, and talks to the server.
# Needs nc (netcat-openbsd), socat and python3.
#   scripts/interop-lab03.sh [MODULE]        (default solutions/lab-03-teardown; lab-03-teardown tests your code)
set -euo pipefail
cd "$(dirname "$0")/.."

# The reference implementation where the kit has it; in the student copy, your own code.
module=${1:-lab-03-teardown}
[ $# -gt 0 ] || [ ! -d solutions/lab-03-teardown ] || module=solutions/lab-03-teardown
for tool in nc socat python3; do
  command -v "$tool" > /dev/null || { echo "error: needs $tool (apt-get install netcat-openbsd socat python3)" >&2; exit 1; }
done
resources=lab-03-teardown/src/test/resources/tcplab/lab03
files=("$resources/photo.jpg" "$resources/words.txt")

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_listening() {
  for _ in $(seq 150); do nc -z 127.0.0.1 "$1" 2> /dev/null && return 0; sleep 0.2; done
  echo "error: nothing listens on port $1" >&2; exit 1
}
digest() { echo "$(wc -c < "$1" | tr -d ' ') $(sha256sum "$1" | cut -d' ' -f1)"; }

passed=0
failed=0
check() {
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok    $1"
  else failed=$((failed + 1)); echo "FAIL  $1: expected '$2', got '$3'"; fi
}

# A client that writes one byte per send() with TCP_NODELAY, half-closes, and reads one byte per recv().
one_byte_client() {
  python3 - "$1" "$2" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
for b in open(sys.argv[2], "rb").read():
    s.sendall(bytes([b]))
s.shutdown(socket.SHUT_WR)
reply = bytearray()
while (b := s.recv(1)):
    reply += b
print(reply.decode("ascii"), end="")
PY
}

run_client() { ./mvnw -q -B -pl "$module" -am exec:java@client -Dport="$1"; }

./mvnw -q -B -pl "$module" -am compile

echo "== the server ($module) with standard clients"
port=$(free_port)
./mvnw -q -B -pl "$module" -am exec:java@server -Dport="$port" 2> "$work/server.log" &
pids+=($!)
wait_listening "$port"
for f in "${files[@]}"; do
  name=$(basename "$f")
  check "nc -N sends $name" "$(digest "$f")" "$(nc -N 127.0.0.1 "$port" < "$f")"
  check "socat sends $name" "$(digest "$f")" "$(socat -t 5 - TCP:127.0.0.1:"$port" < "$f")"
  check "a client that writes and reads one byte at a time sends $name" "$(digest "$f")" "$(one_byte_client "$port" "$f")"
  check "the lab's client sends $name" "$(digest "$f")" "$(run_client "$port" < "$f")"
done

echo "== the client ($module) with socat's echo server"
echo_port=$(free_port)
socat TCP-LISTEN:"$echo_port",bind=127.0.0.1,reuseaddr,fork EXEC:cat &
pids+=($!)
wait_listening "$echo_port"
for f in "${files[@]}"; do
  name=$(basename "$f")
  status=0
  run_client "$echo_port" < "$f" > "$work/$name.echoed" || status=$?
  check "$name comes back identical" "$(sha256sum < "$f")" "$(sha256sum < "$work/$name.echoed")"
  check "the client exits with 0 after $name" "0" "$status"
done

echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
