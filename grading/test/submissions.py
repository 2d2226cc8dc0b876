#!/usr/bin/env python3
"""Grades submissions built to break the grader, and checks that every grade is still complete and true.

Each submission is made from Lab 01's reference solution or starter with one change. For each, grade.sh must
exit 0 within the time bound and write a results.json that lists every graded test, with the expected score (an
attack on a starter base: 0), and no process of the submission may outlive the grading.
    grading/test/submissions.py [--quick] [--repeat N] [--bound SECONDS] [NAME ...]
--quick grades a handful (for CI); --repeat N grades each N times and reports the median wall time.
"""
import argparse
import glob
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
LAB = "lab-01-handshake"
PACKAGE = "src/main/java/tcplab/lab01"


def graded_tests():
    """The number of graded tests of the lab, its visible and hidden ones, and their points, as their @Points say."""
    points = [int(n) for folder in (ROOT / LAB / "src/test/java", ROOT / "grading/hidden" / LAB / "src/test/java")
              for source in sorted(folder.rglob("*.java"))
              for n in re.findall(r"^\s*@Points\((?:value\s*=\s*)?(\d+)", source.read_text(encoding="utf-8"), re.M)]
    return len(points), sum(points)


GRADED, TOTAL = graded_tests()

SERVER_HANDLER = "    void echoLines(Socket client) throws IOException {\n"
SERVER_START = "    public synchronized int start() throws IOException {\n"
CLIENT_CONNECT = "    public static TCPClient connect(String host, int port, ConnectPolicy policy) throws IOException {\n"
# Marks every process an attack starts, so that one left behind is found.
MARK = "kit-attack-marker"
# Forged Surefire reports, written by a process that outlives the tests, as a report from a real run.
FORGE_SCRIPT = ("i=0; while [ $i -lt 600 ]; do i=$((i+1)); for t in EchoTest.serverEchoesEachLine"
                " EofTest.serverClosesConnectionAfterClientEof; do c=${t%.*}; printf '<testsuite><testcase"
                " classname=\"tcplab.lab01.%s\" name=\"%s\"/></testsuite>' $c ${t#*.}"
                " > $0/target/surefire-reports/TEST-tcplab.lab01.$c.xml; done; sleep 0.2; done # " + MARK)
FORGE = ("        new ProcessBuilder(\"setsid\", \"sh\", \"-c\", \""
         + FORGE_SCRIPT.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\n"
         "            System.getProperty(\"user.dir\")).start();\n")
# Writes over the grader's state, its programs, another lab's tests and the reports, from the test JVM.
OVERWRITE = ("        java.nio.file.Path root = java.nio.file.Path.of(System.getProperty(\"user.dir\")).getParent();\n"
             "        for (String f : new String[] {\".grading/lab-01-handshake/graded-tests.tsv\",\n"
             "                \".grading/grader/lab-grader/tcplab/support/grade/Grader.class\",\n"
             "                \"lab-grader/target/classes/tcplab/support/grade/Grader.class\",\n"
             "                \"lab-02-data-transfer/src/test/java/tcplab/lab02/EchoTest.java\",\n"
             "                \"lab-01-handshake/target/surefire-reports/TEST-tcplab.lab01.EchoTest.xml\"}) {\n"
             "            try {\n                java.nio.file.Files.writeString(root.resolve(f), \"forged\");\n"
             "            } catch (Exception e) {\n                continue;\n            }\n        }\n")
# Finds the kit through /proc/*/cmdline and puts what it can read of the secrets in a failure message.
LEAK = ("        StringBuilder seen = new StringBuilder(\"/work /autograder/source/kit \");\n"
        "        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of(\"/proc\"))) {\n"
        "            for (var p : (Iterable<java.nio.file.Path>) procs::iterator) {\n"
        "                try {\n                    seen.append(new String(java.nio.file.Files.readAllBytes(p.resolve(\"cmdline\")))"
        ".replace('\\0', ' ')).append(' ');\n"
        "                } catch (IOException e) {\n                    continue;\n                }\n            }\n        }\n"
        "        for (String word : seen.toString().split(\"[\\\\s:=]+\")) {\n"
        "            for (java.nio.file.Path d = java.nio.file.Path.of(\"/\" + word); d != null; d = d.getParent()) {\n"
        "                for (String secret : new String[] {\n"
        "                        \"grading/hidden/lab-01-handshake/src/test/java/tcplab/lab01/LongSessionTest.java\",\n"
        "                        \"solutions/lab-01-handshake/src/main/java/tcplab/lab01/TCPServer.java\", \"scripts/mutants.py\"}) {\n"
        "                    java.nio.file.Path f = d.resolve(secret);\n"
        "                    if (java.nio.file.Files.isReadable(f)) {\n"
        "                        throw new IOException(\"LEAKED \" + f + \": \" + java.nio.file.Files.readString(f));\n"
        "                    }\n                }\n            }\n        }\n")
