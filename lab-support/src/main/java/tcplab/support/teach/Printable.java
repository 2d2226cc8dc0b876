package tcplab.support.teach;

/**
 * Text from code under test made fit for a terminal: control characters, unpaired surrogates and the replacement
 * character (what undecodable bytes become) are escaped, and a long text is cut with a count of what was cut.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * {@code text} with every character that a terminal cannot show as text written as {@code \n}, {@code \t},
     * {@code \r} or {@code \\uXXXX}, cut after {@code max} characters of the result with how many characters of
     * {@code text} were left out. Text that is mostly not printable (binary data) is summarised instead.
     */
    public static String cut(String text, int max) {
        int escaped = 0;
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String piece = escape(cp);
            escaped += piece == null ? 0 : 1;
            if (out.length() < max) {
                out.append(piece == null ? Character.toString(cp) : piece);
                shown = i + Character.charCount(cp);
            }
            i += Character.charCount(cp);
        }
        if (text.length() >= 16 && escaped * 4 > text.codePointCount(0, text.length())) {
            return "(" + text.length() + " characters, mostly not text: binary data?)";
        }
        return shown < text.length() ? out + "... (" + (text.length() - shown) + " more characters)" : out.toString();
    }

    /** The escape of a code point that is not printable text, or null for one that is. */
    private static String escape(int cp) {
        switch (cp) {
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\r':
                return "\\r";
            default:
                break;
        }
        int type = Character.getType(cp);
        boolean unprintable = cp == 0xFFFD || type == Character.CONTROL || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.FORMAT;
        return unprintable ? String.format("\\u%04x", cp) : null;
    }
}
