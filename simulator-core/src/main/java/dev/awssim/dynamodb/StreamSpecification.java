package dev.awssim.dynamodb;

/**
 * Whether a table has a stream and what its records hold.
 *
 * <pre>{@code
 * new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES)
 * }</pre>
 *
 * @param streamEnabled enabled
 * @param streamViewType the view type when enabled
 */
public record StreamSpecification(boolean streamEnabled, StreamViewType streamViewType) {}
