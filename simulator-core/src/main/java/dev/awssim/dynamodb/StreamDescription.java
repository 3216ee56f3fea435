package dev.awssim.dynamodb;

import java.util.List;

/**
 * A stream as DescribeStream shows it.
 *
 * <pre>{@code
 * streams.describeStream(arn).shards()
 * }</pre>
 *
 * @param streamArn ARN
 * @param streamLabel label
 * @param streamStatus status
 * @param streamViewType view type
 * @param creationRequestDateTime creation
 * @param tableName table
 * @param keySchema the table's key
 * @param shards shards
 */
public record StreamDescription(
    String streamArn,
    String streamLabel,
    StreamStatus streamStatus,
    StreamViewType streamViewType,
    java.time.Instant creationRequestDateTime,
    String tableName,
    List<KeySchemaElement> keySchema,
    List<StreamShard> shards) {
  /** Copies collections; null collections become empty. */
  public StreamDescription {
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
    shards = shards == null ? List.of() : List.copyOf(shards);
  }
}
