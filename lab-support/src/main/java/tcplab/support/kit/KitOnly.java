package tcplab.support.kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Declares a test of the kit itself, such as a lab's trace mode: it runs against the reference solution only, in
 * the kit check, and is never graded. Starters and the grader leave it out ({@code excludedGroups}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(KitOnly.TAG)
public @interface KitOnly {

    /** The JUnit tag that marks the kit's own tests. */
    String TAG = "kit-only";
}
