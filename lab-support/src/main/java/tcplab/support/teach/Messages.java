package tcplab.support.teach;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message catalogue of a package: {@code messages.properties} (English) and {@code messages_ko.properties}
 * (Korean) beside its classes, read as UTF-8. A class's keys start with its simple name:
 * {@code Messages.of(EchoTest.class).feedback("serverEchoesLine", line)} renders the keys
 * {@code EchoTest.serverEchoesLine.expected}, {@code .but} and {@code .hint}. Placeholders are {@code {0}},
 * {@code {1}}, ...: one list of arguments for the three parts, each written with {@link String#valueOf}, so that a
 * quote needs no escaping and a number is written as Java writes it.
 */
public final class Messages {

    /** A catalogue's file name, without the language and the extension. */
    public static final String BUNDLE = "messages";

    /** A placeholder: {@code {0}}, {@code {12}}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final String baseName;
    private final String prefix;
    private final ClassLoader loader;

    private Messages(String baseName, String prefix, ClassLoader loader) {
        this.baseName = baseName;
        this.prefix = prefix;
        this.loader = loader;
    }

    /** The catalogue of {@code owner}'s package, with {@code owner}'s simple name before every key. */
    public static Messages of(Class<?> owner) {
        return new Messages(owner.getPackageName().replace('.', '/') + "/" + BUNDLE, owner.getSimpleName(),
                owner.getClassLoader());
    }

    /** The teaching message {@code key.expected}, {@code key.but}, {@code key.hint}, in the chosen language. */
    public String feedback(String key, Object... args) {
        return Feedback.expected(text(key + ".expected", args)).but(text(key + ".but", args))
                .hint(text(key + ".hint", args));
    }

    /** One text of the catalogue, such as a hint handed to {@link TcpAssertions#awaitState}. */
    public String text(String key, Object... args) {
        return format(bundle().getString(prefix + "." + key), args);
    }

    private ResourceBundle bundle() {
        Locale locale = Lang.current().locale();
        // No fallback to the JVM's locale: the root catalogue is English, whatever the machine's language.
        return ResourceBundle.getBundle(baseName, locale, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code pattern} with each {@code {n}} replaced by {@code args[n]}. */
    static String format(String pattern, Object... args) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index >= args.length) {
                throw new IllegalArgumentException("no argument {" + index + "} for \"" + pattern + "\"");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(args[index])));
        }
        m.appendTail(out);
        return out.toString();
    }
}
