package tcplab.support.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Linux backend: the kernel's own tables {@code /proc/net/tcp} and {@code /proc/net/tcp6}, the ones
 * {@code netstat} reads, parsed directly. It looks up no owning process, so it costs the same whatever the
 * number of processes and open descriptors on the machine.
 *
 * <p>Each row is {@code sl: local:port remote:port st ...}: addresses in hex, IPv4 one 32-bit word and IPv6 four,
 * each word printed as the kernel holds it in memory (host byte order), ports in hex as numbers, and the state as
 * a two-digit hex code. See {@code Documentation/networking/proc_net_tcp.rst} in the kernel's sources.
 */
final class ProcNetTcp implements TcpTableSource {

    private final Path tcp;
    private final Path tcp6;
    private final ByteOrder hostOrder;

    /** The live kernel's tables, in this machine's byte order. */
    ProcNetTcp() {
        this(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"), ByteOrder.nativeOrder());
    }

    /** Tables read from these files, written by a kernel of {@code hostOrder}: for recorded fixtures. */
    ProcNetTcp(Path tcp, Path tcp6, ByteOrder hostOrder) {
        this.tcp = tcp;
        this.tcp6 = tcp6;
        this.hostOrder = hostOrder;
    }

    /**
     * Both tables, IPv4 rows first. The kernel walks its whole connection hash for each file, whatever the number of
     * rows (about 6 ms a file on a 24 GiB machine), so the IPv4 table is read on a short-lived thread of its own
     * while this one reads the IPv6 table: a snapshot then costs one walk of wall time where a core is free. The
     * thread has ended when this returns, so leak checks that count threads never see it.
     */
    @Override
    public List<TcpConnection> read() throws IOException {
        FutureTask<List<TcpConnection>> ipv4 = new FutureTask<>(() -> rows(tcp));
        Thread reader = new Thread(ipv4, "tcp-probe-ipv4");
        reader.setDaemon(true);
        reader.start();
        List<TcpConnection> ipv6;
        try {
            ipv6 = rows(tcp6);
        } catch (NoSuchFileException e) {
            // IPv6 is disabled in this kernel: there is no IPv6 table, and no IPv6 connection to list.
            ipv6 = List.of();
        }
        List<TcpConnection> rows = new ArrayList<>(await(ipv4, reader));
        rows.addAll(ipv6);
        return withoutRepeats(rows);
    }

    /**
     * The rows with each connection once. The kernel hands a table over in pages and resumes each page at a
     * position in its hash; when connections come and go in between (other programs, other test runs), a row can
     * come twice. Two rows with the same addresses and ports are one connection: the first one read is kept.
     */
    static List<TcpConnection> withoutRepeats(List<TcpConnection> rows) {
        Map<List<Object>, TcpConnection> once = new LinkedHashMap<>();
        for (TcpConnection row : rows) {
            once.putIfAbsent(List.of(row.local(), row.localPort(), row.remote(), row.remotePort()), row);
        }
        return new ArrayList<>(once.values());
    }

    private static List<TcpConnection> await(FutureTask<List<TcpConnection>> table, Thread reader)
            throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    List<TcpConnection> rows = table.get();
                    reader.join();
                    return rows;
                } catch (InterruptedException e) {
                    // finish the read: the caller's interrupt is restored below
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException("reading the IPv4 table failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<TcpConnection> rows(Path table) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(table, StandardCharsets.US_ASCII)) {
            return parse(in, hostOrder);
        }
    }

    /** Every row of one table (IPv4 or IPv6, told apart by the addresses' length), header line first. */
    static List<TcpConnection> parse(BufferedReader table, ByteOrder hostOrder) throws IOException {
        List<TcpConnection> rows = new ArrayList<>();
        String header = table.readLine();
        if (header == null) {
            return rows;
        }
        if (!header.trim().startsWith("sl")) {
            throw new IOException("not a /proc/net/tcp table: its first line is \"" + header + "\"");
        }
        for (String line = table.readLine(); line != null; line = table.readLine()) {
            if (!line.isBlank()) {
                rows.add(row(line, hostOrder));
            }
        }
        return rows;
    }

    private static TcpConnection row(String line, ByteOrder hostOrder) throws IOException {
        // Fields 1 to 3 (local, remote, state) are all the probe needs; split by hand, a regex per row costs.
        String[] fields = new String[4];
        int end = 0;
        for (int field = 0; field < fields.length; field++) {
            int start = end;
            while (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            end = line.indexOf(' ', start);
            if (start == line.length() || end < 0) {
                throw new IOException("unexpected row in /proc/net/tcp: \"" + line + "\"");
            }
            fields[field] = line.substring(start, end);
        }
        if (!fields[0].endsWith(":")) {
            throw new IOException("unexpected row in /proc/net/tcp: \"" + line + "\"");
        }
        try {
            Endpoint local = endpoint(fields[1], hostOrder);
            Endpoint remote = endpoint(fields[2], hostOrder);
            return new TcpConnection(local.address, local.port, remote.address, remote.port,
                    state(Integer.parseInt(fields[3], 16)));
        } catch (IllegalArgumentException e) {
            throw new IOException("unexpected row in /proc/net/tcp: \"" + line + "\"", e);
        }
    }

    private record Endpoint(InetAddress address, int port) {
    }

    /** {@code 0100007F:1F90} is 127.0.0.1:8080 on a little-endian machine. */
    private static Endpoint endpoint(String field, ByteOrder hostOrder) {
        int colon = field.indexOf(':');
        if (colon != 8 && colon != 32) {
            throw new IllegalArgumentException("not an address and port: " + field);
        }
        ByteBuffer address = ByteBuffer.allocate(colon / 2).order(hostOrder);
        for (int word = 0; word < colon; word += 8) {
            address.putInt(Integer.parseUnsignedInt(field, word, word + 8, 16));
        }
        int port = Integer.parseInt(field, colon + 1, field.length(), 16);
        return new Endpoint(TcpConnection.address(address.array()), port);
    }

    /** The kernel's state codes, from {@code include/net/tcp_states.h}. */
    static TcpState state(int code) {
        return switch (code) {
            case 0x01 -> TcpState.ESTABLISHED;
            case 0x02 -> TcpState.SYN_SENT;
            case 0x03 -> TcpState.SYN_RECEIVED;
            case 0x04 -> TcpState.FIN_WAIT_1;
            case 0x05 -> TcpState.FIN_WAIT_2;
            case 0x06 -> TcpState.TIME_WAIT;
            case 0x07 -> TcpState.CLOSED;
            case 0x08 -> TcpState.CLOSE_WAIT;
            case 0x09 -> TcpState.LAST_ACK;
            case 0x0A -> TcpState.LISTEN;
            case 0x0B -> TcpState.CLOSING;
            default -> TcpState.UNKNOWN;
        };
    }

    @Override
    public String toString() {
        return tcp + " and " + tcp6;
    }
}
