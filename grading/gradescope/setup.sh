#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image. It installs bubblewrap, and a JDK if there is none, then
# grades the bundled starters once, online, so that every dependency and plugin is in the local Maven
# repository and run_autograder can grade offline.
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
kit=$root/source/kit

# bubblewrap: each lab's tests run in a sandbox (grade.sh grades without one, and says so, where it cannot).
if ! command -v bwrap > /dev/null; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q bubblewrap
fi
if ! command -v java > /dev/null || ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless
fi
chmod +x "$kit/mvnw" "$kit/grading/grade.sh" "$kit/grading/sandbox/bin/java" "$root/source/run_autograder"

"$kit/grading/grade.sh" --out "$root/setup-report" > "$root/setup-grade.log" 2>&1 \
  || { tail -40 "$root/setup-grade.log"; exit 1; }
grep '^Total:' "$root/setup-report/summary.txt"
