#!/usr/bin/env bash
# Makes Gradescope's autograder.zip: setup.sh and run_autograder at the top, and in kit/ only what they need: the
# build, the labs, the support and grader modules, grade.sh with its sandbox, and the hidden tests. No reference
# solutions, no mutants, no grader tests, no CI or benchmark scripts.
#   grading/gradescope/make-bundle.sh [ZIP]        (default target/autograder.zip)
set -euo pipefail
cd "$(dirname "$0")/../.."
zip_file=$(realpath -m "${1:-target/autograder.zip}")
mkdir -p "$(dirname "$zip_file")"
rm -f "$zip_file"
git ls-files -z | grep -zE '^(pom\.xml|mvnw|\.mvn/|lab-[^/]+/|grading/(grade\.sh|sandbox/|hidden/))' | python3 -c '
import sys, zipfile, os
files = [f for f in sys.stdin.buffer.read().decode().split("\0") if f]
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("setup.sh", "run_autograder"):
        z.write("grading/gradescope/" + name, name)
    for f in files:
        z.write(f, "kit/" + f)
' "$zip_file"
echo "$zip_file"
