package dev.awssim.dynamodb;

/**
 * Whether a write returns the item collection's size ({@code ReturnItemCollectionMetrics}, {@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html}).
 */
public enum ReturnItemCollectionMetrics {
  /** Return ItemCollectionMetrics (tables with local secondary indexes only). */
  SIZE,
  /** Return nothing (the default). */
  NONE
}
