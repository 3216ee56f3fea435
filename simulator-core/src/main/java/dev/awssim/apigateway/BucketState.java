package dev.awssim.apigateway;

/**
 * One token bucket that applies to a request, as {@code throttleState} shows it: its level, its
 * settings and the tokens in it now (with the fraction of a refilling token).
 *
 * <pre>{@code
 * for (BucketState b : gateway.throttleState(request)) {
 *   System.out.println(b.level() + " " + b.availableTokens());
 * }
 * }</pre>
 *
 * @param level the bucket's level
 * @param rateLimit the refill rate per second
 * @param burstLimit the bucket size
 * @param availableTokens the tokens available now
 */
public record BucketState(
    ThrottleLevel level, double rateLimit, int burstLimit, double availableTokens) {}
