package tcplab.support.grade;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes the few JSON shapes the course platforms read: maps, lists, strings, numbers and booleans. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            container(map.entrySet().iterator(), '{', '}', out, indent, (entry, inner) -> {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
                string(e.getKey().toString(), out);
                out.append(": ");
                write(e.getValue(), out, inner);
            });
        } else if (value instanceof List<?> list) {
            container(list.iterator(), '[', ']', out, indent, (item, inner) -> write(item, out, inner));
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    private interface Member {
        void write(Object member, String indent);
    }

    private static void container(Iterator<?> members, char open, char close, StringBuilder out, String indent,
                                  Member member) {
        out.append(open);
        String inner = indent + "  ";
        boolean first = true;
        while (members.hasNext()) {
            out.append(first ? "\n" : ",\n").append(inner);
            member.write(members.next(), inner);
            first = false;
        }
        out.append(first ? "" : "\n" + indent).append(close);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // A lone surrogate has no UTF-8 form: JSON's escape keeps it writable and readable.
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
