package dev.awssim.dynamodb;

import java.util.List;

/**
 * The parameters of CreateTable.
 *
 * <pre>{@code
 * CreateTableRequest.of("Orders")
 *     .withKeySchema(List.of(new KeySchemaElement("id", KeyType.HASH)))
 *     .withAttributeDefinitions(List.of(new AttributeDefinition("id", ScalarAttributeType.S)))
 *     .withBillingMode(BillingMode.PAY_PER_REQUEST)
 * }</pre>
 *
 * @param tableName 3-255 characters [a-zA-Z0-9_.-]
 * @param keySchema HASH and optional RANGE
 * @param attributeDefinitions every key attribute of the table and its indexes
 * @param billingMode PROVISIONED (default) or PAY_PER_REQUEST
 * @param provisionedThroughput required for PROVISIONED
 * @param globalSecondaryIndexes up to 20
 * @param localSecondaryIndexes up to 5
 * @param streamSpecification null for no stream
 * @param onDemandThroughput on-demand maximums (PAY_PER_REQUEST only), or null
 * @param warmThroughput warm throughput, or null
 */
public record CreateTableRequest(
    String tableName,
    List<KeySchemaElement> keySchema,
    List<AttributeDefinition> attributeDefinitions,
    BillingMode billingMode,
    ProvisionedThroughput provisionedThroughput,
    List<GlobalSecondaryIndex> globalSecondaryIndexes,
    List<LocalSecondaryIndex> localSecondaryIndexes,
    StreamSpecification streamSpecification,
    OnDemandThroughput onDemandThroughput,
    WarmThroughput warmThroughput) {
  /** Copies collections; null collections become empty. */
  public CreateTableRequest {
    keySchema = Records.copy(keySchema);
    attributeDefinitions = Records.copy(attributeDefinitions);
    globalSecondaryIndexes = Records.copy(globalSecondaryIndexes);
    localSecondaryIndexes = Records.copy(localSecondaryIndexes);
  }

  /**
   * A table of the given name; the key schema and attribute definitions come with {@code with...}.
   */
  public static CreateTableRequest of(String tableName) {
    return new CreateTableRequest(tableName, null, null, null, null, null, null, null, null, null);
  }

  /** This request with {@code keySchema}. */
  public CreateTableRequest withKeySchema(List<KeySchemaElement> keySchema) {
    return Records.with(this, "keySchema", keySchema);
  }

  /** This request with {@code attributeDefinitions}. */
  public CreateTableRequest withAttributeDefinitions(
      List<AttributeDefinition> attributeDefinitions) {
    return Records.with(this, "attributeDefinitions", attributeDefinitions);
  }

  /** This request with {@code billingMode}. */
  public CreateTableRequest withBillingMode(BillingMode billingMode) {
    return Records.with(this, "billingMode", billingMode);
  }

  /** This request with {@code provisionedThroughput}. */
  public CreateTableRequest withProvisionedThroughput(ProvisionedThroughput provisionedThroughput) {
    return Records.with(this, "provisionedThroughput", provisionedThroughput);
  }

  /** This request with {@code globalSecondaryIndexes}. */
  public CreateTableRequest withGlobalSecondaryIndexes(
      List<GlobalSecondaryIndex> globalSecondaryIndexes) {
    return Records.with(this, "globalSecondaryIndexes", globalSecondaryIndexes);
  }

  /** This request with {@code localSecondaryIndexes}. */
  public CreateTableRequest withLocalSecondaryIndexes(
      List<LocalSecondaryIndex> localSecondaryIndexes) {
    return Records.with(this, "localSecondaryIndexes", localSecondaryIndexes);
  }

  /** This request with {@code streamSpecification}. */
  public CreateTableRequest withStreamSpecification(StreamSpecification streamSpecification) {
    return Records.with(this, "streamSpecification", streamSpecification);
  }

  /** This request with {@code onDemandThroughput}. */
  public CreateTableRequest withOnDemandThroughput(OnDemandThroughput onDemandThroughput) {
    return Records.with(this, "onDemandThroughput", onDemandThroughput);
  }

  /** This request with {@code warmThroughput}. */
  public CreateTableRequest withWarmThroughput(WarmThroughput warmThroughput) {
    return Records.with(this, "warmThroughput", warmThroughput);
  }
}
