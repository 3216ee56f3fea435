package dev.awssim.dynamodb;

import java.util.List;

/**
 * The parameters of UpdateTable.
 *
 * <pre>{@code
 * UpdateTableRequest.of("Orders").withProvisionedThroughput(new ProvisionedThroughput(10, 10))
 * }</pre>
 *
 * @param tableName the table
 * @param attributeDefinitions definitions of new index keys
 * @param billingMode a new billing mode, or null
 * @param provisionedThroughput new throughput, or null
 * @param globalSecondaryIndexUpdates GSI changes
 * @param streamSpecification a stream change, or null
 * @param onDemandThroughput new on-demand maximums, or null
 * @param warmThroughput new warm throughput, or null
 */
public record UpdateTableRequest(
    String tableName,
    List<AttributeDefinition> attributeDefinitions,
    BillingMode billingMode,
    ProvisionedThroughput provisionedThroughput,
    List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates,
    StreamSpecification streamSpecification,
    OnDemandThroughput onDemandThroughput,
    WarmThroughput warmThroughput) {
  /** Copies collections; null collections become empty. */
  public UpdateTableRequest {
    attributeDefinitions = Records.copy(attributeDefinitions);
    globalSecondaryIndexUpdates = Records.copy(globalSecondaryIndexUpdates);
  }

  /** A change to the named table; what changes comes with {@code with...}. */
  public static UpdateTableRequest of(String tableName) {
    return new UpdateTableRequest(tableName, null, null, null, null, null, null, null);
  }

  /** This request with {@code attributeDefinitions}. */
  public UpdateTableRequest withAttributeDefinitions(
      List<AttributeDefinition> attributeDefinitions) {
    return Records.with(this, "attributeDefinitions", attributeDefinitions);
  }

  /** This request with {@code billingMode}. */
  public UpdateTableRequest withBillingMode(BillingMode billingMode) {
    return Records.with(this, "billingMode", billingMode);
  }

  /** This request with {@code provisionedThroughput}. */
  public UpdateTableRequest withProvisionedThroughput(ProvisionedThroughput provisionedThroughput) {
    return Records.with(this, "provisionedThroughput", provisionedThroughput);
  }

  /** This request with {@code globalSecondaryIndexUpdates}. */
  public UpdateTableRequest withGlobalSecondaryIndexUpdates(
      List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates) {
    return Records.with(this, "globalSecondaryIndexUpdates", globalSecondaryIndexUpdates);
  }

  /** This request with {@code streamSpecification}. */
  public UpdateTableRequest withStreamSpecification(StreamSpecification streamSpecification) {
    return Records.with(this, "streamSpecification", streamSpecification);
  }

  /** This request with {@code onDemandThroughput}. */
  public UpdateTableRequest withOnDemandThroughput(OnDemandThroughput onDemandThroughput) {
    return Records.with(this, "onDemandThroughput", onDemandThroughput);
  }

  /** This request with {@code warmThroughput}. */
  public UpdateTableRequest withWarmThroughput(WarmThroughput warmThroughput) {
    return Records.with(this, "warmThroughput", warmThroughput);
  }
}
