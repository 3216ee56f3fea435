package dev.awssim.dynamodb;

import java.util.List;

/**
 * A global secondary index to create: its key schema, projection and throughput (null for on-demand
 * tables).
 *
 * <pre>{@code
 * new GlobalSecondaryIndex("byStatus", List.of(new KeySchemaElement("status", KeyType.HASH)), Projection.all(), null)
 * }</pre>
 *
 * @param indexName the name
 * @param keySchema HASH and optional RANGE
 * @param projection the projection
 * @param provisionedThroughput null for PAY_PER_REQUEST
 * @param onDemandThroughput on-demand maximums, or null
 * @param warmThroughput warm throughput, or null
 */
public record GlobalSecondaryIndex(
    String indexName,
    List<KeySchemaElement> keySchema,
    Projection projection,
    ProvisionedThroughput provisionedThroughput,
    OnDemandThroughput onDemandThroughput,
    WarmThroughput warmThroughput) {
  /** An index without on-demand maximums or warm throughput. */
  public GlobalSecondaryIndex(
      String indexName,
      List<KeySchemaElement> keySchema,
      Projection projection,
      ProvisionedThroughput provisionedThroughput) {
    this(indexName, keySchema, projection, provisionedThroughput, null, null);
  }

  /** Copies collections; null collections become empty. */
  public GlobalSecondaryIndex {
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
  }
}
