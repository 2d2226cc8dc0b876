package tcplab.support.kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Declares a test a warm-up: it passes on the untouched starter, so a student starts with something green.
 * The kit check requires every warm-up to pass on the starter and every other test to fail there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(WarmUp.TAG)
public @interface WarmUp {

    /** The JUnit tag that marks warm-ups, for filtering with {@code -Dgroups=warm-up}. */
    String TAG = "warm-up";
}