# Answers every line with emoji, shifted by one char on odd lengths, so some hint is cut inside a surrogate pair.
EMOJI = ("        if (client != null) {\n            BufferedReader r = new BufferedReader(new InputStreamReader(client.getInputStream(),"
         " java.nio.charset.StandardCharsets.UTF_8));\n"
         "            PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(client.getOutputStream(),"
         " java.nio.charset.StandardCharsets.UTF_8), true);\n"
         "            for (String line = r.readLine(); line != null; line = r.readLine()) {\n"
         "                w.println(\"a\".repeat(line.length() % 2) + \"\\uD83D\\uDE00\".repeat(200));\n"
         "            }\n            return;\n        }\n")

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
                                  lambda s, t, r: leaks_only(t)),
    "prints-megabytes": ("solution", [("TCPServer.java", SERVER_HANDLER,
                                       "        System.out.print(\"x\".repeat(8 << 20));\n")],
                         lambda s, t, r: None if len(json.dumps(r)) < 100_000 else "results.json grew past 100 kB"),
    "edits-tests": ("starter", ["edit-tests"], lambda s, t, r: zero(s)),
    # Its own copy of the given ConnectPolicy, which would not compile with the rest: the kit's copy is used.
    "replaces-given-code": ("solution", [("ConnectPolicy.java", None, "package tcplab.lab01;\n\nfinal class ConnectPolicy {\n}\n")],
                            lambda s, t, r: None if s == TOTAL and "ConnectPolicy.java" in json.dumps(r)
                            else "expected every point, and the dropped ConnectPolicy.java named in the report"),
    # Attacks on the grade itself: each on the starter, so the honest grade is 0.
    "class-shadowing": ("starter", [("../../support/grade/Report.java", None,
                                     "package tcplab.support.grade;\n\npublic final class Report {\n}\n"),
                                    ("Shadow.java", None, "package org.junit.jupiter.api;\n\npublic final class Shadow {\n}\n")],
                        lambda s, t, r: zero(s)),
    "junit-extension-in-resources": ("starter", ["junit-extension"], lambda s, t, r: zero(s)),
    "compiled-classes": ("starter", ["compiled-classes"], lambda s, t, r: zero(s)),
    "writes-grader-work": ("starter", [("TCPServer.java", SERVER_START, OVERWRITE)], lambda s, t, r: zero(s)),
    "setsid-survivor": ("starter", [("TCPServer.java", SERVER_START, FORGE)], lambda s, t, r: zero(s)),
    "src-main-symlink-to-solutions": ("starter", ["symlink-main"], lambda s, t, r: zero(s)),
    "proc-cmdline-leak": ("starter", [("TCPServer.java", SERVER_START, LEAK)],
                          lambda s, t, r: zero(s) or (None if "LEAKED" not in json.dumps(r)
                                                     else "a secret reached results.json")),
    # Its server answers each line and survives resets: the honest grade is not 0; the report must be whole.
    "emoji-cut-in-half": ("starter", [("TCPServer.java", SERVER_HANDLER, EMOJI)],
                          lambda s, t, r: None if s < TOTAL and "\U0001F600" in json.dumps(r, ensure_ascii=False)
                          else "expected lost points, and the emoji of the replies in the report"),
}
QUICK = ["reference", "does-not-compile", "setsid-survivor", "junit-extension-in-resources", "proc-cmdline-leak"]


def zero(score):
    return None if score == 0 else "expected 0 points, the honest grade of a starter"


def compiled_class(where, name, source):
    """A class file compiled against JUnit's API, as a student could ship it; junk bytes if javac cannot."""
    jars = glob.glob(os.path.expanduser("~/.m2/repository/org/junit/jupiter/junit-jupiter-api/*/*.jar"))
    jars += glob.glob(os.path.expanduser("~/.m2/repository/org/junit/platform/junit-platform-commons/*/*.jar"))
    with tempfile.TemporaryDirectory() as tmp:
        (pathlib.Path(tmp) / (name + ".java")).write_text(source)
        run = subprocess.run(["javac", "-nowarn", "-d", tmp, "-cp", ":".join(jars), str(pathlib.Path(tmp) / (name + ".java"))],
                             capture_output=True)
        built = list(pathlib.Path(tmp).rglob(name + ".class"))
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_bytes(built[0].read_bytes() if run.returncode == 0 and built else b"\xca\xfe\xba\xbe")


