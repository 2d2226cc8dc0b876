#!/usr/bin/env bash
# Makes the repository that students get: starters, tests, handouts, wrapper, grader and its workflow; no
# reference implementations, no hidden tests, no instructor tooling, and no mention of them in the build or the
# handouts. README.student.md becomes its README.md (README.student.ko.md its README.ko.md, and links to them follow);
# in every Markdown file, the passages between
# <!-- instructor-only: begin --> and <!-- instructor-only: end --> are left out (they may sit inside a line).
#   scripts/student-copy.sh DIR [--check [--quick]]
# With --check, it also proves the copy stands on its own: nothing instructor-only is left in it, no Markdown file
# names solutions/ or an instructor script, every relative link of its Markdown leads to a file of the copy, its
# Korean editions match their English ones, it compiles, its lab tests run (they fail on the starters, which is
# what the kit check expects of them), it grades, and every command of its README and handouts works there
# (scripts/check-handout-commands.py, run inside the copy; with --quick, only its quick set).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/student-copy.sh DIR [--check [--quick]]}
[ ! -e "$target" ] || [ -z "$(ls -A "$target")" ] || { echo "error: $target is not empty" >&2; exit 1; }
mkdir -p "$target"

# Tracked files only, as committed, so build output, local settings and unfinished edits never leak into the copy.
if ! git diff --quiet HEAD --; then
  echo "error: tracked files have uncommitted changes; commit or stash them first: the copy is made from the commit" >&2
  exit 1
fi
instructor_only='^(solutions/|grading/hidden/|grading/gradescope/|grading/test/|grading/README\.md|\.ci/|\.github/workflows/kit-check\.yml|scripts/(mutants\.py|student-copy\.sh|refresh-handout-traces\.py|bench-|lib/bench\.sh))'
# What the copy's Markdown may not name: the paths above, as they would appear in a command.
instructor_paths='solutions/|grading/(hidden|gradescope|test)/|grading/README\.md|\.ci/run|kit-check\.yml|(mutants\.py|student-copy\.sh|refresh-handout-traces\.py|bench-[a-z0-9-]+\.sh|lib/bench\.sh)'
git ls-files -z | grep -zEv "$instructor_only" | xargs -0 tar -cf - | tar -xf - -C "$target"
# The root POM's block that adds solutions/ as a module.
sed -i '/<!-- instructor-only: begin/,/<!-- instructor-only: end -->/d' "$target/pom.xml"
# The student edition of the README (README.student.md, and README.student.ko.md where there is one) replaces the
# kit's; a translation of the kit's README without a student edition is left out rather than shown to students.
for readme in "$target"/README.*.md; do
  [ -e "$readme" ] || continue
  case $(basename "$readme") in README.student*.md) continue ;; esac
  student=$target/README.student${readme#"$target"/README}
  [ -e "$student" ] || { echo "note: $(basename "$readme") has no student edition; the copy leaves it out" >&2; rm "$readme"; }
done
for student in "$target"/README.student*.md; do
  [ -e "$student" ] || continue
  mv "$student" "$target/README${student#"$target"/README.student}"
done
# The instructor-only passages of every Markdown file: whole lines go with their line, a passage inside a line goes alone.
# A link to a student edition (the editions link each other) now leads to the README it became.
python3 - "$target" <<'PY'
import pathlib, re, sys
begin, end = "<!-- instructor-only: begin -->", "<!-- instructor-only: end -->"
inline = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
student_link = re.compile(r"(\]\(\s*<?(?:\./|\.\./)*)README\.student\.((?:[a-z]{2}\.)?md)")
for path in pathlib.Path(sys.argv[1]).rglob("*.md"):
    if ".git" in path.parts:
        continue
    text = path.read_text(encoding="utf-8")
    if text.count(begin) != text.count(end):
        sys.exit(f"error: {path}: instructor-only begin and end markers do not pair up")
    kept, dropping = [], False
    for line in text.split("\n"):
        if line.strip() == begin:
            dropping = True
        elif line.strip() == end:
            dropping = False
            if kept and kept[-1] is not None and not kept[-1].strip():
                kept.append(None)  # the passage had a blank line before it: drop one blank line after it
        elif not dropping:
            if line.strip() or not kept or kept[-1] is not None:
                kept.append(line)
    edited = inline.sub("", "\n".join(line for line in kept if line is not None))
    edited = student_link.sub(r"\1README.\2", edited)
    if begin in edited or end in edited:
        sys.exit(f"error: {path}: nested or misplaced instructor-only markers")
    if edited != text:
        path.write_text(edited, encoding="utf-8")
PY
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
  if grep -rInE --include='*.md' --exclude-dir=.git -- "$instructor_paths" .; then
    echo "error: a Markdown file of the student copy names solutions/ or an instructor-only file (above)" >&2; exit 1
  fi
  # Every relative link of the copy's Markdown leads to a file or folder of the copy (the kit's links may lead to
  # what the copy leaves out, or to a student edition under its kit name).
  python3 - <<'PY' || exit 1
import pathlib, re, sys
link = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
fence = re.compile(r"^\s*(`{3,}|~{3,})")
bad = []
for page in sorted(pathlib.Path(".").rglob("*.md")):
    if ".git" in page.parts or "target" in page.parts:
        continue
    in_code = None
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        opening = fence.match(line)
        if opening and (in_code is None or opening.group(1).startswith(in_code)):
            in_code = None if in_code else opening.group(1)[0] * 3
            continue
        if in_code:
            continue
        for match in link.finditer(re.sub(r"`[^`]*`", "", line)):
            path = match.group(1).partition("#")[0]
            if path and not re.match(r"^[a-z][a-z0-9+.-]*:", path) and not (page.parent / path).exists():
                bad.append(f"{page}:{number} links {match.group(1)}, which the copy does not have")
for line in bad:
    print("error: " + line, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
  scripts/check-editions.py > editions.log 2>&1 || { cat editions.log; exit 1; }
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
  quick=(); [ "${3:-}" != "--quick" ] || quick=(--quick)
  scripts/check-handout-commands.py "${quick[@]}" --logs "$PWD/../student-handout-commands" > commands.log 2>&1 \
    || { cat commands.log; exit 1; }
  grep -v '^      ' commands.log
  echo "student copy builds, its starters fail their graded tests as expected, it grades itself, and its handout commands work"
fi
