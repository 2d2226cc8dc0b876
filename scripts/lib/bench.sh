# Helpers shared by the benchmark scripts; source it from the repository's root.

# A port that was free a moment ago on 127.0.0.1.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The programs run inside Maven's JVM (exec:java); give it the full JIT, which .mvn/jvm.config turns off for speed.
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4"

# Waits up to 15 s until 127.0.0.1:$1 accepts connections.
wait_for_port() {
  for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "error: nothing listens on 127.0.0.1:$1" >&2
  return 1
}

# One bulk transfer of $2 bytes with Lab 02's reference client to 127.0.0.1:$1. The client's own line goes to
# stderr; its MiB/s to stdout. Fails if the digests differ.
throughput() {
  local out
  out=$(./mvnw -B -q -o -pl solutions/lab-02-data-transfer exec:java@client -Dport="$1" -Dbytes="$2")
  echo "$out" >&2
  echo "$out" | grep -F 'sha-256 matches' | sed -E 's/.*: ([0-9.]+) MiB\/s.*/\1/'
}

# The median of its arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
