package dev.awssim.dynamodb;

import dev.awssim.engine.SimulationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** CreateTable / UpdateTable validation and the TableDescription view. */
final class TableDefinitions {
  private TableDefinitions() {}

  static Table create(
      CreateTableRequest r,
      boolean exists,
      SimulationContext context,
      String arnPrefix,
      Pattern namePattern) {
    if (r.tableName() == null || !namePattern.matcher(r.tableName()).matches()) {
      throw Errors.validation(
          "1 validation error detected: Value '"
              + r.tableName()
              + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    if (exists) {
      throw Errors.inUse("Table already exists: " + r.tableName());
    }
    Map<String, ScalarAttributeType> types = new LinkedHashMap<>();
    for (AttributeDefinition d : r.attributeDefinitions()) {
      types.put(d.attributeName(), d.attributeType());
    }
    KeySchema key = KeySchema.of(r.keySchema(), types);
    BillingMode billing = r.billingMode() == null ? BillingMode.PROVISIONED : r.billingMode();
    ProvisionedThroughput throughput = checkThroughput(billing, r.provisionedThroughput());
    String arn = arnPrefix + r.tableName();
    Table table =
        new Table(
            context,
            r.tableName(),
            arn,
            DynamoDb.newTableId(context, r.tableName()),
            context.clock().now(),
            key,
            types,
            billing,
            throughput);
    for (GlobalSecondaryIndex g : r.globalSecondaryIndexes()) {
      addIndex(table, globalIndex(g, types, billing, arn, key));
    }
    for (LocalSecondaryIndex l : r.localSecondaryIndexes()) {
      KeySchema lsiKey = KeySchema.of(l.keySchema(), types);
      if (!lsiKey.hashName().equals(key.hashName())
          || lsiKey.rangeName() == null
          || key.rangeName() == null) {
        throw Errors.validation(
            "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
      }
      addIndex(
          table,
          new SecondaryIndex(
              l.indexName(), false, lsiKey, projection(l.projection()), null, arn, key));
    }
    if (types.size() != usedAttributes(table)) {
      throw Errors.validation(
          "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
    }
    return table;
  }

  private static int usedAttributes(Table table) {
    java.util.Set<String> used = new java.util.HashSet<>();
    used.add(table.key.hashName());
    if (table.key.rangeName() != null) {
      used.add(table.key.rangeName());
    }
    for (SecondaryIndex index : table.indexes.values()) {
      used.add(index.key.hashName());
      if (index.key.rangeName() != null) {
        used.add(index.key.rangeName());
      }
    }
    return used.size();
  }

  private static SecondaryIndex globalIndex(
      GlobalSecondaryIndex g,
      Map<String, ScalarAttributeType> types,
      BillingMode billing,
      String tableArn,
      KeySchema tableKey) {
    return new SecondaryIndex(
        g.indexName(),
        true,
        KeySchema.of(g.keySchema(), types),
        projection(g.projection()),
        checkThroughput(billing, g.provisionedThroughput()),
        tableArn,
        tableKey);
  }

  private static void addIndex(Table table, SecondaryIndex index) {
    if (table.indexes.putIfAbsent(index.name, index) != null) {
      throw Errors.validation(
          "One or more parameter values were invalid: Duplicate index name: " + index.name);
    }
  }

  private static Projection projection(Projection p) {
    return p == null || p.projectionType() == null ? Projection.all() : p;
  }

  private static ProvisionedThroughput checkThroughput(
      BillingMode billing, ProvisionedThroughput t) {
    if (billing == BillingMode.PAY_PER_REQUEST) {
      if (t != null && (t.readCapacityUnits() != 0 || t.writeCapacityUnits() != 0)) {
        throw Errors.validation(
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      return null;
    }
    if (t == null) {
      throw Errors.validation(
          "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    }
    if (t.readCapacityUnits() < 1 || t.writeCapacityUnits() < 1) {
      throw Errors.validation(
          "One or more parameter values were invalid: Provisioned throughput must be at least 1 read and 1 write capacity unit");
    }
    return t;
  }

  static void update(Table table, UpdateTableRequest r) {
    BillingMode billing = r.billingMode() == null ? table.billingMode : r.billingMode();
    ProvisionedThroughput throughput = table.throughput;
    if (r.billingMode() != null || r.provisionedThroughput() != null) {
      throughput =
          checkThroughput(
              billing,
              r.provisionedThroughput() != null
                  ? r.provisionedThroughput()
                  : billing == table.billingMode ? table.throughput : null);
    }
    Map<String, ScalarAttributeType> types = new LinkedHashMap<>(table.attributeTypes);
    r.attributeDefinitions().forEach(d -> types.put(d.attributeName(), d.attributeType()));
    List<SecondaryIndex> created = new ArrayList<>();
    Map<String, ProvisionedThroughput> updated = new LinkedHashMap<>();
    for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
      if (u.create() != null) {
        GlobalSecondaryIndex g = u.create();
        if (table.indexes.containsKey(g.indexName())) {
          throw Errors.validation(
              "One or more parameter values were invalid: Index already exists: " + g.indexName());
        }
        created.add(globalIndex(g, types, billing, table.arn, table.key));
      } else if (u.updateIndexName() != null) {
        table.index(u.updateIndexName());
        updated.put(u.updateIndexName(), checkThroughput(billing, u.updateThroughput()));
      } else if (u.deleteIndexName() != null) {
        table.index(u.deleteIndexName());
      }
    }
    // Everything is validated: from here on the update applies whole (a rejected call changes
    // nothing). Switching to on-demand drops every GSI's provisioned throughput, as AWS does.
    if (billing == BillingMode.PAY_PER_REQUEST) {
      table.indexes.values().stream().filter(i -> i.global).forEach(i -> i.throughput = null);
    }
    table.billingMode = billing;
    table.throughput = throughput;
    table.attributeTypes.putAll(types);
    updated.forEach((name, t) -> table.index(name).throughput = t);
    for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
      if (u.deleteIndexName() != null) {
        table.indexes.remove(u.deleteIndexName());
      }
    }
    for (SecondaryIndex index : created) {
      table.indexes.put(index.name, index);
      table
          .store
          .partitionsFrom(null)
          .forEach(
              p -> table.store.partition(p).values().forEach(item -> index.replace(null, item)));
    }
  }

  static TableDescription describe(Table t) {
    List<GlobalSecondaryIndexDescription> gsis = new ArrayList<>();
    List<LocalSecondaryIndexDescription> lsis = new ArrayList<>();
    for (SecondaryIndex i : t.indexes.values()) {
      if (i.global) {
        gsis.add(
            new GlobalSecondaryIndexDescription(
                i.name,
                i.key.elements(),
                i.projection,
                IndexStatus.ACTIVE,
                throughput(i.throughput),
                i.store.bytes(),
                i.store.count(),
                i.arn,
                false));
      } else {
        lsis.add(
            new LocalSecondaryIndexDescription(
                i.name, i.key.elements(), i.projection, i.store.bytes(), i.store.count(), i.arn));
      }
    }
    List<AttributeDefinition> definitions = new ArrayList<>();
    t.attributeTypes.forEach((name, type) -> definitions.add(new AttributeDefinition(name, type)));
    // Storage adds 100 bytes of overhead per item (CapacityUnitCalculations.html).
    long storage = t.store.bytes() + 100 * t.store.count();
    return new TableDescription(
        t.name,
        t.arn,
        t.id,
        TableStatus.ACTIVE,
        t.created,
        t.key.elements(),
        definitions,
        new BillingModeSummary(t.billingMode, null),
        throughput(t.throughput),
        gsis,
        lsis,
        t.store.count(),
        storage,
        t.stream != null && t.stream.isOpen()
            ? new StreamSpecification(true, t.stream.viewType)
            : null,
        t.stream == null ? null : t.stream.arn,
        t.stream == null ? null : t.stream.label);
  }

  private static ProvisionedThroughputDescription throughput(ProvisionedThroughput t) {
    return t == null
        ? new ProvisionedThroughputDescription(0, 0, 0, null, null)
        : new ProvisionedThroughputDescription(
            t.readCapacityUnits(), t.writeCapacityUnits(), 0, null, null);
  }
}
