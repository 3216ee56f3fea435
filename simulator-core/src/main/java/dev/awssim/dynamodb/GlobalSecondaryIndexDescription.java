package dev.awssim.dynamodb;

import java.util.List;

/**
 * A GSI as DescribeTable shows it.
 *
 * <pre>{@code
 * d.indexName()
 * }</pre>
 *
 * @param indexName the name
 * @param keySchema its keys
 * @param projection its projection
 * @param indexStatus status
 * @param provisionedThroughput throughput
 * @param indexSizeBytes size
 * @param itemCount items
 * @param indexArn ARN
 * @param backfilling whether backfilling
 */
public record GlobalSecondaryIndexDescription(
    String indexName,
    List<KeySchemaElement> keySchema,
    Projection projection,
    IndexStatus indexStatus,
    ProvisionedThroughputDescription provisionedThroughput,
    long indexSizeBytes,
    long itemCount,
    String indexArn,
    boolean backfilling) {
  /** Copies collections; null collections become empty. */
  public GlobalSecondaryIndexDescription {
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
  }
}
