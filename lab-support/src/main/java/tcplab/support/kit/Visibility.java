package tcplab.support.kit;

import java.util.Locale;

/** When a student sees a test's result, in Gradescope's vocabulary. */
public enum Visibility {
    VISIBLE,
    HIDDEN,
    AFTER_DUE_DATE,
    AFTER_PUBLISHED;

    /** The value of Gradescope's {@code visibility} field. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
