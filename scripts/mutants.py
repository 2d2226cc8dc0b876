#!/usr/bin/env python3
"""Plausible wrong solutions of a lab: each must fail at least one of the lab's tests.

Copies the repository (tracked files and the working tree's changes) to a temporary folder, breaks the
reference solution in one plausible way, runs the lab's tests against it, and reports which tests caught
the mistake. Run from anywhere:
    scripts/mutants.py                        every lab's mutants: the full set (about 15 s a mutant, warm)
    scripts/mutants.py lab-01-handshake       one lab's
    scripts/mutants.py --quick                the quick set that CI runs (QUICK, below)
Exits 1 if any mutant passes every test.
"""
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# lab -> [(name, file in the solution's package, text in the solution, wrong replacement)]
MUTANTS = {"lab-01-handshake": [
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
    # Issue 15: written apart from the ones above.
    ("queues only one waiting client", "TCPServer.java",
     "new ServerSocket(port, BACKLOG, InetAddress.getByName(host))",
     "new ServerSocket(port, 1, InetAddress.getByName(host))"),
    ("always binds 127.0.0.1, whatever the host", "TCPServer.java",
     "new ServerSocket(port, BACKLOG, InetAddress.getByName(host))",
     "new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress())"),
    ("reads and writes with the platform default charset", "TCPServer.java",
     "BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), UTF_8));\n"
     "        Writer out = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(), UTF_8));",
     "BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream()));\n"
     "        Writer out = new BufferedWriter(new OutputStreamWriter(client.getOutputStream()));"),
    ("closes the client's socket only when the echo ends well", "TCPServer.java",
     "        try (client) {\n            echoLines(client);\n        } finally {\n"
     "            log.info(\"closed {}\", peer);\n        }\n",
     "        echoLines(client);\n        client.close();\n        log.info(\"closed {}\", peer);\n"),
    ("goes back to accept() after close()", "TCPServer.java",
     "                if (serverSocket.isClosed()) {\n                    return;\n                }\n"
     "                log.warn(\"accept failed: {}\", e.toString());\n                continue;\n",
     "                continue;\n"),
    ("retries refused attempts but not timed-out ones", "TCPClient.java",
     "} catch (ConnectException | SocketTimeoutException e) {", "} catch (ConnectException e) {"),
    ("swallows the interrupt and keeps retrying", "TCPClient.java",
     "            Thread.currentThread().interrupt();\n"
     "            throw new InterruptedIOException(\"interrupted while waiting to retry the connect\");\n",
     "            Thread.currentThread().interrupt();\n"),
    ("gives each attempt the whole total timeout", "TCPClient.java",
     "Math.min(policy.connectTimeout().toMillis(), left)", "left"),
    ("leaves the last error out of the message", "TCPClient.java",
     "after %d attempt%s in %d ms: %s\",\n                host, port, attempt, attempt == 1 ? \"\" : \"s\", elapsedMillis,"
     " last.getMessage()));",
     "after %d attempt%s in %d ms\",\n                host, port, attempt, attempt == 1 ? \"\" : \"s\", elapsedMillis));"),
], "lab-02-data-transfer": [
    ("adds without wrapping", "SequenceNumbers.java", "return (seq + payloadBytes) % MODULUS;", "return seq + payloadBytes;"),
    ("forgets that a FIN takes a number", "SequenceNumbers.java", " + (fin ? 1 : 0)", ""),
    ("compares sequence numbers as plain numbers", "SequenceNumbers.java",
     "return Integer.signum((int) (a - b));", "return Long.compare(a, b);"),
    ("orders numbers that are exactly 2^31 apart", "SequenceNumbers.java",
     "        if (distance == MODULUS / 2) {\n", "        if (false) {\n"),
    ("decodes with the platform default", "Framing.java", "return line.toString(UTF_8);", "return line.toString();"),
    ("takes one read for a whole frame", "Framing.java",
     "int read = in.readNBytes(buffer, from, buffer.length - from);",
     "int read = Math.max(0, in.read(buffer, from, buffer.length - from));"),
    ("trusts the frame length", "Framing.java", "if (length < 0 || length > maxFrameBytes) {", "if (length < 0) {"),
    ("forgets to flush a frame", "Framing.java", "        out.write(payload);\n        out.flush();\n",
     "        out.write(payload);\n"),
    ("has no line limit", "Framing.java", "if (line.size() == maxLineBytes) {", "if (false) {"),
    ("writes everything before reading", "BulkEchoClient.java",
     "CompletableFuture<Long> sending = CompletableFuture.supplyAsync(() -> send(socket, source), daemonThread());",
     "CompletableFuture<Long> sending = CompletableFuture.completedFuture(send(socket, source));"),
    ("sends no ERROR line", "EchoServer.java",
     "            Framing.writeLine(out, \"ERROR \" + e.getMessage());\n", ""),
    ("sends no ERROR frame", "EchoServer.java",
     "            Framing.writeFrame(out, (\"ERROR \" + e.getMessage()).getBytes(UTF_8));\n", ""),
    ("echoes only the first 64 KiB", "EchoServer.java",
     "client.getInputStream().transferTo(client.getOutputStream());",
     "client.getOutputStream().write(client.getInputStream().readNBytes(65536));"),
    # Issue 15: written apart from the ones above.
    ("serves one client at a time", "EchoServer.java",
     "workers.execute(() -> serve(client));", "serve(client);"),
    ("has a pool of one worker", "EchoServer.java",
     "Executors.newFixedThreadPool(MAX_CLIENTS,", "Executors.newFixedThreadPool(1,"),
    ("checks the line limit only once the newline arrives", "Framing.java",
     "            if (b == '\\n') {\n                return line.toString(UTF_8);\n            }\n"
     "            if (line.size() == maxLineBytes) {\n"
     "                throw new ProtocolException(\"line longer than \" + maxLineBytes + \" bytes\");\n            }\n",
     "            if (b == '\\n') {\n                if (line.size() > maxLineBytes) {\n"
     "                    throw new ProtocolException(\"line longer than \" + maxLineBytes + \" bytes\");\n"
     "                }\n                return line.toString(UTF_8);\n            }\n"),
    ("refuses a line of exactly the limit", "Framing.java",
     "if (line.size() == maxLineBytes) {", "if (line.size() == maxLineBytes - 1) {"),
    ("hands on a cut line at EOF", "Framing.java",
     "throw new EOFException(\"the stream ended after \" + line.size() + \" bytes of a line\");",
     "return line.toString(UTF_8);"),
    ("hands on a cut frame at EOF", "Framing.java",
     "        if (read < buffer.length - from) {\n", "        if (read < 0) {\n"),
    ("serves lines with its own reader and the platform default charset", "EchoServer.java",
     "            for (String line = Framing.readLine(in, Framing.MAX_LINE_BYTES); line != null;\n"
     "                 line = Framing.readLine(in, Framing.MAX_LINE_BYTES)) {\n"
     "                Framing.writeLine(out, line);\n            }\n",
     "            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in));\n"
     "            for (String line = reader.readLine(); line != null; line = reader.readLine()) {\n"
     "                if (line.length() > Framing.MAX_LINE_BYTES) {\n"
     "                    throw new ProtocolException(\"line too long\");\n                }\n"
     "                out.write((line + \"\\n\").getBytes());\n                out.flush();\n            }\n"),
    ("closes right after the ERROR line, without draining", "EchoServer.java",
     "            drainThenFin(client, in);\n", ""),
    ("reads everything before echoing a byte", "EchoServer.java",
     "client.getInputStream().transferTo(client.getOutputStream());",
     "client.getOutputStream().write(client.getInputStream().readAllBytes());"),
    ("encodes lines with the platform default", "Framing.java",
     "out.write((line + \"\\n\").getBytes(UTF_8));", "out.write((line + \"\\n\").getBytes());"),
], "lab-03-teardown": [
    ("closes instead of half-closing", "HalfCloseClient.java", "                s.shutdownOutput();\n",
     "                s.close();\n"),
    ("writes everything before reading", "HalfCloseClient.java", "        sender.start();\n", "        sender.run();\n"),
    ("accepts a cut reply line", "HalfCloseClient.java", "int end = text.indexOf('\\n');",
     "int end = text.indexOf('\\n') < 0 && reply.length > 0 ? reply.length : text.indexOf('\\n');"),
    ("aborts with FIN", "HalfCloseClient.java", "        s.setSoLinger(true, 0);\n", ""),
    ("never closes the client's socket", "HalfCloseServer.java", "try (client) {", "try {"),
    ("answers at the first line end", "HalfCloseServer.java", "            count += n;\n",
     "            count += n;\n            if (buffer[n - 1] == '\\n') {\n                break;\n            }\n"),
    ("closes without draining", "HalfCloseServer.java", "                drain(client);\n", ""),
    ("sends FIN right after refusing", "HalfCloseServer.java", "                drain(client);\n",
     "                client.shutdownOutput();\n                drain(client);\n"),
    ("logs a reset without the peer", "HalfCloseServer.java", "log.info(\"reset by {}\", peer);",
     "log.info(\"connection reset\");"),
    ("stops with no grace", "HalfCloseServer.java",
     "workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)", "workers.awaitTermination(0, TimeUnit.MILLISECONDS)"),
    ("never sends FIN on stop", "HalfCloseServer.java",
     "                for (Socket connection : connections) {\n                    try {\n"
     "                        connection.shutdownOutput();\n", "                for (Socket connection : connections) {\n"
     "                    try {\n                        connection.getOutputStream();\n"),
    ("leaves the worker pool running", "HalfCloseServer.java", "        workers.shutdown();\n", ""),
    # Written for issue 15, independently of the ones above.
    ("serves one client at a time", "HalfCloseServer.java",
     "Executors.newFixedThreadPool(MAX_CLIENTS, HalfCloseServer::worker)",
     "Executors.newFixedThreadPool(1, HalfCloseServer::worker)"),
    ("holds the server's lock while reading a request", "HalfCloseServer.java",
     "    void reply(Socket client) throws IOException {", "    synchronized void reply(Socket client) throws IOException {"),
    ("refuses a request of exactly the limit", "HalfCloseServer.java",
     "if (count > MAX_REQUEST_BYTES) {", "if (count >= MAX_REQUEST_BYTES) {"),
    ("drains only what has arrived so far", "HalfCloseServer.java",
     "for (int n; (n = in.read(buffer)) != -1; dropped += n) {",
     "for (int n; in.available() > 0 && (n = in.read(buffer)) != -1; dropped += n) {"),
    ("drains without a read timeout", "HalfCloseServer.java",
     "        client.setSoTimeout((int) DRAIN_TIMEOUT.toMillis());\n", ""),
    ("hashes the request decoded with the default charset", "HalfCloseServer.java",
     "            sha256.update(buffer, 0, n);\n",
     "            sha256.update(new String(buffer, 0, n).getBytes(java.nio.charset.StandardCharsets.UTF_8));\n"),
    ("logs no close", "HalfCloseServer.java", "            log.info(\"closed {}\", peer);\n", ""),
    ("parses an ERROR line as a digest", "HalfCloseClient.java",
     "if (line.startsWith(\"ERROR\") || fields.length != 2 || !fields[0].matches(\"\\\\d{1,18}\")) {", "if (false) {"),
    ("keeps listening during stop()", "HalfCloseServer.java",
     "        closeQuietly(serverSocket);\n        workers.shutdown();\n", "        workers.shutdown();\n"),
], "lab-04-failure-modes": [
    ("has no read timeout", "ResilientClient.java",
     "            socket.setSoTimeout(cut(settings.readTimeoutMillis(), deadline));\n", ""),
    ("takes a cut line for a reply", "ResilientClient.java",
     "            if (b < 0) {\n                throw new EOFException(",
     "            if (b < 0 && line.size() > 0) {\n                return line.toString(UTF_8);\n            }\n"
     "            if (b < 0) {\n                throw new EOFException("),
    ("retries requests that are not idempotent", "ResilientClient.java",
     "if (e.sent && (!idempotent || retriedAfterSending)", "if (e.sent && retriedAfterSending"),
    ("retries a sent request more than once", "ResilientClient.java", "                retriedAfterSending |= e.sent;\n", ""),
    ("backs off by a constant pause", "ResilientClient.java",
     "long base = firstPauseMillis << Math.min(attempt - 1, 30);", "long base = firstPauseMillis;"),
    ("does not cut the read timeout to the deadline", "ResilientClient.java",
     "socket.setSoTimeout(cut(settings.readTimeoutMillis(), deadline));",
     "socket.setSoTimeout(settings.readTimeoutMillis());"),
    ("waits for PONG without a deadline", "HeartbeatSession.java",
     "            socket.setSoTimeout((int) deadAfterMillis);\n", ""),
    ("keeps the system's keepalive times", "HeartbeatSession.java",
     "            socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, KEEPALIVE_IDLE_SECONDS);\n", ""),
    ("queues clients instead of answering BUSY", "SturdyServer.java",
     "new SynchronousQueue<>()", "new java.util.concurrent.LinkedBlockingQueue<>()"),
    ("decodes bad bytes leniently", "SturdyServer.java",
     "return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();",
     "return UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)"
     ".decode(ByteBuffer.wrap(bytes, 0, length)).toString();"),
    ("echoes a line cut by FIN", "SturdyServer.java",
     "throw new EOFException(\"FIN in the middle of a line\");", "break;"),
    ("has no line limit", "SturdyServer.java", "if (line.size() == maxLineBytes) {", "if (false) {"),
    ("leaves the watchdog timer running", "SturdyServer.java", "        watchdogs.shutdownNow();\n", ""),
    ("closes the listener but not the connections", "SturdyServer.java",
     "stopAccepting().forEach(SturdyServer::closeQuietly);", "stopAccepting();"),
    ("times out reads only, not blocked writes", "SturdyServer.java",
     "        return watchdogs.schedule(() -> {\n            log.info(\"idle: closing {}\", client.getRemoteSocketAddress());\n"
     "            closeQuietly(client);\n        }, settings",
     "        try {\n            client.setSoTimeout((int) settings.idleTimeoutMillis());\n"
     "        } catch (java.net.SocketException e) {\n            log.debug(\"{}\", e.toString());\n        }\n"
     "        return watchdogs.schedule(() -> {\n        }, settings"),
    ("never closes idle connections", "SturdyServer.java", "            closeQuietly(client);\n        }, settings",
     "        }, settings"),
    # Written for issue 15, independently of the ones above.
    ("checks the line limit only at the newline", "SturdyServer.java",
     "            if (line.size() == maxLineBytes) {\n                throw new BadRequest(\"line over \" + maxLineBytes"
     " + \" bytes\");\n            }\n            line.write(b);\n        }\n",
     "            line.write(b);\n        }\n        if (line.size() > maxLineBytes) {\n"
     "            throw new BadRequest(\"line over \" + maxLineBytes + \" bytes\");\n        }\n"),
    ("serves one client at a time", "SturdyServer.java",
     "            workers.execute(() -> serve(client));\n", "            serve(client);\n"),
    ("decodes requests with the default charset", "SturdyServer.java",
     "return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();",
     "return java.nio.charset.Charset.defaultCharset().newDecoder().decode(ByteBuffer.wrap(bytes, 0, length))"
     ".toString();"),
    ("sends requests in the default charset", "ResilientClient.java",
     "            out.write((line + \"\\n\").getBytes(UTF_8));\n", "            out.write((line + \"\\n\").getBytes());\n"),
    ("strips the request line", "SturdyServer.java",
     "return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();",
     "return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString().strip();"),
    ("keeps the \\r of a CRLF line", "SturdyServer.java",
     "int length = bytes.length > 0 && bytes[bytes.length - 1] == '\\r' ? bytes.length - 1 : bytes.length;",
     "int length = bytes.length;"),
    ("connects without a timeout", "ResilientClient.java",
     "socket.connect(new InetSocketAddress(settings.host(), settings.port()),\n"
     "                    cut(settings.connectTimeoutMillis(), deadline));",
     "socket.connect(new InetSocketAddress(settings.host(), settings.port()));"),
    ("reports a refused connect as CLOSED", "ResilientClient.java",
     "        if (e instanceof ConnectException) {\n            return Failure.REFUSED;\n        }\n", ""),
    ("never restarts the idle timer", "SturdyServer.java",
     "                watchdog.cancel(false);\n                watchdog = watch(client);\n", ""),
    ("keeps the system's keepalive interval", "HeartbeatSession.java",
     "            socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, KEEPALIVE_INTERVAL_SECONDS);\n", ""),
    ("sleeps past the deadline", "ResilientClient.java", "if (pause >= left) {", "if (left <= 0) {"),
    # Issue 18: the drain in refuse() became a student task.
    ("refuses without draining", "SturdyServer.java",
     "            client.shutdownOutput();\n            client.setSoTimeout(DRAIN_MILLIS);\n"
     "            client.getInputStream().readNBytes(DRAIN_BYTES);\n", ""),
]}


