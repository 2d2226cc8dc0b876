#!/usr/bin/env python3
"""Grades submissions built to break the grader, and checks that every grade is still complete and true.

Each submission is made from Lab 01's reference solution or starter with one change. For each, grade.sh must
exit 0 within the time bound and write a results.json that lists every graded test, with the expected score.
    grading/test/submissions.py [--quick] [--repeat N] [--bound SECONDS] [NAME ...]
--quick grades four submissions (for CI); --repeat N grades each N times and reports the median wall time.
"""
import argparse
import json
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
LAB = "lab-01-handshake"
PACKAGE = "src/main/java/tcplab/lab01"
# Lab 01's declared 20 points and 14 graded tests, plus the kit's example hidden test (2 points).
TOTAL = 22
GRADED = 15

SERVER_HANDLER = "    void echoLines(Socket client) throws IOException {\n"
SERVER_START = "    public synchronized int start() throws IOException {\n"
CLIENT_CONNECT = "    public static TCPClient connect(String host, int port, ConnectPolicy policy) throws IOException {\n"
BLOCK_IN_ACCEPT = ("        try (java.net.ServerSocket never = new java.net.ServerSocket(0)) {\n"
                   "            never.accept();\n        }\n")

# name -> (base, [(file, anchor, inserted after the anchor)], check(score, tests, results) -> error or None)
SUBMISSIONS = {
    "reference": ("solution", [], lambda s, t, r: None if s == TOTAL else f"expected {TOTAL} points"),
    "starter": ("starter", [], lambda s, t, r: None if s == 0 else "expected 0 points"),
    "does-not-compile": ("solution", [("TCPServer.java", SERVER_HANDLER, "        int broken = ;\n")],
                         lambda s, t, r: None if s == 0 and "TCPServer.java:[" in r["output"]
                         else "expected 0 points and the compiler's error in the output"),
    "exit-in-server-thread": ("solution", [("TCPServer.java", SERVER_HANDLER, "        System.exit(3);\n")],
                              lambda s, t, r: crashed(s, t, r)),
    "exit-in-code-under-test": ("solution", [("TCPClient.java", CLIENT_CONNECT, "        System.exit(4);\n")],
                                lambda s, t, r: crashed(s, t, r)),
    "loops-forever": ("solution", [("TCPServer.java", SERVER_HANDLER, "        while (client != null) {\n"
                                    "            Thread.onSpinWait();\n        }\n")],
                      lambda s, t, r: None if 0 < s < TOTAL else "expected some points lost, not all"),
    "hangs-in-every-test": ("solution", [("TCPServer.java", SERVER_START, BLOCK_IN_ACCEPT),
                                         ("TCPClient.java", CLIENT_CONNECT, BLOCK_IN_ACCEPT)],
                            lambda s, t, r: None if s == 0 else "expected 0 points"),
    "leaks-threads-and-sockets": ("solution", [("TCPServer.java", SERVER_START,
                                                "        for (int i = 0; i < 20; i++) {\n"
                                                "            new java.net.ServerSocket(0);\n"
                                                "            new Thread(() -> {\n"
                                                "                while (true) {\n"
                                                "                    try { Thread.sleep(60_000); }"
                                                " catch (InterruptedException e) { }\n"
                                                "                }\n"
                                                "            }).start();\n        }\n")],
                                  lambda s, t, r: None if s == TOTAL else f"expected {TOTAL} points: leaks fail no test here"),
    "prints-megabytes": ("solution", [("TCPServer.java", SERVER_HANDLER,
                                       "        System.out.print(\"x\".repeat(8 << 20));\n")],
                         lambda s, t, r: None if len(json.dumps(r)) < 100_000 else "results.json grew past 100 kB"),
    "edits-tests": ("starter", ["edit-tests"], lambda s, t, r: None if s == 0 else "expected 0 points, as the starter"),
}
QUICK = ["reference", "does-not-compile", "exit-in-server-thread", "edits-tests"]


def crashed(score, tests, results):
    said = any("System.exit" in t["output"] for t in tests)
    return None if score < TOTAL and said else "expected lost points, explained by System.exit"


def make(name, where):
    base, changes, _ = SUBMISSIONS[name]
    lab = where / LAB
    source = ROOT / ("solutions/" + LAB if base == "solution" else LAB) / "src/main"
    shutil.copytree(source, lab / "src/main")
    for change in changes:
        if change == "edit-tests":
            tests = lab / "src/test/java/tcplab/lab01"
            tests.mkdir(parents=True)
            (tests / "EchoTest.java").write_text(
                "package tcplab.lab01;\n\nclass EchoTest {\n    @org.junit.jupiter.api.Test\n"
                "    void serverEchoesEachLine() {\n    }\n}\n")
            continue
        file, anchor, inserted = change
        path = lab / PACKAGE / file
        text = path.read_text()
        if anchor not in text:
            sys.exit(f"error: {name}: the solution's {file} has no line {anchor.strip()!r}")
        path.write_text(text.replace(anchor, anchor + inserted, 1))


def grade(name, bound):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        make(name, tmp / "submission")
        start = time.monotonic()
        run = subprocess.run([str(ROOT / "grading/grade.sh"), "--offline", "--submission", str(tmp / "submission"),
                              "--out", str(tmp / "out"), LAB], capture_output=True, text=True, timeout=bound + 60)
        seconds = time.monotonic() - start
        problems = []
        if run.returncode != 0:
            problems.append(f"grade.sh exited {run.returncode}: {run.stderr.strip()[-500:]}")
        if seconds > bound:
            problems.append(f"took {seconds:.0f} s, over the bound of {bound} s")
        try:
            results = json.loads((tmp / "out/results.json").read_text())
        except (OSError, ValueError) as e:
            return seconds, problems + [f"no readable results.json: {e}"], None
        tests = results["tests"]
        if len(tests) != GRADED:
            problems.append(f"results.json lists {len(tests)} tests, not all {GRADED}")
        if any(t["score"] > t["max_score"] for t in tests) or results["score"] != sum(t["score"] for t in tests):
            problems.append("the scores do not add up")
        error = SUBMISSIONS[name][2](results["score"], tests, results)
        if error:
            problems.append(f"{error}, got {results['score']}")
        return seconds, problems, results["score"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="*")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--bound", type=int, default=240)
    args = parser.parse_args()
    names = args.names or (QUICK if args.quick else list(SUBMISSIONS))
    failed = 0
    for name in names:
        runs = [grade(name, args.bound) for _ in range(args.repeat)]
        problems = [p for _, ps, _ in runs for p in ps]
        scores = sorted({s for _, _, s in runs if s is not None})
        times = [s for s, _, _ in runs]
        timing = f"median {statistics.median(times):.1f} s of {len(times)}" if len(times) > 1 else f"{times[0]:.1f} s"
        print(f"{'ok  ' if not problems else 'FAIL'}  {name:26} score {'/'.join(map(str, scores))}/{TOTAL}  {timing}"
              + "".join(f"\n        {p}" for p in problems), flush=True)
        failed += bool(problems)
    print(f"{len(names) - failed} of {len(names)} submissions graded completely and correctly")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
