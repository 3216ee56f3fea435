package dev.awssim.dynamodb;

import java.util.List;

/**
 * The parameters of UpdateTable.
 *
 * <pre>{@code
 * UpdateTableRequest.builder("Orders").provisionedThroughput(new ProvisionedThroughput(10, 10)).build()
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
  /** A request without on-demand maximums or warm throughput. */
  public UpdateTableRequest(
      String tableName,
      List<AttributeDefinition> attributeDefinitions,
      BillingMode billingMode,
      ProvisionedThroughput provisionedThroughput,
      List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates,
      StreamSpecification streamSpecification) {
    this(
        tableName,
        attributeDefinitions,
        billingMode,
        provisionedThroughput,
        globalSecondaryIndexUpdates,
        streamSpecification,
        null,
        null);
  }

  /** Copies collections; null collections become empty. */
  public UpdateTableRequest {
    attributeDefinitions =
        attributeDefinitions == null ? List.of() : List.copyOf(attributeDefinitions);
    globalSecondaryIndexUpdates =
        globalSecondaryIndexUpdates == null ? List.of() : List.copyOf(globalSecondaryIndexUpdates);
  }

  /** A builder with the required tableName. */
  public static Builder builder(String tableName) {
    return new Builder().tableName(tableName);
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tableName = tableName;
    b.attributeDefinitions = attributeDefinitions;
    b.billingMode = billingMode;
    b.provisionedThroughput = provisionedThroughput;
    b.globalSecondaryIndexUpdates = globalSecondaryIndexUpdates;
    b.streamSpecification = streamSpecification;
    b.onDemandThroughput = onDemandThroughput;
    b.warmThroughput = warmThroughput;
    return b;
  }

  /** Builds a {@link UpdateTableRequest}. */
  public static final class Builder {
    private String tableName;
    private List<AttributeDefinition> attributeDefinitions;
    private BillingMode billingMode;
    private ProvisionedThroughput provisionedThroughput;
    private List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates;
    private StreamSpecification streamSpecification;
    private OnDemandThroughput onDemandThroughput;
    private WarmThroughput warmThroughput;

    private Builder() {}

    /** Sets tableName: the table. */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /** Sets attributeDefinitions: definitions of new index keys. */
    public Builder attributeDefinitions(List<AttributeDefinition> attributeDefinitions) {
      this.attributeDefinitions = attributeDefinitions;
      return this;
    }

    /** Sets billingMode: a new billing mode, or null. */
    public Builder billingMode(BillingMode billingMode) {
      this.billingMode = billingMode;
      return this;
    }

    /** Sets provisionedThroughput: new throughput, or null. */
    public Builder provisionedThroughput(ProvisionedThroughput provisionedThroughput) {
      this.provisionedThroughput = provisionedThroughput;
      return this;
    }

    /** Sets globalSecondaryIndexUpdates: GSI changes. */
    public Builder globalSecondaryIndexUpdates(
        List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates) {
      this.globalSecondaryIndexUpdates = globalSecondaryIndexUpdates;
      return this;
    }

    /** Sets streamSpecification: a stream change, or null. */
    public Builder streamSpecification(StreamSpecification streamSpecification) {
      this.streamSpecification = streamSpecification;
      return this;
    }

    /** Sets onDemandThroughput: new maximums of an on-demand table, or null. */
    public Builder onDemandThroughput(OnDemandThroughput onDemandThroughput) {
      this.onDemandThroughput = onDemandThroughput;
      return this;
    }

    /** Sets warmThroughput: new warm throughput, or null. */
    public Builder warmThroughput(WarmThroughput warmThroughput) {
      this.warmThroughput = warmThroughput;
      return this;
    }

    /** Builds the request. */
    public UpdateTableRequest build() {
      return new UpdateTableRequest(
          tableName,
          attributeDefinitions,
          billingMode,
          provisionedThroughput,
          globalSecondaryIndexUpdates,
          streamSpecification,
          onDemandThroughput,
          warmThroughput);
    }
  }
}
