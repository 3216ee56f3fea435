package dev.awssim.dynamodb;

/**
 * A stream as ListStreams shows it.
 *
 * <pre>{@code
 * summary.streamArn()
 * }</pre>
 *
 * @param streamArn ARN
 * @param tableName table
 * @param streamLabel label
 */
public record StreamSummary(String streamArn, String tableName, String streamLabel) {}
