#!/usr/bin/env bash
# Makes the repository that students get: the kit without solutions/.
#   scripts/student-copy.sh DIR [--check]
# With --check, it also proves the copy stands on its own: it compiles, and its lab tests run
# (they fail on the starters, which is what the kit check expects of them).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/student-copy.sh DIR [--check]}
[ ! -e "$target" ] || [ -z "$(ls -A "$target")" ] || { echo "error: $target is not empty" >&2; exit 1; }
mkdir -p "$target"

# Tracked files only, so build output and local settings never leak into the copy.
git ls-files -z | grep -zv '^solutions/' | xargs -0 tar -cf - | tar -xf - -C "$target"
( cd "$target" && git init -q && git add -A && git -c user.name=kit -c user.email=kit@localhost commit -qm "TCP lab kit" )
echo "student copy in $target"

if [ "${2:-}" = "--check" ]; then
  cd "$target"
  [ ! -e solutions ] || { echo "error: the student copy has solutions/" >&2; exit 1; }
  ./mvnw -B -ntp clean verify -Pkit-check > build.log 2>&1 || { tail -40 build.log; exit 1; }
  grep -F "[kit check]" build.log
  echo "student copy builds, and its starters fail their graded tests as expected"
fi
