package dev.awssim.dynamodb;

/**
 * Enables or disables TTL on an attribute.
 *
 * <pre>{@code
 * new TimeToLiveSpecification(true, "expiresAt")
 * }</pre>
 *
 * @param enabled enable or disable
 * @param attributeName the Number attribute of epoch seconds
 */
public record TimeToLiveSpecification(boolean enabled, String attributeName) {}
