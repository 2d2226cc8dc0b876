#!/usr/bin/env python3
"""Runs every shell command of the handouts, each from a clean copy of the tree, and says which ones work.

    scripts/check-handout-commands.py [--offline] [--quick] [--list] [--timeout S] [--logs DIR] [FILE.md ...]

Without files it reads the handouts of the tree it is in: README.md, README.student.md and each lab's README.md,
and their Korean editions (README.ko.md, README.student.ko.md) where they exist.

What counts as a command: every line of a fenced block whose language is `sh` (or `bash`, `shell`), except blank
lines and lines that start with `#`; a line ending in a backslash goes on with the next one. A `$ ` in front is
dropped. Blocks in `text`, `java`, `mermaid` and the rest are output or code, never run.

How a block says what it needs: HTML comments on the lines right above its opening fence (blank lines allowed):

    <!-- no-run: REASON -->         not run; listed as SKIP with the reason (root, a second machine, CI runs it ...)
    <!-- expect-fail: REASON -->    the student is meant to see it fail: it passes when it exits non-zero
    <!-- expect-output: TEXT -->    the block's output (stdout and stderr of all its commands) must contain TEXT
    <!-- server: PORT -->           the block's first command is a server that runs until stopped: it is started
                                    in the background (a trailing `&` is dropped), and the rest of the block is run
                                    once a socket listens on PORT; so is every later block of the same section
                                    (up to the next heading), as if typed in a second terminal. Then the server gets
                                    SIGTERM and must exit within 10 s.
    <!-- peer-of: PORT -->          the block needs the server declared with `server: PORT` elsewhere in the same
                                    file: that server is started for it.
    <!-- reference: REASON -->      the block shows the finished lab, which the starter cannot do (REASON says
                                    which tasks it needs): it runs against the reference solution, each
                                    `-pl lab-NN-...` read as `-pl solutions/lab-NN-...`; where the tree has no
                                    solutions/ (the student copy), it is listed as SKIP with REASON. A server
                                    runs against the reference when its block or a block of its peers says so.
    <!-- timeout: SECONDS -->       its own time limit per command, instead of --timeout
    <!-- quick -->                  part of the quick set (--quick)

Every command, or every server with its peers, runs in a fresh copy of the tree's files (the files git tracks, as
they are now, and new files not ignored): no build output of one command helps the next, as in a fresh clone. It
runs with `bash -c`, from the root of that copy, with standard input empty, in a process group of its own that is
ended after it. One line per command (PASS, FAIL or SKIP, with the reason), then the total; the exit status is 1
when a command failed. Each command's output is kept in the log folder (--logs, default target/handout-commands).

--offline passes `-o` to every Maven run (through MAVEN_ARGS). --quick runs only blocks marked
`<!-- quick -->` and lists the others as SKIP. --list prints the commands and what they need, and runs nothing.
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SHELL_LANGUAGES = {"sh", "bash", "shell"}
FENCE = re.compile(r"^(\s*)(```+|~~~+)\s*([\w+-]*)")
DIRECTIVE = re.compile(r"^\s*<!--\s*([a-z-]+)\s*(?::\s*(.*?))?\s*-->\s*$")
KNOWN = {"no-run", "expect-fail", "expect-output", "server", "peer-of", "reference", "timeout", "quick"}
LAB_MODULE = re.compile(r"(-pl\s+)(lab-\d\d-[\w-]+)")
STOP_GRACE = 10


@dataclass
class Block:
    path: Path
    line: int
    section: int
    commands: list  # (line number, command)
    directives: dict


@dataclass
class Unit:
    """What runs in one fresh copy: a server with its peers, or one command on its own."""
    server: tuple = None  # (block, line, command, port)
    steps: list = field(default_factory=list)  # (block, line, command)
    borrowed: bool = False  # the server is declared elsewhere (peer-of) and counted there


def parse(path):
    blocks, pending, section = [], {}, 0
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        text = lines[i]
        fence = FENCE.match(text)
        directive = DIRECTIVE.match(text)
        if fence:
            indent, mark, language = fence.groups()
            body, j = [], i + 1
            while j < len(lines) and not lines[j].strip().startswith(mark):
                body.append((j + 1, lines[j][len(indent):] if lines[j].startswith(indent) else lines[j].lstrip()))
                j += 1
            if language in SHELL_LANGUAGES:
                blocks.append(Block(path, i + 1, section, commands_of(body), pending))
            pending, i = {}, j + 1
            continue
        if directive and directive.group(1) == "instructor-only":
            pass  # region markers for the student copy; they do not break a directive's hold on the next block
        elif directive:
            pending[directive.group(1)] = directive.group(2) or ""
        elif text.startswith("#"):
            section, pending = section + 1, {}
        elif text.strip():
            pending = {}
        i += 1
    return blocks


def commands_of(body):
    commands, start, parts = [], None, []
    for number, text in body:
        if not parts:
            stripped = text.strip()
            if not stripped or stripped.startswith("#"):
                continue
            text, start = (stripped[2:] if stripped.startswith("$ ") else stripped), number
        if text.rstrip().endswith("\\"):
            parts.append(text.rstrip()[:-1])
            continue
        parts.append(text)
        commands.append((start, " ".join(p.strip() for p in parts)))
        parts = []
    return commands


def units_of(blocks):
    """Groups each file's blocks into runs: a server and the blocks of its section after it; the rest, one by one."""
    servers = {}
    for block in blocks:
        if "server" in block.directives:
            servers[(block.path, block.directives["server"].strip())] = block
    units, current = [], None
    for block in blocks:
        if current and (current.server[0].path != block.path or current.server[0].section != block.section):
            current = None
        if "server" in block.directives:
            port = int(block.directives["server"])
            line, command = block.commands[0]
            current = Unit(server=(block, line, strip_background(command), port))
            current.steps = [(block, n, c) for n, c in block.commands[1:]]
            units.append(current)
        elif "peer-of" in block.directives:
            owner = servers.get((block.path, block.directives["peer-of"].strip()))
            if owner is None:
                sys.exit(f"{block.path}:{block.line}: peer-of: no block of this file declares server: "
                         f"{block.directives['peer-of']}")
            line, command = owner.commands[0]
            units.append(Unit(server=(owner, line, strip_background(command), int(owner.directives["server"])),
                              steps=[(block, n, c) for n, c in block.commands], borrowed=True))
        elif current:
            current.steps.extend((block, n, c) for n, c in block.commands)
        else:
            for n, c in block.commands:
                if c.rstrip().endswith("&"):
                    sys.exit(f"{block.path}:{n}: a command in the background needs <!-- server: PORT --> above its block")
                units.append(Unit(steps=[(block, n, c)]))
    return units


