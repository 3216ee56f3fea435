package dev.awssim.dynamodb;

import java.util.List;

/**
 * The result of TransactWriteItems.
 *
 * <pre>{@code
 * result.consumedCapacity()
 * }</pre>
 *
 * @param consumedCapacity per table
 */
public record TransactWriteItemsResult(List<ConsumedCapacity> consumedCapacity) {
  /** Copies collections; null collections become empty. */
  public TransactWriteItemsResult {
    consumedCapacity = consumedCapacity == null ? List.of() : List.copyOf(consumedCapacity);
  }
}
