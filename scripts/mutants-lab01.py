#!/usr/bin/env python3
"""Plausible wrong solutions of Lab 01: each must fail at least one test.

Copies the repository (tracked files) to a temporary folder, breaks the reference solution in one
plausible way, runs Lab 01's tests against it, and reports which tests caught the mistake.
Run from anywhere: scripts/mutants-lab01.py   (about 15 s a mutant, with a warm local repository)
"""
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOLUTION = "solutions/lab-01-handshake/src/main/java/tcplab/lab01/"

# (name, file, text in the solution, wrong replacement)
MUTANTS = [
    ("binds every interface", "TCPServer.java",
     "new ServerSocket(port, BACKLOG, InetAddress.getByName(host))", "new ServerSocket(port, BACKLOG)"),
    ("decodes as ISO-8859-1", "TCPServer.java",
     "new InputStreamReader(client.getInputStream(), UTF_8)",
     "new InputStreamReader(client.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1)"),
    ("forgets to flush", "TCPServer.java", "            out.flush();\n", ""),
    ("one try around the whole accept loop", "TCPServer.java",
     "            try {\n                serve(client);\n            } catch (IOException e) {\n"
     "                log.warn(\"connection failed: {}\", e.toString());\n            }\n",
     "            try {\n                serve(client);\n            } catch (IOException e) {\n"
     "                return;\n            }\n"),
    ("never closes the client's socket", "TCPServer.java",
     "try (client) {", "try {"),
    ("logs no close", "TCPServer.java", "            log.info(\"closed {}\", peer);\n", ""),
    ("connects without a timeout", "TCPClient.java",
     "socket.connect(address, attemptTimeoutMillis(policy, deadline));", "socket.connect(address);"),
    ("backs off by a constant pause", "TCPClient.java", "            pause = pause.multipliedBy(2);\n", ""),
    ("ignores the total timeout", "TCPClient.java",
     " || pause.toNanos() >= deadline - System.nanoTime()", ""),
    ("sleeps without the policy's sleeper", "TCPClient.java",
     "policy.sleeper().sleep(pause);", "Thread.sleep(pause.toMillis());"),
]


def main():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    uncaught = []
    for name, file, original, wrong in MUTANTS:
        with tempfile.TemporaryDirectory() as tmp:
            copy = pathlib.Path(tmp)
            for f in files:
                (copy / f).parent.mkdir(parents=True, exist_ok=True)
                (copy / f).write_bytes((ROOT / f).read_bytes())
            (copy / "mvnw").chmod(0o755)
            source = copy / SOLUTION / file
            text = source.read_text()
            if original not in text:
                sys.exit(f"mutant '{name}': the solution no longer contains {original!r}; update this script")
            source.write_text(text.replace(original, wrong, 1))
            run = subprocess.run(["./mvnw", "-B", "-q", "-o", "-pl", "solutions/lab-01-handshake", "-am", "test"],
                                 cwd=copy, capture_output=True, text=True)
            failed = sorted(set(re.findall(r"^\[ERROR\]   (\w+\.\w+)", run.stdout, re.M)))
            if run.returncode == 0:
                uncaught.append(name)
                print(f"NOT CAUGHT  {name}")
            else:
                print(f"caught      {name}: {', '.join(failed) or 'build failed'}")
    print(f"{len(MUTANTS) - len(uncaught)} of {len(MUTANTS)} plausible wrong solutions fail at least one test")
    sys.exit(1 if uncaught else 0)


if __name__ == "__main__":
    main()
