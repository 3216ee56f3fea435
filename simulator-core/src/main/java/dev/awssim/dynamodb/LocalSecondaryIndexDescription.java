package dev.awssim.dynamodb;

import java.util.List;

/**
 * An LSI as DescribeTable shows it.
 *
 * <pre>{@code
 * d.indexName()
 * }</pre>
 *
 * @param indexName the name
 * @param keySchema its keys
 * @param projection its projection
 * @param indexSizeBytes size
 * @param itemCount items
 * @param indexArn ARN
 */
public record LocalSecondaryIndexDescription(
    String indexName,
    List<KeySchemaElement> keySchema,
    Projection projection,
    long indexSizeBytes,
    long itemCount,
    String indexArn) {
  /** Copies collections; null collections become empty. */
  public LocalSecondaryIndexDescription {
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
  }
}
