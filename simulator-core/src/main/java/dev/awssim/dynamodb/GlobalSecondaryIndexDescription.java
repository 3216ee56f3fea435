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
 * @param onDemandThroughput the on-demand maximums (-1 = none), or null for a provisioned table
 * @param warmThroughput what the index can serve at once, or null
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
    boolean backfilling,
    OnDemandThroughput onDemandThroughput,
    WarmThroughputDescription warmThroughput) {
  /** A description without on-demand maximums or warm throughput. */
  public GlobalSecondaryIndexDescription(
      String indexName,
      List<KeySchemaElement> keySchema,
      Projection projection,
      IndexStatus indexStatus,
      ProvisionedThroughputDescription provisionedThroughput,
      long indexSizeBytes,
      long itemCount,
      String indexArn,
      boolean backfilling) {
    this(
        indexName,
        keySchema,
        projection,
        indexStatus,
        provisionedThroughput,
        indexSizeBytes,
        itemCount,
        indexArn,
        backfilling,
        null,
        null);
  }

  /** Copies collections; null collections become empty. */
  public GlobalSecondaryIndexDescription {
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
  }
}
