package dev.awssim.awssdk;

import static dev.awssim.awssdk.DynamoDbRequests.enumOf;

import dev.awssim.dynamodb.AttributeDefinition;
import dev.awssim.dynamodb.BillingMode;
import dev.awssim.dynamodb.CreateTableRequest;
import dev.awssim.dynamodb.GlobalSecondaryIndex;
import dev.awssim.dynamodb.GlobalSecondaryIndexDescription;
import dev.awssim.dynamodb.GlobalSecondaryIndexUpdate;
import dev.awssim.dynamodb.KeySchemaElement;
import dev.awssim.dynamodb.KeyType;
import dev.awssim.dynamodb.LocalSecondaryIndex;
import dev.awssim.dynamodb.LocalSecondaryIndexDescription;
import dev.awssim.dynamodb.OnDemandThroughput;
import dev.awssim.dynamodb.Projection;
import dev.awssim.dynamodb.ProjectionType;
import dev.awssim.dynamodb.ProvisionedThroughput;
import dev.awssim.dynamodb.ProvisionedThroughputDescription;
import dev.awssim.dynamodb.ScalarAttributeType;
import dev.awssim.dynamodb.StreamSpecification;
import dev.awssim.dynamodb.StreamViewType;
import dev.awssim.dynamodb.TableDescription;
import dev.awssim.dynamodb.UpdateTableRequest;
import dev.awssim.dynamodb.WarmThroughput;
import dev.awssim.dynamodb.WarmThroughputDescription;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;

/** Table definitions and descriptions, both ways, field by field. */
final class DynamoDbTables {
  private DynamoDbTables() {}

  static CreateTableRequest create(
      software.amazon.awssdk.services.dynamodb.model.CreateTableRequest r) {
    return new CreateTableRequest(
        r.tableName(),
        Convert.list(r.keySchema(), DynamoDbTables::keyElement),
        Convert.list(r.attributeDefinitions(), DynamoDbTables::attribute),
        enumOf(BillingMode.class, r.billingModeAsString()),
        throughput(r.provisionedThroughput()),
        r.hasGlobalSecondaryIndexes()
            ? Convert.list(r.globalSecondaryIndexes(), DynamoDbTables::gsi)
            : null,
        r.hasLocalSecondaryIndexes()
            ? Convert.list(r.localSecondaryIndexes(), DynamoDbTables::lsi)
            : null,
        stream(r.streamSpecification()),
        onDemand(r.onDemandThroughput()),
        warm(r.warmThroughput()));
  }

  static UpdateTableRequest update(
      software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest r) {
    return new UpdateTableRequest(
        r.tableName(),
        r.hasAttributeDefinitions()
            ? Convert.list(r.attributeDefinitions(), DynamoDbTables::attribute)
            : null,
        enumOf(BillingMode.class, r.billingModeAsString()),
        throughput(r.provisionedThroughput()),
        r.hasGlobalSecondaryIndexUpdates()
            ? Convert.list(r.globalSecondaryIndexUpdates(), DynamoDbTables::gsiUpdate)
            : null,
        stream(r.streamSpecification()),
        onDemand(r.onDemandThroughput()),
        warm(r.warmThroughput()));
  }

  private static OnDemandThroughput onDemand(
      software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput o) {
    return o == null
        ? null
        : new OnDemandThroughput(o.maxReadRequestUnits(), o.maxWriteRequestUnits());
  }

  private static WarmThroughput warm(
      software.amazon.awssdk.services.dynamodb.model.WarmThroughput w) {
    return w == null ? null : new WarmThroughput(w.readUnitsPerSecond(), w.writeUnitsPerSecond());
  }

  private static GlobalSecondaryIndexUpdate gsiUpdate(
      software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate u) {
    if (u.create() != null) {
      var c = u.create();
      return new GlobalSecondaryIndexUpdate(
          new GlobalSecondaryIndex(
              c.indexName(),
              Convert.list(c.keySchema(), DynamoDbTables::keyElement),
              projection(c.projection()),
              throughput(c.provisionedThroughput()),
              onDemand(c.onDemandThroughput()),
              warm(c.warmThroughput())),
          null,
          null,
          null);
    }
    if (u.update() != null) {
      return new GlobalSecondaryIndexUpdate(
          null,
          u.update().indexName(),
          throughput(u.update().provisionedThroughput()),
          null,
          onDemand(u.update().onDemandThroughput()),
          warm(u.update().warmThroughput()));
    }
    return new GlobalSecondaryIndexUpdate(
        null, null, null, u.delete() == null ? null : u.delete().indexName());
  }

