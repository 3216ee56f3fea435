package dev.awssim.classroom;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets forbiddenapis accept the JDK's HTTP server ({@code com.sun.net.httpserver}, which the
 * bundled {@code jdk-non-portable} list flags by package name) in the classes that serve the
 * classroom's routes, and nowhere else.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface SuppressForbidden {
  /** Why the use is fine. */
  String reason();
}