def leaks_only(tests):
    """Every point kept but those of the leak check, which a server that leaks threads and sockets must fail."""
    lost = [t["name"] for t in tests if t["score"] < t["max_score"]]
    return None if lost and all("LeakTest" in name for name in lost) else f"expected to lose only the leak check, lost {lost}"


def crashed(score, tests, results):
    said = any("System.exit" in t["output"] for t in tests)
    return None if score < TOTAL and said else "expected lost points, explained by System.exit"


def make(name, where):
    base, changes, _ = SUBMISSIONS[name]
    lab = where / LAB
    source = ROOT / ("solutions/" + LAB if base == "solution" else LAB) / "src/main"
    shutil.copytree(source, lab / "src/main")
    for change in changes:
        if change == "symlink-main":
            shutil.rmtree(lab / "src/main")
            (lab / "src/main").symlink_to(ROOT / "solutions" / LAB / "src/main")
            continue
        if change == "junit-extension":
            resources = lab / "src/main/resources"
            (resources / "junit-platform.properties").write_text("junit.jupiter.extensions.autodetection.enabled = true\n")
            (resources / "META-INF/services").mkdir(parents=True)
            (resources / "META-INF/services/org.junit.jupiter.api.extension.Extension").write_text("tcplab.lab01.PassAll\n")
            compiled_class(resources / "tcplab/lab01/PassAll.class", "PassAll",
                           "package tcplab.lab01;\nimport org.junit.jupiter.api.extension.*;\n"
                           "public class PassAll implements TestExecutionExceptionHandler {\n"
                           "    public void handleTestExecutionException(ExtensionContext c, Throwable t) {\n    }\n}\n")
            continue
        if change == "compiled-classes":
            source = ("package org.junit.jupiter.api;\npublic final class Assertions {\n"
                      "    public static void assertEquals(Object a, Object b, String m) {\n    }\n}\n")
            compiled_class(lab / "src/main/resources/org/junit/jupiter/api/Assertions.class", "Assertions", source)
            compiled_class(lab / PACKAGE / "../../org/junit/jupiter/api/Assertions.class", "Assertions", source)
            compiled_class(lab / PACKAGE / "Assertions.class", "Assertions", source)
            continue
        if change == "edit-tests":
            tests = lab / "src/test/java/tcplab/lab01"
            tests.mkdir(parents=True)
            (tests / "EchoTest.java").write_text(
                "package tcplab.lab01;\n\nclass EchoTest {\n    @org.junit.jupiter.api.Test\n"
                "    void serverEchoesEachLine() {\n    }\n}\n")
            continue
        file, anchor, inserted = change
        path = lab / PACKAGE / file
        if anchor is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(inserted)
            continue
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
        left = [line for line in subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True).stdout.splitlines()
                if MARK in line or str(tmp / "submission") in line]
        if left:
            problems.append(f"{len(left)} processes left behind: {left[0][:200]}")
        try:
            results = json.loads((tmp / "out/results.json").read_text())
            summary = (tmp / "out/summary.txt").read_text(encoding="utf-8")
        except (OSError, ValueError) as e:
            return seconds, problems + [f"no readable report: {e}"], None
        # Where bubblewrap is installed the run must be sandboxed; elsewhere the report must say it was not.
        first = "Graded in a sandbox" if shutil.which("bwrap") else "NOT SANDBOXED"
        if "Total:" not in summary or not summary.startswith(first):
            problems.append(f"summary.txt is incomplete, or does not start with {first!r}: {summary[:120]!r}")
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
        scores = [s for _, _, s in runs if s is not None] if args.repeat > 1 else sorted({s for _, _, s in runs if s is not None})
        times = [s for s, _, _ in runs]
        timing = (f"median {statistics.median(times):.1f} s of {len(times)} ({', '.join(f'{t:.0f}' for t in times)})"
                  if len(times) > 1 else f"{times[0]:.1f} s")
        print(f"{'ok  ' if not problems else 'FAIL'}  {name:26} score {'/'.join(map(str, scores))}/{TOTAL}  {timing}"
              + "".join(f"\n        {p}" for p in problems), flush=True)
        failed += bool(problems)
    print(f"{len(names) - failed} of {len(names)} submissions graded completely and correctly")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
