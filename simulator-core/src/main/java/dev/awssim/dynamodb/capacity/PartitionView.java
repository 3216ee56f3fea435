package dev.awssim.dynamodb.capacity;

import java.util.List;

/**
 * One partition as a learner sees it (AWS shows none of this): its hash range, its share of the
 * provisioned rate, what it consumed in the current second and in total, the burst balance of its
 * table or GSI, and its hottest keys of the last completed second (in the spirit of Contributor
 * Insights).
 *
 * <pre>{@code
 * sim.dynamoDb().capacity().partitions("Orders", null).get(0).writeConsumedThisSecond();
 * }</pre>
 */
public record PartitionView(
    int index,
    long hashRangeStart,
    long hashRangeEnd,
    double readShare,
    double writeShare,
    double readConsumedThisSecond,
    double writeConsumedThisSecond,
    double readConsumedTotal,
    double writeConsumedTotal,
    double readBurstBalance,
    double writeBurstBalance,
    List<HotKey> hottestKeys) {
  /** A partition key and the units it consumed in the last completed second. */
  public record HotKey(String partitionKey, boolean write, double units) {}
}
