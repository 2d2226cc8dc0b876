#!/usr/bin/env bash
# Grades a submission with the kit's own tests, and writes a complete report whatever the submission does.
#   grading/grade.sh [--submission DIR] [--out DIR] [--offline] [--lang en|ko] [LAB ...]
# DIR defaults to this kit itself; LAB defaults to every lab-NN folder. From each lab of the submission it takes
# only the .java files of the lab's package and the lab's own resources; tests, POMs, scripts and the lab's given
# code (src/given) are the kit's, hidden tests come from grading/hidden/LAB/src/test. Each test JVM runs in a bubblewrap sandbox where it can.
# Writes OUT/summary.txt (without hidden tests), summary-with-hidden.txt, results.json (Gradescope),
# classroom.json and classroom.b64 (GitHub Classroom), and the same per lab in OUT/LAB/. Exits 0 when the report
# is written, whatever the score. Limits: GRADE_LAB_TIMEOUT seconds per lab (default 300). GRADE_SANDBOX=off
# grades without the sandbox (to compare; the report says so). GRADE_KEEP_LOGS=DIR keeps each lab's build log and
# Surefire reports in DIR/LAB (for the kit's own checks; they name hidden tests). --lang ko writes the failure
# messages, hints and the report's fixed words in Korean (default: $KIT_LANG, else as the tests' JVM locale says,
# which is English unless Korean). The grade is the same in both languages.
set -uo pipefail

kit=$(cd "$(dirname "$0")/.." && pwd)
submission=$kit
out=$PWD/grading-report
offline=()
lang=${KIT_LANG:-}
labs=()
while [ $# -gt 0 ]; do
  case $1 in
    --submission) submission=$(cd "$2" && pwd) || exit 2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --offline) offline=(-o); shift ;;
    --lang) lang=$2; shift 2 ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    -*) echo "grade.sh: unknown option $1" >&2; exit 2 ;;
    *) labs+=("$1"); shift ;;
  esac
