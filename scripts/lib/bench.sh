# Helpers shared by the benchmark scripts; source it from the repository's root.

# A port that was free a moment ago on 127.0.0.1.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# For throughput: the programs run inside Maven's JVM (exec:java); give it the full JIT, which .mvn/jvm.config
# turns off for a faster start. Timings of the kit's own commands leave it as a student has it.
full_jit() { export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4"; }

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


# Seconds since the epoch, with fractions; and the seconds between two such readings.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# One kit check in folder $1 (a clone): writes its exit status to $1.rc, its log to $1.log, and its signature
# (module, test, outcome per line) to $1.sig; prints its wall time in seconds.
kit_check() {
  local dir=$1 start rc=0
  start=$(now)
  (cd "$dir" && ./mvnw -B -o -q clean verify -Pkit-check > "$dir.log" 2>&1) || rc=$?
  echo "$rc" > "$dir.rc"
  find "$dir" -path '*/target/kit-check/outcomes.tsv' | sort | while read -r f; do
    awk -F'\t' -v m="${f#"$dir"/}" '$3 != "PLANNED" { print m, $1, $3 }' "$f"
  done | sort > "$dir.sig"
  elapsed "$start" "$(now)"
}

# A submission made of the reference solutions, in folder $2, from the repository at $1.
reference_submission() {
  local repo=$1 dir=$2 lab
  for lab in "$repo"/solutions/lab-[0-9]*/; do
    lab=$(basename "$lab")
    mkdir -p "$dir/$lab/src"
    cp -R "$repo/solutions/$lab/src/main" "$dir/$lab/src/main"
    if [ -d "$repo/$lab/src/main/resources" ]; then cp -R "$repo/$lab/src/main/resources" "$dir/$lab/src/main/"; fi
  done
}

# Grades the reference solutions with the clone $1's grader: prints "SCORE/MAX" and its wall time in seconds.
grade_reference() {
  local dir=$1 start
  start=$(now)
  rm -rf "$dir.submission" "$dir.report"
  reference_submission "$dir" "$dir.submission"
  (cd "$dir" && grading/grade.sh --submission "$dir.submission" --out "$dir.report" --offline > "$dir.grade.log" 2>&1) || true
  python3 - "$dir.report/results.json" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
    print(f'{r["score"]:g}/{sum(t.get("max_score", 0) for t in r["tests"]):g}', end=" ")
except (OSError, ValueError, KeyError) as e:
    print(f"no-report({e.__class__.__name__})", end=" ")
PY
  elapsed "$start" "$(now)"
}

# Starts $1 processes that each hold $2 open descriptors and sleep, in a process group of their own; prints the
# group's id. stop_crowd ends them all.
start_crowd() {
  setsid python3 - "$1" "$2" > /dev/null 2>&1 <<'PY' &
import os, signal, sys, time
count, fds = int(sys.argv[1]), int(sys.argv[2])
for _ in range(count):
    if os.fork() == 0:
        held = [os.open("/dev/null", os.O_RDONLY) for _ in range(fds)]
        signal.pause()
        os._exit(0)
signal.pause()
PY
  local pid=$!
  # wait until every child holds its descriptors
  for _ in $(seq 1 300); do
    [ "$(pgrep -g "$pid" | wc -l)" -gt "$1" ] && break
    sleep 0.1
  done
  echo "$pid"
}
stop_crowd() { kill -- "-$1" 2>/dev/null || true; }

# Alternates $1 bulk transfers of $2 bytes each to 127.0.0.1:$3 and to 127.0.0.1:$4; prints each side's MiB/s and
# median, labelled $5 and $6, and the ratio of the second median to the first.
compare_throughput() {
  local runs=$1 bytes=$2 first=() second=() i m1 m2
  for i in $(seq 1 "$runs"); do
    first+=("$(throughput "$3" "$bytes")")
    second+=("$(throughput "$4" "$bytes")")
  done
  m1=$(median "${first[@]}")
  m2=$(median "${second[@]}")
  printf '%-8s %s MiB/s, median %s\n' "$5:" "${first[*]}" "$m1"
  printf '%-8s %s MiB/s, median %s\n' "$6:" "${second[*]}" "$m2"
  awk -v a="$m1" -v b="$m2" -v what="$6 / $5" 'BEGIN { printf "ratio %s: %.2f\n", what, b / a }'
}

# The median of its arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