def strip_background(command):
    return command.rstrip()[:-1].rstrip() if command.rstrip().endswith("&") else command


def listening(port):
    """True when a TCP socket listens on the port, from the kernel's tables (Linux), else by connecting."""
    tables = [Path("/proc/net/tcp"), Path("/proc/net/tcp6")]
    if tables[0].exists():
        for table in tables:
            if table.exists():
                for row in table.read_text().splitlines()[1:]:
                    fields = row.split()
                    if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                        return True
        return False
    import socket
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Runner:
    def __init__(self, root, args):
        self.root, self.args = root, args
        self.logs = Path(args.logs) if args.logs else root / "target" / "handout-commands"
        shutil.rmtree(self.logs, ignore_errors=True)
        self.logs.mkdir(parents=True)
        self.env = dict(os.environ)
        if args.offline:
            self.env["MAVEN_ARGS"] = (self.env.get("MAVEN_ARGS", "") + " -o").strip()
        self.files = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=root, check=True,
                                    capture_output=True).stdout.split(b"\0")
        self.results, self.count, self.live = [], 0, []

    def fresh_tree(self):
        scratch = Path(tempfile.mkdtemp(prefix="handout-commands."))
        tree = scratch / "tree"
        tree.mkdir()
        for name in filter(None, self.files):
            source = self.root / os.fsdecode(name)
            if source.is_file():
                target = tree / os.fsdecode(name)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
        return scratch, tree

    def log_for(self, block, line):
        self.count += 1
        name = f"{self.count:03d}-{block.path.as_posix().replace('/', '_')}-{line}.log"
        return self.logs / name

    def report(self, verdict, block, line, command, detail, log=None):
        where = f"{block.path.as_posix()}:{line}"
        print(f"{verdict:4}  {where:34}  {command}")
        if detail:
            print(f"      {detail}")
        if verdict == "FAIL" and log and log.exists():
            for text in log.read_text(errors="replace").splitlines()[-12:]:
                print(f"      | {text}")
            print(f"      (whole output: {log})")
        sys.stdout.flush()
        self.results.append((verdict, detail if verdict == "SKIP" else ""))

    def limit(self, block):
        return int(block.directives.get("timeout", self.args.timeout))

    def skip_reason(self, block):
        if "no-run" in block.directives:
            return block.directives["no-run"] or "marked no-run"
        if self.args.quick and "quick" not in block.directives:
            return "not in the quick set (--quick)"
        if "reference" in block.directives and not self.has_solutions(block):
            return f"shows the finished lab ({block.directives['reference']}); no reference solution here"
        return None

    def has_solutions(self, block):
        labs = LAB_MODULE.findall("\n".join(c for _, c in block.commands))
        return (self.root / "solutions").is_dir() and all((self.root / "solutions" / lab).is_dir() for _, lab in labs)

    @staticmethod
    def as_run(command, reference):
        """The command as the checker runs it: against the reference solution where the block says so."""
        return LAB_MODULE.sub(r"\1solutions/\2", command) if reference else command

    def run_unit(self, unit):
        server_skip = unit.server and (unit.server[0].directives.get("no-run") if unit.borrowed
                                       else self.skip_reason(unit.server[0]))
        if server_skip and not unit.borrowed:
            self.report("SKIP", unit.server[0], unit.server[1], unit.server[2], server_skip)
        steps = []
        for block, line, command in unit.steps:
            reason = self.skip_reason(block) or (server_skip and f"its server is not run ({server_skip})")
            if reason:
                self.report("SKIP", block, line, command, reason)
            else:
                steps.append((block, line, command))
        if server_skip:
            return
        if not steps and (unit.borrowed or not unit.server):
            return
        # A server shows the finished lab when it or any of its peers does.
        blocks = [b for b, _, _ in steps] + ([unit.server[0]] if unit.server else [])
        reference = any("reference" in b.directives for b in blocks)
        scratch, tree = self.fresh_tree()
        try:
            server = None
            if unit.server:
                server = self.start_server(unit.server, tree, reference)
                if server is None:
                    for block, line, command in steps:
                        self.report("SKIP", block, line, command, "its server did not start")
                    return
            outputs = {}
            for block, line, command in steps:
                last = line == block.commands[-1][0]
                self.run_step(block, line, command, tree, outputs, last)
            if server:
                self.stop_server(unit, server)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def spawn(self, command, tree, log):
        process = subprocess.Popen(["bash", "-c", command], cwd=tree, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, env=self.env, start_new_session=True)
        self.live.append(process)
        return process

    def end_all(self):
        """Ends every process group this run started, when it is stopped early."""
        for process in self.live:
            self.end_group(process)

    @staticmethod
    def end_group(process, sig=signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass

    def run_step(self, block, line, command, tree, outputs, last):
        log_path = self.log_for(block, line)
        started = time.monotonic()
        with open(log_path, "wb") as log:
            process = self.spawn(self.as_run(command, "reference" in block.directives), tree, log)
            try:
                status = process.wait(timeout=self.limit(block))
            except subprocess.TimeoutExpired:
                status = None
            finally:
                self.end_group(process)
                process.wait()
        took = f"{time.monotonic() - started:.1f} s"
        outputs[id(block)] = outputs.get(id(block), "") + log_path.read_text(errors="replace")
        expect_fail = "expect-fail" in block.directives
        wanted = block.directives.get("expect-output")
        if status is None:
            self.report("FAIL", block, line, command, f"still running after {self.limit(block)} s", log_path)
        elif expect_fail and status == 0:
            self.report("FAIL", block, line, command,
                        f"exit 0 in {took}, but the handout says it fails ({block.directives['expect-fail']})",
                        log_path)
        elif not expect_fail and status != 0:
            self.report("FAIL", block, line, command, f"exit {status} in {took}", log_path)
        elif last and wanted and wanted not in outputs[id(block)]:
            self.report("FAIL", block, line, command,
                        f"exit {status} in {took}, but the block's output lacks {wanted!r}", log_path)
        else:
            notes = [took]
            if expect_fail:
                notes.append(f"exit {status}, as the handout says ({block.directives['expect-fail']})")
            if "reference" in block.directives:
                notes.append("run against the reference solution")
            self.report("PASS", block, line, command, "; ".join(notes))

    def start_server(self, server, tree, reference):
        block, line, command, port = server
        if listening(port):
            self.report("FAIL", block, line, command, f"port {port} is already in use on this machine")
            return None
        log_path = self.log_for(block, line)
        log = open(log_path, "wb")
        process = self.spawn(self.as_run(command, reference), tree, log)
        deadline = time.monotonic() + self.limit(block)
        while time.monotonic() < deadline and process.poll() is None and not listening(port):
            time.sleep(0.2)
        if process.poll() is not None or not listening(port):
            why = (f"exit {process.returncode} before listening on {port}" if process.poll() is not None
                   else f"not listening on {port} after {self.limit(block)} s")
            self.end_group(process)
            process.wait()
            log.close()
            self.report("FAIL", block, line, command, why, log_path)
            return None
        return process, log, log_path, time.monotonic()

    def stop_server(self, unit, running):
        block, line, command, port = unit.server
        process, log, log_path, started = running
        self.end_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_GRACE)
            stopped = True
        except subprocess.TimeoutExpired:
            stopped = False
        self.end_group(process)
        process.wait()
        log.close()
        if stopped and unit.borrowed:
            return
        if stopped:
            self.report("PASS", block, line, command,
                        f"server listened on {port} for its peers ({time.monotonic() - started:.1f} s); "
                        f"exited on SIGTERM")
        else:
            self.report("FAIL", block, line, command, f"server still running {STOP_GRACE} s after SIGTERM", log_path)


