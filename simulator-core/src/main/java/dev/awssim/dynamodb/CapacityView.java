package dev.awssim.dynamodb;

import dev.awssim.dynamodb.capacity.PartitionView;
import dev.awssim.dynamodb.capacity.WarmThroughputView;
import dev.awssim.internal.SimulationContext;
import java.util.List;
import java.util.function.Function;

/**
 * A read-only look at the tables' throughput state that AWS does not show: partitions with their
 * shares, consumption, burst balance and hottest keys, and each table's capacity configuration.
 * Every method reads the state of the live table; nothing here changes it.
 *
 * <pre>{@code
 * sim.dynamoDb().capacity().partitions("Orders", null).get(0).writeConsumedThisSecond();
 * }</pre>
 */
public final class CapacityView {
  private final SimulationContext context;
  private final Function<String, Table> tables;

  CapacityView(SimulationContext context, Function<String, Table> tables) {
    this.context = context;
    this.tables = tables;
  }

  /**
   * The partitions of a table ({@code indexName == null}, or an LSI's name) or a GSI, as of now.
   *
   * @throws DynamoDbException ResourceNotFoundException for an unknown table, ValidationException
   *     for an unknown index
   */
  public List<PartitionView> partitions(String tableName, String indexName) {
    synchronized (context.lock()) {
      Table table = tables.apply(tableName);
      return table.throughput.partitions(gsi(table, indexName), context.clock().nanos());
    }
  }

  /**
   * The capacity configuration of a table as it stands.
   *
   * @throws DynamoDbException ResourceNotFoundException for an unknown table
   */
  public TableCapacity capacity(String tableName) {
    synchronized (context.lock()) {
      return tables.apply(tableName).throughput.capacity();
    }
  }

  /**
   * What the table ({@code indexName == null}) or a GSI can serve at once, as DescribeTable's
   * {@code WarmThroughput} shows it.
   *
   * @throws DynamoDbException ResourceNotFoundException or ValidationException
   */
  public WarmThroughputView warmThroughput(String tableName, String indexName) {
    synchronized (context.lock()) {
      Table table = tables.apply(tableName);
      return table.throughput.warmThroughput(gsi(table, indexName));
    }
  }

  /** The GSI named, or null for the table and its LSIs, which share the table's capacity. */
  private static String gsi(Table table, String indexName) {
    return indexName != null && table.index(indexName).global ? indexName : null;
  }
}