  private static KeySchemaElement keyElement(
      software.amazon.awssdk.services.dynamodb.model.KeySchemaElement k) {
    return new KeySchemaElement(k.attributeName(), enumOf(KeyType.class, k.keyTypeAsString()));
  }

  private static AttributeDefinition attribute(
      software.amazon.awssdk.services.dynamodb.model.AttributeDefinition a) {
    return new AttributeDefinition(
        a.attributeName(), enumOf(ScalarAttributeType.class, a.attributeTypeAsString()));
  }

  private static ProvisionedThroughput throughput(
      software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput t) {
    return t == null
        ? null
        : new ProvisionedThroughput(
            t.readCapacityUnits() == null ? 0 : t.readCapacityUnits(),
            t.writeCapacityUnits() == null ? 0 : t.writeCapacityUnits());
  }

  private static GlobalSecondaryIndex gsi(
      software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex g) {
    return new GlobalSecondaryIndex(
        g.indexName(),
        Convert.list(g.keySchema(), DynamoDbTables::keyElement),
        projection(g.projection()),
        throughput(g.provisionedThroughput()),
        onDemand(g.onDemandThroughput()),
        warm(g.warmThroughput()));
  }

  private static LocalSecondaryIndex lsi(
      software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex l) {
    return new LocalSecondaryIndex(
        l.indexName(),
        Convert.list(l.keySchema(), DynamoDbTables::keyElement),
        projection(l.projection()));
  }

  private static Projection projection(
      software.amazon.awssdk.services.dynamodb.model.Projection p) {
    return p == null
        ? null
        : new Projection(
            enumOf(ProjectionType.class, p.projectionTypeAsString()),
            p.hasNonKeyAttributes() ? p.nonKeyAttributes() : null);
  }

  private static StreamSpecification stream(
      software.amazon.awssdk.services.dynamodb.model.StreamSpecification s) {
    return s == null
        ? null
        : new StreamSpecification(
            Boolean.TRUE.equals(s.streamEnabled()),
            enumOf(StreamViewType.class, s.streamViewTypeAsString()));
  }

  // ------------------------------------------------------------------ descriptions

  static software.amazon.awssdk.services.dynamodb.model.TableDescription describe(
      TableDescription d) {
    return software.amazon.awssdk.services.dynamodb.model.TableDescription.builder()
        .tableName(d.tableName())
        .tableArn(d.tableArn())
        .tableId(d.tableId())
        .tableStatus(d.tableStatus().name())
        .creationDateTime(d.creationDateTime())
        .keySchema(keySchema(d.keySchema()))
        .attributeDefinitions(
            Convert.list(
                d.attributeDefinitions(),
                a ->
                    software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                        .attributeName(a.attributeName())
                        .attributeType(a.attributeType().name())
                        .build()))
        .billingModeSummary(
            d.billingModeSummary() == null
                ? null
                : BillingModeSummary.builder()
                    .billingMode(d.billingModeSummary().billingMode().name())
                    .lastUpdateToPayPerRequestDateTime(
                        d.billingModeSummary().lastUpdateToPayPerRequestDateTime())
                    .build())
        .provisionedThroughput(throughput(d.provisionedThroughput()))
        .globalSecondaryIndexes(
            d.globalSecondaryIndexes().isEmpty()
                ? null
                : Convert.list(d.globalSecondaryIndexes(), DynamoDbTables::gsiDescription))
        .localSecondaryIndexes(
            d.localSecondaryIndexes().isEmpty()
                ? null
                : Convert.list(d.localSecondaryIndexes(), DynamoDbTables::lsiDescription))
        .itemCount(d.itemCount())
        .tableSizeBytes(d.tableSizeBytes())
        .streamSpecification(
            d.streamSpecification() == null
                ? null
                : software.amazon.awssdk.services.dynamodb.model.StreamSpecification.builder()
                    .streamEnabled(d.streamSpecification().streamEnabled())
                    .streamViewType(
                        d.streamSpecification().streamViewType() == null
                            ? null
                            : d.streamSpecification().streamViewType().name())
                    .build())
        .latestStreamArn(d.latestStreamArn())
        .latestStreamLabel(d.latestStreamLabel())
        .onDemandThroughput(onDemand(d.onDemandThroughput()))
        .warmThroughput(
            d.warmThroughput() == null
                ? null
                : software.amazon.awssdk.services.dynamodb.model.TableWarmThroughputDescription
                    .builder()
                    .readUnitsPerSecond(d.warmThroughput().readUnitsPerSecond())
                    .writeUnitsPerSecond(d.warmThroughput().writeUnitsPerSecond())
                    .status(d.warmThroughput().status())
                    .build())
        .build();
  }