def default_files(root):
    names = ["README.md", "README.ko.md", "README.student.md", "README.student.ko.md"]
    names += sorted(str(p.relative_to(root)) for p in root.glob("lab-*/README*.md"))
    return [Path(n) for n in names if (root / n).is_file()]


def main():
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("files", nargs="*", help="Markdown files, relative to the tree's root")
    options.add_argument("--offline", action="store_true", help="Maven runs offline (-o)")
    options.add_argument("--quick", action="store_true", help="only the blocks marked <!-- quick -->")
    options.add_argument("--list", action="store_true", help="print the commands; run nothing")
    options.add_argument("--timeout", type=int, default=300, help="seconds per command (default 300)")
    options.add_argument("--logs", help="folder for each command's output (default target/handout-commands)")
    args = options.parse_args()
    root = Path(__file__).resolve().parent.parent
    os.chdir(root)
    files = [Path(f) for f in args.files] or default_files(root)
    blocks = [b for f in files for b in parse(f)]
    for block in blocks:
        unknown = set(block.directives) - KNOWN
        if unknown:
            sys.exit(f"{block.path}:{block.line}: unknown directive {unknown}")
    units = units_of(blocks)
    if args.list:
        for block in blocks:
            needs = ", ".join(f"{k}: {v}" if v else k for k, v in block.directives.items())
            for line, command in block.commands:
                print(f"{block.path.as_posix()}:{line}\t{command}" + (f"\t[{needs}]" if needs else ""))
        return 0
    runner = Runner(root, args)
    started = time.monotonic()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        for unit in units:
            runner.run_unit(unit)
    finally:
        runner.end_all()
    verdicts = [v for v, _ in runner.results]
    reasons = {}
    for verdict, reason in runner.results:
        if verdict == "SKIP":
            reasons[reason] = reasons.get(reason, 0) + 1
    why = "; ".join(f"{n} x {r}" for r, n in reasons.items())
    print(f"{len(verdicts)} commands, {verdicts.count('PASS')} pass, {verdicts.count('FAIL')} fail, "
          f"{verdicts.count('SKIP')} skipped" + (f" ({why})" if why else "")
          + f"; {time.monotonic() - started:.0f} s")
    return 1 if "FAIL" in verdicts else 0


if __name__ == "__main__":
    sys.exit(main())
