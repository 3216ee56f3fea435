package dev.awssim.dynamodb;

/**
 * The TTL setting of a table.
 *
 * <pre>{@code
 * db.describeTimeToLive("Orders").timeToLiveStatus()
 * }</pre>
 *
 * @param timeToLiveStatus status
 * @param attributeName the TTL attribute, or null
 */
public record TimeToLiveDescription(TimeToLiveStatus timeToLiveStatus, String attributeName) {}
