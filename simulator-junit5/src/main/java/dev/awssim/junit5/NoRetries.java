package dev.awssim.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an injected SDK client field or parameter ({@code SqsClient}, {@code DynamoDbClient}, ...,
 * or {@code SimulatedAws}) that must not retry: it is built with {@code RetryMode.NONE}, so every
 * error, throttling included, reaches the caller on the first attempt, as with {@code
 * maxAttempts(1)}. Use it for code that runs inside scheduled tasks (where a retry's backoff cannot
 * advance virtual time) and for tests that assert on the first error. Other clients of the same
 * test keep the SDK's default retries; both kinds share the test's simulator and fault profile.
 *
 * <pre>{@code
 * @Test
 * void firstThrottleReachesTheCaller(@NoRetries DynamoDbClient dynamoDb, DynamoDbClient retrying) {
 *   ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface NoRetries {}
