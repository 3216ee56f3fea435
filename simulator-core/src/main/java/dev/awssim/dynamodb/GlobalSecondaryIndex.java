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
 */
public record GlobalSecondaryIndex(
    String indexName,
    List<KeySchemaElement> keySchema,
    Projection projection,
    ProvisionedThroughput provisionedThroughput) {
  /** Copies collections; null collections become empty. */
  public GlobalSecondaryIndex {
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
  }
}