done
case $lang in ""|en|ko) ;; *) echo "grade.sh: --lang takes en or ko, not $lang" >&2; exit 2 ;; esac
if [ ${#labs[@]} -eq 0 ]; then
  for pom in "$kit"/lab-[0-9]*/pom.xml; do labs+=("$(basename "$(dirname "$pom")")"); done
fi
limit=${GRADE_LAB_TIMEOUT:-300}
mkdir -p "$out"
out=$(cd "$out" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/grade.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A report even when the grader itself cannot run: zero points, and the reason.
grader_error() {
  local reason=$1
  echo "grade.sh: $reason" >&2
  python3 - "$out" "$reason" <<'PY' 2>/dev/null || printf '{"score": 0, "output": "grader error"}\n' > "$out/results.json"
import json, sys
out, reason = sys.argv[1], sys.argv[2]
json.dump({"score": 0, "output": "The grader could not run: " + reason, "tests": []}, open(out + "/results.json", "w"))
PY
  exit 1
}

# 1. The kit's grading copy: nothing secret in it (no reference solutions, no mutants, no hidden tests' sources,
# no grader tests), and no build output.
(cd "$kit" && tar --exclude=./.git --exclude=./solutions --exclude=./scripts/mutants.py --exclude=./grading/test \
   --exclude=./grading/hidden --exclude=./grading/gradescope --exclude='./grading-report' --exclude='*/target' -cf - .) \
  | tar -xf - -C "$work" || grader_error "cannot copy the kit"
for lab in "${labs[@]}"; do
  [ -f "$work/$lab/pom.xml" ] || grader_error "no lab named $lab in the kit"
  mkdir -p "$work/.grading/$lab"
done
mkdir -p "$work/.grading/hidden"
cd "$work"
modules=$(IFS=,; echo "${labs[*]}")

# 2. The list of graded tests, from the kit's tests compiled against the kit's starters; the hidden tests are
# compiled here too, from the kit's own folder, and only their classes are kept, out of the grading copy's tree.
./mvnw -B -ntp "${offline[@]}" -Pgrading process-test-classes -DskipTests -pl "$modules" -am \
  -Dkit.grade.hidden.root="$kit/grading/hidden" > .grading/kit.log 2>&1 \
  || { tail -30 .grading/kit.log | grep -v -i hidden >&2; grader_error "the kit's own tests do not compile; see the log above"; }
for lab in "${labs[@]}"; do
  cat "$lab/target/grading/graded-tests.tsv" "$lab/target/grading/hidden-tests.tsv" > ".grading/$lab/graded-tests.tsv" \
    || grader_error "no graded-test list for $lab"
  cp "$lab/target/grading/title.txt" ".grading/$lab/title.txt" || grader_error "no title for $lab"
  [ ! -d "$lab/target/hidden-test-classes" ] || mv "$lab/target/hidden-test-classes" ".grading/hidden/$lab"
  rm -rf "$lab/target"
done
# The grader's own programs, as built now, before any student code is compiled.
mkdir -p .grading/grader
cp -R lab-grader/target/classes .grading/grader/lab-grader && cp -R lab-support/target/classes .grading/grader/lab-support \
  || grader_error "the grader's programs did not build"

# The lab's own package directory: lab-01-handshake -> tcplab/lab01.
package_of() { echo "tcplab/lab$(sed -E 's/^lab-([0-9]+).*/\1/' <<< "$1")"; }

# Takes from a submission's LAB/src/main only what a student may change: regular .java files in the lab's own
# package, but none that stands in for the lab's given code, and the resources the kit's lab ships (its allow-list).
# Every other file is listed with the reason.
intake() {
  local lab=$1 from=$2 to=$3 dropped=$4
  local package id='[A-Za-z_$][A-Za-z0-9_$]*' shipped=() path rel reason r
  package=$(package_of "$lab")
  while IFS= read -r -d '' path; do shipped+=("${path#"$lab/src/main/"}"); done \
    < <(find "$lab/src/main/resources" -type f -print0 2>/dev/null)
  mkdir -p "$to/java/$package"
  : > "$dropped"
  while IFS= read -r -d '' path; do
    rel=${path#"$from/"}
    reason=
    if [ -L "$path" ]; then
      reason="a symbolic link; only regular files are taken"
    elif [ -d "$path" ]; then
      continue
    elif [ ! -f "$path" ]; then
      reason="not a regular file"
    elif [[ $rel == *.class ]]; then
      reason="a compiled class; only sources are taken, and compiled here"
    elif [[ $rel == *junit-platform.properties ]]; then
      reason="configures the test engine, which only the grader does"
    elif [[ $rel == */META-INF/services/* ]]; then
      reason="registers a service in the test JVM"
    elif [[ $rel == java/* ]]; then
      if [[ ! $rel =~ ^java/$package(/$id)*/$id\.java$ ]]; then
        reason="outside the lab's package ${package//\//.}; only .java files there are taken"
      elif [ -e "$lab/src/given/$rel" ]; then
        reason="the lab's given code; the kit's own copy (src/given) is compiled"
      elif [ "$(wc -c < "$path")" -gt 1048576 ]; then
        reason="larger than 1 MB"
      fi
    elif [[ $rel == resources/* ]]; then
      reason="not a resource this lab ships (it takes only: ${shipped[*]:-none})"
      for r in "${shipped[@]}"; do [ "$rel" != "$r" ] || reason=; done
    else
      reason="neither under src/main/java nor src/main/resources"
    fi
    if [ -n "$reason" ]; then
      printf '%s\t%s\n' "$lab/src/main/$(printf %s "$rel" | tr -c '[:print:]' '?' | head -c 300)" "$reason" >> "$dropped"
    else
      mkdir -p "$(dirname "$to/$rel")" && cat -- "$path" > "$to/$rel"
    fi
  done < <(find "$from" -mindepth 1 -print0 | sort -z)
}

# The sandbox for the test JVMs (grading/sandbox/bin/java), where bubblewrap can make one; elsewhere (macOS, no
# bwrap, no namespaces) the lab is graded anyway, and the report's first line says so.
sandbox=()
java_bin=$(readlink -f "${JAVA_HOME:+$JAVA_HOME/bin/java}" 2>/dev/null || true)
[ -x "$java_bin" ] || java_bin=$(readlink -f "$(command -v java)")
if [ "${GRADE_SANDBOX:-on}" = off ]; then
  echo "not sandboxed: GRADE_SANDBOX=off" > .grading/sandbox
elif ! command -v bwrap > /dev/null; then
  echo "not sandboxed: bubblewrap (bwrap) is not installed" > .grading/sandbox
elif ! probe=$(bwrap --unshare-pid --unshare-net --die-with-parent --ro-bind / / --proc /proc --dev /dev \
                 -- /bin/sh -c 'cat /proc/net/tcp > /dev/null' 2>&1); then
  echo "not sandboxed: bubblewrap cannot make namespaces here ($(head -c 200 <<< "$probe" | tr '\n' ' '))" > .grading/sandbox
else
  echo "sandboxed" > .grading/sandbox
  sandbox=(-Dkit.grade.jvm="$work/grading/sandbox/bin/java")
  export KIT_SANDBOX_JAVA=$java_bin KIT_SANDBOX_KIT=$work
  KIT_SANDBOX_REPO=$(readlink -f "${KIT_MAVEN_REPO:-$HOME/.m2/repository}")
  export KIT_SANDBOX_REPO
fi
[ ${#sandbox[@]} -gt 0 ] || echo "grade.sh: $(cat .grading/sandbox)" >&2

# 3. Each lab with what it takes from the submission, bounded in time; a failed build still leaves what it could.
for lab in "${labs[@]}"; do
  from=$submission/$lab/src/main
  link=
  for part in "$submission/$lab" "$submission/$lab/src" "$from"; do [ ! -L "$part" ] || link=${part#"$submission/"}; done
  if [ -n "$link" ]; then
    printf '%s\t%s\n' "$link" "a symbolic link; nothing under it is taken" > ".grading/$lab/dropped.tsv"
    from=/nonexistent
  fi
  if [ -d "$from" ]; then
    staged=.grading/$lab/main
    intake "$lab" "$from" "$staged" ".grading/$lab/dropped.tsv"
    rm -rf "$lab/src/main"
    mv "$staged" "$lab/src/main"
  else
    [ -n "$link" ] || touch ".grading/$lab/missing"
    rm -rf "$lab/src/main/java"
    mkdir -p "$lab/src/main/java/$(package_of "$lab")"
  fi
  echo "$limit" > ".grading/$lab/limit"
  echo "grading $lab ..." >&2
  export KIT_SANDBOX_HIDE="$work/.grading:$work/$lab/target/surefire-reports:$work/$lab/target/hidden-reports"
  # kit.grade.skip: none of the kit's build-time programs runs in a build that holds student code.
  timeout --kill-after=10 "$limit" ./mvnw -B -ntp "${offline[@]}" -Pgrading test -pl "$lab" -am -Dkit.grade.skip=true -Dkit.lang="$lang" ${sandbox[@]+"${sandbox[@]}"} \
    -Dkit.grade.hidden.dir="$work/.grading/hidden" \
    -Dkit.grade.package="$(package_of "$lab")" > ".grading/$lab/build.log" 2>&1
  echo $? > ".grading/$lab/exit"
  if [ -n "${GRADE_KEEP_LOGS:-}" ]; then
    mkdir -p "$GRADE_KEEP_LOGS/$lab"
    cp ".grading/$lab/build.log" "$GRADE_KEEP_LOGS/$lab/"
    for reports in "$lab/target/surefire-reports" "$lab/target/hidden-reports"; do
      [ ! -d "$reports" ] || cp -R "$reports" "$GRADE_KEEP_LOGS/$lab/"
    done
  fi
  # A source in the lab's folder that declares another package compiles, but its classes never reach the tests.
  if [ -d "$lab/target/classes" ]; then
    (cd "$lab/target/classes" && find . -name '*.class' ! -path "./$(package_of "$lab")/*" | sed 's|^\./||' | sort) \
      | while IFS= read -r class; do
          printf '%s\t%s\n' "$(printf %s "$class" | tr -c '[:print:]' '?' | head -c 300)" \
            "compiled from a source that declares a package outside $(package_of "$lab" | tr / .); left out of the tests" \
            >> ".grading/$lab/dropped.tsv"
        done
  fi
done

# 4. The report, from the kit's graded-test lists and whatever reports the builds left.
java -Dkit.lang="$lang" -cp .grading/grader/lab-grader:.grading/grader/lab-support tcplab.support.grade.Grader "$work" "$out" "${labs[@]}" \
  || grader_error "the report could not be written"
