package dev.awssim.awssdk;

import dev.awssim.dynamodb.CreateTableRequest;
import dev.awssim.dynamodb.GlobalSecondaryIndex;
import dev.awssim.dynamodb.GlobalSecondaryIndexDescription;
import dev.awssim.dynamodb.GlobalSecondaryIndexUpdate;
import dev.awssim.dynamodb.KeySchemaElement;
import dev.awssim.dynamodb.LocalSecondaryIndexDescription;
import dev.awssim.dynamodb.OnDemandThroughput;
import dev.awssim.dynamodb.Projection;
import dev.awssim.dynamodb.ProvisionedThroughput;
import dev.awssim.dynamodb.ProvisionedThroughputDescription;
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
    return SdkToCore.convert(r, CreateTableRequest.class);
  }

  static UpdateTableRequest update(
      software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest r) {
    return SdkToCore.convert(r, UpdateTableRequest.class);
  }

  /**
   * The one shape that is not read by name: AWS nests a GSI change as one of Create, Update or
   * Delete, the simulator's {@link GlobalSecondaryIndexUpdate} is flat.
   */
  static GlobalSecondaryIndexUpdate gsiUpdate(
      software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate u) {
    if (u.create() != null) {
      return new GlobalSecondaryIndexUpdate(
          SdkToCore.convert(u.create(), GlobalSecondaryIndex.class), null, null, null);
    }
    var update = u.update();
    if (update != null) {
      return new GlobalSecondaryIndexUpdate(
          null,
          update.indexName(),
          update.provisionedThroughput() == null
              ? null
              : SdkToCore.convert(update.provisionedThroughput(), ProvisionedThroughput.class),
          null,
          update.onDemandThroughput() == null
              ? null
              : SdkToCore.convert(update.onDemandThroughput(), OnDemandThroughput.class),
          update.warmThroughput() == null
              ? null
              : SdkToCore.convert(update.warmThroughput(), WarmThroughput.class));
    }
    return new GlobalSecondaryIndexUpdate(
        null, null, null, u.delete() == null ? null : u.delete().indexName());
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
