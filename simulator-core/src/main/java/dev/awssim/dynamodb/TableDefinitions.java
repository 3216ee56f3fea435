package dev.awssim.dynamodb;

import dev.awssim.dynamodb.capacity.CapacityModel;
import dev.awssim.dynamodb.capacity.WarmThroughputView;
import dev.awssim.engine.SimulationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** CreateTable / UpdateTable validation and the TableDescription view. */
final class TableDefinitions {
  /** Table names: 3 to 255 characters (API_CreateTable.html, TableName). */
  static final int MIN_NAME_LENGTH = 3;

  static final int MAX_NAME_LENGTH = 255;

  private static final Pattern NAME_CHARACTERS = Pattern.compile("[a-zA-Z0-9_.-]+");

  private static final String NOTHING_TO_UPDATE =
      "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
          + " GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates,"
          + " MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency,"
          + " DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is"
          + " required";

  private TableDefinitions() {}

  /**
   * The table name's constraint violations in AWS's wording ("1 validation error detected: ...", or
   * "2 validation errors detected: ...; ..."), or null when the name is valid.
   */
  static String nameViolations(String name) {
    List<String> errors = new ArrayList<>();
    if (name == null) {
      errors.add("Value null at 'tableName' failed to satisfy constraint: Member must not be null");
    } else {
      String value = "Value '" + name + "' at 'tableName' failed to satisfy constraint: ";
      if (!NAME_CHARACTERS.matcher(name).matches()) {
        errors.add(
            value + "Member must satisfy regular expression pattern: " + NAME_CHARACTERS.pattern());
      }
      if (name.length() < MIN_NAME_LENGTH) {
        errors.add(value + "Member must have length greater than or equal to " + MIN_NAME_LENGTH);
      } else if (name.length() > MAX_NAME_LENGTH) {
        errors.add(value + "Member must have length less than or equal to " + MAX_NAME_LENGTH);
      }
    }
    if (errors.isEmpty()) {
      return null;
    }
    return errors.size()
        + (errors.size() == 1 ? " validation error detected: " : " validation errors detected: ")
        + String.join("; ", errors);
  }

