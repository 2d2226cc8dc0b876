package tcplab.support.teach;

import java.util.Locale;

/**
 * The language of the kit's failure messages, hints and points table: {@code -Dkit.lang=ko} or {@code en}; when
 * {@code kit.lang} is not set, Korean where the JVM's locale is Korean, and English everywhere else.
 */
public enum Lang {
    EN(Locale.ROOT),
    KO(Locale.KOREAN);

    /** The system property that chooses the language. */
    public static final String PROPERTY = "kit.lang";

    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    /** The language chosen now; read on every call, so a test of the kit can switch it. */
    public static Lang current() {
        String chosen = System.getProperty(PROPERTY, "").strip();
        // Maven passes an unset kit.lang on to the test JVM as an empty value.
        if (chosen.isEmpty()) {
            chosen = System.getProperty("user.language", "");
        }
        return chosen.equalsIgnoreCase("ko") ? KO : EN;
    }

    /** The locale of this language's catalogue: the root (English) one, or Korean. */
    public Locale locale() {
        return locale;
    }
}
