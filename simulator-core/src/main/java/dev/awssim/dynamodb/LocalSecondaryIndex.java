package dev.awssim.dynamodb;

import java.util.List;

/**
 * A local secondary index: the table's partition key and another sort key.
 *
 * <pre>{@code
 * new LocalSecondaryIndex("byDate", keySchema, Projection.all())
 * }</pre>
 *
 * @param indexName the name
 * @param keySchema the table's HASH and a RANGE
 * @param projection the projection
 */
public record LocalSecondaryIndex(
    String indexName, List<KeySchemaElement> keySchema, Projection projection) {
  /** Copies collections; null collections become empty. */
  public LocalSecondaryIndex {
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
  }
}
