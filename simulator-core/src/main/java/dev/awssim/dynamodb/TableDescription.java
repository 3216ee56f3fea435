package dev.awssim.dynamodb;

import java.util.List;

/**
 * A table as CreateTable, DescribeTable, UpdateTable and DeleteTable return it.
 *
 * <pre>{@code
 * db.describeTable("Orders").tableStatus()
 * }</pre>
 *
 * @param tableName the name
 * @param tableArn arn:aws:dynamodb:REGION:ACCOUNT:table/NAME, in the simulation's account and
 *     Region
 * @param tableId a seeded UUID
 * @param tableStatus status
 * @param creationDateTime creation instant
 * @param keySchema keys
 * @param attributeDefinitions definitions
 * @param billingModeSummary billing mode
 * @param provisionedThroughput throughput (0/0 on-demand)
 * @param globalSecondaryIndexes GSIs
 * @param localSecondaryIndexes LSIs
 * @param itemCount items
 * @param tableSizeBytes storage size: item sizes plus 100 bytes per item
 * @param streamSpecification stream, or null
 * @param latestStreamArn the stream ARN, or null
 * @param latestStreamLabel the stream label, or null
 * @param onDemandThroughput the on-demand maximums (-1 = none), or null for a provisioned table
 * @param warmThroughput what the table can serve at once, or null
 */
public record TableDescription(
    String tableName,
    String tableArn,
    String tableId,
    TableStatus tableStatus,
    java.time.Instant creationDateTime,
    List<KeySchemaElement> keySchema,
    List<AttributeDefinition> attributeDefinitions,
    BillingModeSummary billingModeSummary,
    ProvisionedThroughputDescription provisionedThroughput,
    List<GlobalSecondaryIndexDescription> globalSecondaryIndexes,
    List<LocalSecondaryIndexDescription> localSecondaryIndexes,
    long itemCount,
    long tableSizeBytes,
    StreamSpecification streamSpecification,
    String latestStreamArn,
    String latestStreamLabel,
    OnDemandThroughput onDemandThroughput,
    WarmThroughputDescription warmThroughput) {
  /** A description without on-demand maximums or warm throughput. */
  public TableDescription(
      String tableName,
      String tableArn,
      String tableId,
      TableStatus tableStatus,
      java.time.Instant creationDateTime,
      List<KeySchemaElement> keySchema,
      List<AttributeDefinition> attributeDefinitions,
      BillingModeSummary billingModeSummary,
      ProvisionedThroughputDescription provisionedThroughput,
      List<GlobalSecondaryIndexDescription> globalSecondaryIndexes,
      List<LocalSecondaryIndexDescription> localSecondaryIndexes,
      long itemCount,
      long tableSizeBytes,
      StreamSpecification streamSpecification,
      String latestStreamArn,
      String latestStreamLabel) {
    this(
        tableName,
        tableArn,
        tableId,
        tableStatus,
        creationDateTime,
        keySchema,
        attributeDefinitions,
        billingModeSummary,
        provisionedThroughput,
        globalSecondaryIndexes,
        localSecondaryIndexes,
        itemCount,
        tableSizeBytes,
        streamSpecification,
        latestStreamArn,
        latestStreamLabel,
        null,
        null);
  }

  /** Copies collections; null collections become empty. */
  public TableDescription {
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
    attributeDefinitions =
        attributeDefinitions == null ? List.of() : List.copyOf(attributeDefinitions);
    globalSecondaryIndexes =
        globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
    localSecondaryIndexes =
        localSecondaryIndexes == null ? List.of() : List.copyOf(localSecondaryIndexes);
  }
}