# The quick set that CI runs: per lab, plausible mistakes that only a test written for them catches.
QUICK = {
    "lab-01-handshake": ["reads and writes with the platform default charset", "queues only one waiting client",
                         "connects without a timeout"],
    "lab-02-data-transfer": ["serves one client at a time", "checks the line limit only once the newline arrives",
                             "closes right after the ERROR line, without draining"],
    "lab-03-teardown": ["serves one client at a time", "drains only what has arrived so far", "closes without draining"],
    "lab-04-failure-modes": ["checks the line limit only at the newline", "times out reads only, not blocked writes",
                             "queues clients instead of answering BUSY", "refuses without draining"],
}


def run_lab(lab, files, names=None):
    """Runs the lab's mutants (those named, or all); returns the names of those that no test caught."""
    package = next((ROOT / "solutions" / lab / "src/main/java").glob("tcplab/lab*"))
    mutants = [m for m in MUTANTS[lab] if names is None or m[0] in names]
    missing = set(names or []) - {m[0] for m in mutants}
    if missing:
        sys.exit(f"{lab}: no mutant named {', '.join(sorted(missing))}; update QUICK")
    uncaught = []
    for name, file, original, wrong in mutants:
        with tempfile.TemporaryDirectory() as tmp:
            copy = pathlib.Path(tmp)
            for f in files:
                (copy / f).parent.mkdir(parents=True, exist_ok=True)
                (copy / f).write_bytes((ROOT / f).read_bytes())
            (copy / "mvnw").chmod(0o755)
            source = copy / package.relative_to(ROOT) / file
            text = source.read_text()
            if original not in text:
                sys.exit(f"mutant '{name}': the solution no longer contains {original!r}; update this script")
            source.write_text(text.replace(original, wrong, 1))
            run = subprocess.run(["./mvnw", "-B", "-q", "-o", "-pl", "solutions/" + lab, "-am", "test"],
                                 cwd=copy, capture_output=True, text=True)
            failed = sorted(set(re.findall(r"^\[ERROR\]   (\w+\.\w+)", run.stdout, re.M))
                            | set(re.findall(r"^  (?:FAIL|NO RUN)\s+\S+\s+(\w+\.\w+)", run.stdout, re.M)))
            if run.returncode == 0:
                uncaught.append(name)
                print(f"NOT CAUGHT  {lab}: {name}", flush=True)
            else:
                print(f"caught      {lab}: {name}: {', '.join(failed) or 'build failed'}", flush=True)
    print(f"{lab}: {len(mutants) - len(uncaught)} of {len(mutants)} plausible wrong solutions fail at least one test",
          flush=True)
    return uncaught


def main():
    args = sys.argv[1:]
    quick = "--quick" in args
    labs = [a for a in args if a != "--quick"] or list(MUTANTS)
    unknown = [lab for lab in labs if lab not in MUTANTS]
    if unknown:
        sys.exit("usage: scripts/mutants.py [--quick] [" + "|".join(MUTANTS) + " ...]")
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    files = [f for f in files if (ROOT / f).is_file()]
    uncaught = [name for lab in labs for name in run_lab(lab, files, QUICK[lab] if quick else None)]
    sys.exit(1 if uncaught else 0)


if __name__ == "__main__":
    main()