  static Table create(
      CreateTableRequest r, Predicate<String> exists, SimulationContext context, String arnPrefix) {
    String violations = nameViolations(r.tableName());
    if (violations != null) {
      throw Errors.validation(violations);
    }
    if (exists.test(r.tableName())) {
      throw Errors.inUse("Table already exists: " + r.tableName());
    }
    Map<String, ScalarAttributeType> types = new LinkedHashMap<>();
    for (AttributeDefinition d : r.attributeDefinitions()) {
      types.put(d.attributeName(), d.attributeType());
    }
    KeySchema key = KeySchema.of(r.keySchema(), types);
    BillingMode billing = r.billingMode() == null ? BillingMode.PROVISIONED : r.billingMode();
    ProvisionedThroughput throughput = checkThroughput(billing, r.provisionedThroughput());
    checkOnDemand(billing, r.onDemandThroughput(), "table", r.tableName());
    checkWarm(r.warmThroughput());
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
    checkOnDemand(billing, g.onDemandThroughput(), "index", g.indexName());
    checkWarm(g.warmThroughput());
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
    if (t.readCapacityUnits() < 0 || t.writeCapacityUnits() < 0) {
      long bad = t.readCapacityUnits() < 0 ? t.readCapacityUnits() : t.writeCapacityUnits();
      throw Errors.validation(
          "1 validation error detected: Value '"
              + bad
              + "' at 'provisionedThroughput."
              + (t.readCapacityUnits() < 0 ? "readCapacityUnits" : "writeCapacityUnits")
              + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
    if (t.readCapacityUnits() < 1 || t.writeCapacityUnits() < 1) {
      throw Errors.validation(
          "One or more parameter values were invalid: Provisioned throughput must be at least 1 read and 1 write capacity unit");
    }
    return t;
  }

  /**
   * OnDemandThroughput belongs to on-demand tables; each maximum is -1 (none) or at least 1
   * (API_OnDemandThroughput.html).
   */
  private static void checkOnDemand(
      BillingMode billing, OnDemandThroughput o, String what, String name) {
    if (o == null) {
      return;
    }
    if (billing != BillingMode.PAY_PER_REQUEST) {
      throw Errors.validation(
          "One or more parameter values were invalid: "
              + (o.maxReadRequestUnits() != null ? "MaxReadRequestUnits" : "MaxWriteRequestUnits")
              + " for OnDemandThroughput"
              + (what.equals("index") ? " for index: " + name : "")
              + " cannot be specified when table BillingMode is PROVISIONED.");
    }
    for (Long max : new Long[] {o.maxReadRequestUnits(), o.maxWriteRequestUnits()}) {
      if (max != null && max != -1 && max < 1) {
        throw Errors.validation(
            "One or more parameter values were invalid: Requested "
                + (max.equals(o.maxReadRequestUnits())
                    ? "MaxReadRequestUnits"
                    : "MaxWriteRequestUnits")
                + " for OnDemandThroughput for "
                + what
                + " : "
                + name
                + " is outside of valid range");
      }
    }
  }

  private static void checkWarm(WarmThroughput w) {
    if (w == null) {
      return;
    }
    for (Long units : new Long[] {w.readUnitsPerSecond(), w.writeUnitsPerSecond()}) {
      if (units != null && units < 1) {
        throw Errors.validation(
            "One or more parameter values were invalid: WarmThroughput units must be greater"
                + " than 0");
      }
    }
  }

  /**
   * Validates an UpdateTable's definition changes and returns them, to apply only once every other
   * check (the capacity model's included) has passed: a rejected call changes nothing.
   */
  static Runnable prepareUpdate(Table table, UpdateTableRequest r) {
    if (r.billingMode() == null
        && r.provisionedThroughput() == null
        && r.globalSecondaryIndexUpdates().isEmpty()
        && r.streamSpecification() == null
        && r.onDemandThroughput() == null
        && r.warmThroughput() == null) {
      throw Errors.validation(NOTHING_TO_UPDATE);
    }
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
    checkOnDemand(billing, r.onDemandThroughput(), "table", table.name);
    checkWarm(r.warmThroughput());
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
        checkOnDemand(billing, u.updateOnDemandThroughput(), "index", u.updateIndexName());
        checkWarm(u.updateWarmThroughput());
        if (u.updateThroughput() != null
            || (u.updateOnDemandThroughput() == null && u.updateWarmThroughput() == null)) {
          updated.put(u.updateIndexName(), checkThroughput(billing, u.updateThroughput()));
        }
      } else if (u.deleteIndexName() != null) {
        table.index(u.deleteIndexName());
      }
    }
    BillingMode finalBilling = billing;
    ProvisionedThroughput finalThroughput = throughput;
    return () -> apply(table, r, finalBilling, finalThroughput, types, created, updated);
  }

  /** Applies a validated UpdateTable. */
  private static void apply(
      Table table,
      UpdateTableRequest r,
      BillingMode billing,
      ProvisionedThroughput throughput,
      Map<String, ScalarAttributeType> types,
      List<SecondaryIndex> created,
      Map<String, ProvisionedThroughput> updated) {
    // Switching to on-demand drops every GSI's provisioned throughput, as AWS does.
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

  /** The description of {@code t}, with its on-demand maximums and warm throughput. */
  static TableDescription describe(Table t, CapacityModel capacity) {
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
                false,
                onDemand(t, capacity, i.name),
                warm(capacity, t.name, i.name)));
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
        t.stream == null ? null : t.stream.label,
        onDemand(t, capacity, null),
        warm(capacity, t.name, null));
  }

  private static OnDemandThroughput onDemand(Table t, CapacityModel capacity, String indexName) {
    if (t.billingMode != BillingMode.PAY_PER_REQUEST) {
      return null;
    }
    var c = capacity.capacity(t.name);
    var index = indexName == null ? c.table() : c.indexes().get(indexName);
    return new OnDemandThroughput(
        index.maxReadRequestUnits() == 0 ? -1 : index.maxReadRequestUnits(),
        index.maxWriteRequestUnits() == 0 ? -1 : index.maxWriteRequestUnits());
  }

  private static WarmThroughputDescription warm(
      CapacityModel capacity, String tableName, String indexName) {
    WarmThroughputView w = capacity.warmThroughput(tableName, indexName);
    return new WarmThroughputDescription(w.readUnitsPerSecond(), w.writeUnitsPerSecond(), "ACTIVE");
  }

  private static ProvisionedThroughputDescription throughput(ProvisionedThroughput t) {
    return t == null
        ? new ProvisionedThroughputDescription(0, 0, 0, null, null)
        : new ProvisionedThroughputDescription(
            t.readCapacityUnits(), t.writeCapacityUnits(), 0, null, null);
  }
}
