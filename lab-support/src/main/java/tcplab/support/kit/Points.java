package tcplab.support.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The points a graded test is worth. A test earns them all when it passes and none otherwise; a parameterized
 * test passes only when every invocation does. Every test of a lab carries either this or
 * {@link WarmUp}, and the points of a lab's visible tests add up to its declared total
 * ({@code kit.lab.points}); an instructor's hidden tests come on top.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Points {

    /** Points earned when the test passes. */
    int value();

    /** Who sees the result on a course platform; hidden tests of an instructor set something other than VISIBLE. */
    Visibility visibility() default Visibility.VISIBLE;
}