  private static software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput onDemand(
      OnDemandThroughput o) {
    return o == null
        ? null
        : software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput.builder()
            .maxReadRequestUnits(o.maxReadRequestUnits())
            .maxWriteRequestUnits(o.maxWriteRequestUnits())
            .build();
  }

  private static software.amazon.awssdk.services.dynamodb.model
          .GlobalSecondaryIndexWarmThroughputDescription
      warm(WarmThroughputDescription w) {
    return w == null
        ? null
        : software.amazon.awssdk.services.dynamodb.model
            .GlobalSecondaryIndexWarmThroughputDescription.builder()
            .readUnitsPerSecond(w.readUnitsPerSecond())
            .writeUnitsPerSecond(w.writeUnitsPerSecond())
            .status(w.status())
            .build();
  }

  static List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> keySchema(
      List<KeySchemaElement> keys) {
    return Convert.list(
        keys,
        k ->
            software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
                .attributeName(k.attributeName())
                .keyType(k.keyType().name())
                .build());
  }

  private static software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription
      throughput(ProvisionedThroughputDescription t) {
    return t == null
        ? null
        : software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription.builder()
            .readCapacityUnits(t.readCapacityUnits())
            .writeCapacityUnits(t.writeCapacityUnits())
            .numberOfDecreasesToday(t.numberOfDecreasesToday())
            .lastIncreaseDateTime(t.lastIncreaseDateTime())
            .lastDecreaseDateTime(t.lastDecreaseDateTime())
            .build();
  }

  private static software.amazon.awssdk.services.dynamodb.model.Projection projection(
      Projection p) {
    return p == null
        ? null
        : software.amazon.awssdk.services.dynamodb.model.Projection.builder()
            .projectionType(p.projectionType().name())
            .nonKeyAttributes(
                p.nonKeyAttributes() == null || p.nonKeyAttributes().isEmpty()
                    ? null
                    : p.nonKeyAttributes())
            .build();
  }

  private static software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription
      gsiDescription(GlobalSecondaryIndexDescription g) {
    return software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription.builder()
        .indexName(g.indexName())
        .keySchema(keySchema(g.keySchema()))
        .projection(projection(g.projection()))
        .indexStatus(g.indexStatus().name())
        .provisionedThroughput(throughput(g.provisionedThroughput()))
        .indexSizeBytes(g.indexSizeBytes())
        .itemCount(g.itemCount())
        .indexArn(g.indexArn())
        .backfilling(g.backfilling() ? Boolean.TRUE : null)
        .onDemandThroughput(onDemand(g.onDemandThroughput()))
        .warmThroughput(warm(g.warmThroughput()))
        .build();
  }

  private static software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription
      lsiDescription(LocalSecondaryIndexDescription l) {
    return software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription.builder()
        .indexName(l.indexName())
        .keySchema(keySchema(l.keySchema()))
        .projection(projection(l.projection()))
        .indexSizeBytes(l.indexSizeBytes())
        .itemCount(l.itemCount())
        .indexArn(l.indexArn())
        .build();
  }
}
