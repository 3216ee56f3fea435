/**
 * Throttle primitives shared by the service models.
 *
 * <h2>How are the throttles designed, and why?</h2>
 *
 * <p>AWS throttles with two shapes of limit. API Gateway documents a token bucket (bucket size =
 * burst, refilled at the rate); DynamoDB's burst capacity is one too. Kinesis documents per-shard
 * amounts per second (1,000 records/s, 1 MiB/s, 5 GetRecords calls/s), which the reference (section
 * 0.4) asks to hold over every one-second span of the virtual clock: a sliding window.
 *
 * <pre>
 *   TokenBucket(rate 10/s, burst 5)           SlidingWindowLimiter(5 per 1 s)
 *   tokens 5 |#####                            calls at 0, .1, .2, .3, .4 admitted
 *   t=0      |      (5 admitted, 15 refused)   call at .5 refused, wait 0.5 s
 *   t=100ms  |#     (one more)                 call at 1.0 admitted (first one released)
 * </pre>
 *
 * <p>Both are pure state with the current time passed in, as in Guava's {@code SmoothRateLimiter}
 * and Bucket4j's {@code BucketState}; neither reads a clock. Both count in integers (the token
 * bucket in units of 1/gcd of a token), so a simulated month does not drift. A decision is a typed
 * {@link dev.awssim.internal.throttle.ThrottleDecision}: admitted, or rejected with the virtual
 * time until the same request would pass; {@code estimate} answers without changing anything, which
 * lets a request be admitted only when every applicable bucket has room.
 */
package dev.awssim.internal.throttle;
