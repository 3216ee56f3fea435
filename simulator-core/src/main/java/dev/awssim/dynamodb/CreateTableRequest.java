package dev.awssim.dynamodb;

import java.util.List;

/**
 * The parameters of CreateTable.
 *
 * <pre>{@code
 * CreateTableRequest.builder("Orders").keySchema(List.of(new KeySchemaElement("id", KeyType.HASH))).attributeDefinitions(List.of(new AttributeDefinition("id", ScalarAttributeType.S))).billingMode(BillingMode.PAY_PER_REQUEST).build()
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
  /** A request without on-demand maximums or warm throughput. */
  public CreateTableRequest(
      String tableName,
      List<KeySchemaElement> keySchema,
      List<AttributeDefinition> attributeDefinitions,
      BillingMode billingMode,
      ProvisionedThroughput provisionedThroughput,
      List<GlobalSecondaryIndex> globalSecondaryIndexes,
      List<LocalSecondaryIndex> localSecondaryIndexes,
      StreamSpecification streamSpecification) {
    this(
        tableName,
        keySchema,
        attributeDefinitions,
        billingMode,
        provisionedThroughput,
        globalSecondaryIndexes,
        localSecondaryIndexes,
        streamSpecification,
        null,
        null);
  }

  /** Copies collections; null collections become empty. */
  public CreateTableRequest {
    keySchema = keySchema == null ? List.of() : List.copyOf(keySchema);
    attributeDefinitions =
        attributeDefinitions == null ? List.of() : List.copyOf(attributeDefinitions);
    globalSecondaryIndexes =
        globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
    localSecondaryIndexes =
        localSecondaryIndexes == null ? List.of() : List.copyOf(localSecondaryIndexes);
  }

  /** A builder with the required tableName. */
  public static Builder builder(String tableName) {
    return new Builder().tableName(tableName);
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tableName = tableName;
    b.keySchema = keySchema;
    b.attributeDefinitions = attributeDefinitions;
    b.billingMode = billingMode;
    b.provisionedThroughput = provisionedThroughput;
    b.globalSecondaryIndexes = globalSecondaryIndexes;
    b.localSecondaryIndexes = localSecondaryIndexes;
    b.streamSpecification = streamSpecification;
    b.onDemandThroughput = onDemandThroughput;
    b.warmThroughput = warmThroughput;
    return b;
  }

  /** Builds a {@link CreateTableRequest}. */
  public static final class Builder {
    private String tableName;
    private List<KeySchemaElement> keySchema;
    private List<AttributeDefinition> attributeDefinitions;
    private BillingMode billingMode;
    private ProvisionedThroughput provisionedThroughput;
    private List<GlobalSecondaryIndex> globalSecondaryIndexes;
    private List<LocalSecondaryIndex> localSecondaryIndexes;
    private StreamSpecification streamSpecification;
    private OnDemandThroughput onDemandThroughput;
    private WarmThroughput warmThroughput;

    private Builder() {}

    /** Sets tableName: 3-255 characters [a-zA-Z0-9_.-]. */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /** Sets keySchema: HASH and optional RANGE. */
    public Builder keySchema(List<KeySchemaElement> keySchema) {
      this.keySchema = keySchema;
      return this;
    }

    /** Sets attributeDefinitions: every key attribute of the table and its indexes. */
    public Builder attributeDefinitions(List<AttributeDefinition> attributeDefinitions) {
      this.attributeDefinitions = attributeDefinitions;
      return this;
    }

    /** Sets billingMode: PROVISIONED (default) or PAY_PER_REQUEST. */
    public Builder billingMode(BillingMode billingMode) {
      this.billingMode = billingMode;
      return this;
    }

    /** Sets provisionedThroughput: required for PROVISIONED. */
    public Builder provisionedThroughput(ProvisionedThroughput provisionedThroughput) {
      this.provisionedThroughput = provisionedThroughput;
      return this;
    }

    /** Sets globalSecondaryIndexes: up to 20. */
    public Builder globalSecondaryIndexes(List<GlobalSecondaryIndex> globalSecondaryIndexes) {
      this.globalSecondaryIndexes = globalSecondaryIndexes;
      return this;
    }

    /** Sets localSecondaryIndexes: up to 5. */
    public Builder localSecondaryIndexes(List<LocalSecondaryIndex> localSecondaryIndexes) {
      this.localSecondaryIndexes = localSecondaryIndexes;
      return this;
    }

    /** Sets streamSpecification: null for no stream. */
    public Builder streamSpecification(StreamSpecification streamSpecification) {
      this.streamSpecification = streamSpecification;
      return this;
    }

    /** Sets onDemandThroughput: the maximums of an on-demand table. */
    public Builder onDemandThroughput(OnDemandThroughput onDemandThroughput) {
      this.onDemandThroughput = onDemandThroughput;
      return this;
    }

    /** Sets warmThroughput. */
    public Builder warmThroughput(WarmThroughput warmThroughput) {
      this.warmThroughput = warmThroughput;
      return this;
    }

    /** Builds the request. */
    public CreateTableRequest build() {
      return new CreateTableRequest(
          tableName,
          keySchema,
          attributeDefinitions,
          billingMode,
          provisionedThroughput,
          globalSecondaryIndexes,
          localSecondaryIndexes,
          streamSpecification,
          onDemandThroughput,
          warmThroughput);
    }
  }
}
