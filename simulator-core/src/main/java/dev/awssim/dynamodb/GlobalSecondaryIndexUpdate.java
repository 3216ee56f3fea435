package dev.awssim.dynamodb;

/**
 * One GSI change of UpdateTable: create (with {@code create} set), update throughput, or delete.
 *
 * <pre>{@code
 * new GlobalSecondaryIndexUpdate(null, null, null, "byStatus")
 * }</pre>
 *
 * @param create the index to create, or null
 * @param updateIndexName the index whose throughput changes, or null
 * @param updateThroughput its new throughput
 * @param deleteIndexName the index to delete, or null
 * @param updateOnDemandThroughput the updated index's new on-demand maximums, or null
 * @param updateWarmThroughput the updated index's new warm throughput, or null
 */
public record GlobalSecondaryIndexUpdate(
    GlobalSecondaryIndex create,
    String updateIndexName,
    ProvisionedThroughput updateThroughput,
    String deleteIndexName,
    OnDemandThroughput updateOnDemandThroughput,
    WarmThroughput updateWarmThroughput) {
  /** A change without on-demand maximums or warm throughput. */
  public GlobalSecondaryIndexUpdate(
      GlobalSecondaryIndex create,
      String updateIndexName,
      ProvisionedThroughput updateThroughput,
      String deleteIndexName) {
    this(create, updateIndexName, updateThroughput, deleteIndexName, null, null);
  }
}
