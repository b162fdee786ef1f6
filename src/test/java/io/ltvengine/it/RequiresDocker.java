package io.ltvengine.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a Docker engine. Without one, the class is skipped on a developer machine
 * and fails on CI (environment variable {@code CI=true}), where a missing engine is a broken build rather
 * than a reason to report the tests as if they had run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDockerExtension.class)
public @interface RequiresDocker {}
