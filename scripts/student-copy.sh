#!/usr/bin/env bash
# Makes the repository that students get: starters, tests, handouts, wrapper, grader and its workflow; no
# reference implementations, no hidden tests, no instructor tooling, and no mention of them in the build.
#   scripts/student-copy.sh DIR [--check]
# With --check, it also proves the copy stands on its own: nothing instructor-only is left in it, it compiles,
# its lab tests run (they fail on the starters, which is what the kit check expects of them), and it grades.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/student-copy.sh DIR [--check]}
[ ! -e "$target" ] || [ -z "$(ls -A "$target")" ] || { echo "error: $target is not empty" >&2; exit 1; }
mkdir -p "$target"

# Tracked files only, as committed, so build output, local settings and unfinished edits never leak into the copy.
if ! git diff --quiet HEAD --; then
  echo "error: tracked files have uncommitted changes; commit or stash them first: the copy is made from the commit" >&2
  exit 1
fi
instructor_only='^(solutions/|grading/hidden/|grading/gradescope/|grading/test/|\.ci/|\.github/workflows/kit-check\.yml|scripts/(mutants\.py|student-copy\.sh|bench-|lib/bench\.sh))'
git ls-files -z | grep -zEv "$instructor_only" | xargs -0 tar -cf - | tar -xf - -C "$target"
# The root POM's block that adds solutions/ as a module.
sed -i '/<!-- instructor-only: begin/,/<!-- instructor-only: end -->/d' "$target/pom.xml"
( cd "$target" && git init -q && git add -A && git -c user.name=kit -c user.email=kit@localhost commit -qm "TCP lab kit" )
echo "student copy in $target"

if [ "${2:-}" = "--check" ]; then
  hidden_classes=$(git ls-files 'grading/hidden/*.java' | xargs -rn1 basename | sed 's/\.java$//')
  cd "$target"
  [ ! -e solutions ] || { echo "error: the student copy has solutions/" >&2; exit 1; }
  [ ! -e grading/hidden ] || { echo "error: the student copy has grading/hidden/" >&2; exit 1; }
  # By structure, not by words: every module a POM of the copy names (in any profile) is a folder of the copy
  # with a POM of its own, and a lab, the support or the grader; every parent a POM names is in the copy.
  python3 - <<'PY' || exit 1
import pathlib, sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
bad = []
for pom in sorted(pathlib.Path(".").rglob("pom.xml")):
    for module in ET.parse(pom).getroot().iterfind(".//m:module", ns):
        folder = (pom.parent / module.text.strip()).resolve()
        name = folder.relative_to(pathlib.Path.cwd()) if folder.is_relative_to(pathlib.Path.cwd()) else folder
        if not (folder / "pom.xml").is_file():
            bad.append(f"{pom} names the module {module.text.strip()}, which the copy does not have")
        elif not (str(name).startswith("lab-")):
            bad.append(f"{pom} names the module {name}, which is not a lab, lab-support or lab-grader")
    for parent in ET.parse(pom).getroot().iterfind("m:parent/m:relativePath", ns):
        path = pom.parent / parent.text.strip()
        if not (path / "pom.xml" if path.is_dir() else path).is_file():
            bad.append(f"{pom} names the parent {parent.text.strip()}, which the copy does not have")
for line in bad:
    print("error: " + line, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
  for name in $hidden_classes; do
    if grep -rIl --exclude-dir=.git -- "$name" .; then
      echo "error: the student copy mentions the hidden test $name" >&2; exit 1
    fi
  done
  ./mvnw -B -ntp clean verify -Pkit-check > build.log 2>&1 || { tail -40 build.log; exit 1; }
  grep -aF "[kit check]" build.log
  grading/grade.sh --offline --out "$PWD/../student-grade" > grade.log 2>&1 || { tail -40 grade.log; exit 1; }
  grep -a "^Total:" grade.log
  head -1 ../student-grade/summary.txt
  echo "student copy builds, its starters fail their graded tests as expected, and it grades itself"
fi
