#!/usr/bin/env bash
# Makes Gradescope's autograder.zip: setup.sh and run_autograder at the top, and in kit/ only what they need: the
# build, the labs and what they share (lab-parent), the support and grader modules, grade.sh with its sandbox, and
# the hidden tests. No reference solutions, no mutants, no grader tests, no CI or benchmark scripts.
#   grading/gradescope/make-bundle.sh [--lang en|ko] [ZIP]        (default target/autograder.zip, English)
# --lang ko: the students' failure messages, hints and report in Korean (written to kit/grading/lang).
set -euo pipefail
cd "$(dirname "$0")/../.."
lang=en
if [ "${1:-}" = --lang ]; then lang=$2; shift 2; fi
case $lang in en|ko) ;; *) echo "make-bundle.sh: --lang takes en or ko, not $lang" >&2; exit 2 ;; esac
zip_file=$(realpath -m "${1:-target/autograder.zip}")
mkdir -p "$(dirname "$zip_file")"
rm -f "$zip_file"
git ls-files -z | grep -zE '^(pom\.xml|mvnw|\.mvn/|lab-[^/]+/|grading/(grade\.sh|sandbox/|hidden/))' | python3 -c '
import sys, zipfile, os
files = [f for f in sys.stdin.buffer.read().decode().split("\0") if f]
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("setup.sh", "run_autograder"):
        z.write("grading/gradescope/" + name, name)
    z.writestr("kit/grading/lang", sys.argv[2] + "\n")
    for f in files:
        z.write(f, "kit/" + f)
' "$zip_file" "$lang"
echo "$zip_file"
