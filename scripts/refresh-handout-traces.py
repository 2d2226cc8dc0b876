#!/usr/bin/env python3
"""Replaces the trace listings in the handouts with a fresh run of the reference solutions.

    scripts/refresh-handout-traces.py

Runs each lab's trace (exec:java@trace) against its reference solution, then rewrites every ```text block of the
English handouts (README.md at the root and in each lab) whose first line is a trace title ("== lab 0N..."):
each scenario in the block is replaced by the new run of the scenario with the same title.
Korean editions must then be brought in line (scripts/check-editions.py says where they differ).
"""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABS = ["lab-01-handshake", "lab-02-data-transfer", "lab-03-teardown", "lab-04-failure-modes"]
TITLE = re.compile(r"^== (.*?) \(127\.0\.0\.1:\d+\)$")


def run_traces(lab):
    """The trace's scenarios of one lab: title -> lines, from a run of its reference solution."""
    out = subprocess.run(["./mvnw", "-q", "-B", "-pl", f"solutions/{lab}", "-am", "test-compile",
                          "exec:java@trace", "-Dtrace.files=false"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{lab}: the trace failed:\n{out.stdout}\n{out.stderr}")
    scenarios, current = {}, None
    for line in out.stdout.splitlines():
        m = TITLE.match(line)
        if m:
            current = m.group(1)
            scenarios[current] = []
        if current is not None:
            scenarios[current].append(line)
    for title, lines in scenarios.items():
        while lines and not lines[-1].strip():
            lines.pop()
    return scenarios


def refresh(readme, scenarios):
    lines = readme.read_text(encoding="utf-8").split("\n")
    out, i, replaced = [], 0, 0
    while i < len(lines):
        out.append(lines[i])
        if lines[i] == "```text" and i + 1 < len(lines) and TITLE.match(lines[i + 1]):
            end = lines.index("```", i + 1)
            titles = [TITLE.match(l).group(1) for l in lines[i + 1:end] if TITLE.match(l)]
            block = []
            for title in titles:
                if title not in scenarios:
                    sys.exit(f"{readme}: no scenario titled {title!r} in this run")
                block += ([""] if block else []) + scenarios[title]
                replaced += 1
            out += block + ["```"]
            i = end + 1
            continue
        i += 1
    readme.write_text("\n".join(out), encoding="utf-8")
    return replaced


def main():
    scenarios = {}
    for lab in LABS:
        scenarios.update(run_traces(lab))
    for readme in [ROOT / "README.md"] + [ROOT / lab / "README.md" for lab in LABS]:
        print(f"{readme.relative_to(ROOT)}: {refresh(readme, scenarios)} listing(s) replaced")


if __name__ == "__main__":
    main()
