package dev.awssim.dynamodb;

import com.google.common.collect.ImmutableMap;
import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.WarmThroughputView;
import dev.awssim.internal.SimulationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * CreateTable / UpdateTable validation, the capacity configuration they ask for, and the
 * TableDescription view.
 */
final class TableDefinitions {
  /** Table names: 3 to 255 characters (API_CreateTable.html, TableName). */
  static final int MIN_NAME_LENGTH = DynamoDbLimits.MIN_TABLE_NAME_LENGTH;

  static final int MAX_NAME_LENGTH = DynamoDbLimits.MAX_TABLE_NAME_LENGTH;

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
      CreateTableRequest r,
      Predicate<String> exists,
      SimulationContext context,
      String arnPrefix,
      long now) {
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
    checkThroughput(billing, r.provisionedThroughput());
    checkOnDemand(billing, r.onDemandThroughput(), "table", r.tableName());
    checkWarm(r.warmThroughput());
    String arn = arnPrefix + r.tableName();
    Table table =
        new Table(
            context,
            r.tableName(),
            arn,
            DynamoDb.newTableId(context, r.tableName()),
            context.clock().toInstant(now),
            key,
            types);
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
          new SecondaryIndex(l.indexName(), false, lsiKey, projection(l.projection()), arn, key));
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
    checkThroughput(billing, g.provisionedThroughput());
    return new SecondaryIndex(
        g.indexName(),
        true,
        KeySchema.of(g.keySchema(), types),
        projection(g.projection()),
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

  private static void checkThroughput(BillingMode billing, ProvisionedThroughput t) {
    if (billing == BillingMode.PAY_PER_REQUEST) {
      if (t != null && (t.readCapacityUnits() != 0 || t.writeCapacityUnits() != 0)) {
        throw Errors.validation(
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      return;
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
    BillingMode billing = r.billingMode() == null ? table.billingMode() : r.billingMode();
    if (r.billingMode() != null || r.provisionedThroughput() != null) {
      checkThroughput(
          billing,
          r.provisionedThroughput() != null
              ? r.provisionedThroughput()
              : billing == table.billingMode() ? table.provisionedThroughput(null) : null);
    }
    checkOnDemand(billing, r.onDemandThroughput(), "table", table.name);
    checkWarm(r.warmThroughput());
    Map<String, ScalarAttributeType> types = new LinkedHashMap<>(table.attributeTypes);
    r.attributeDefinitions().forEach(d -> types.put(d.attributeName(), d.attributeType()));
    List<SecondaryIndex> created = new ArrayList<>();
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
          checkThroughput(billing, u.updateThroughput());
        }
      } else if (u.deleteIndexName() != null) {
        table.index(u.deleteIndexName());
      }
    }
    return () -> apply(table, r, types, created);
  }

  /** Applies a validated UpdateTable's definition changes (its capacity is the account's). */
  private static void apply(
      Table table,
      UpdateTableRequest r,
      Map<String, ScalarAttributeType> types,
      List<SecondaryIndex> created) {
    table.attributeTypes.putAll(types);
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

  /** The capacity a validated CreateTable asks for: its billing mode, throughput and GSIs. */
  static TableCapacity capacity(CreateTableRequest request, CapacityKnobs knobs) {
    boolean onDemand = request.billingMode() == BillingMode.PAY_PER_REQUEST;
    ImmutableMap.Builder<String, IndexCapacity> indexes = ImmutableMap.builder();
    for (GlobalSecondaryIndex g : request.globalSecondaryIndexes()) {
      indexes.put(g.indexName(), capacity(g, onDemand));
    }
    return new TableCapacity(
        onDemand,
        capacity(
            IndexCapacity.onDemand(),
            onDemand,
            request.provisionedThroughput(),
            request.onDemandThroughput(),
            request.warmThroughput()),
        indexes.buildOrThrow(),
        knobs,
        request.streamSpecification() != null && request.streamSpecification().streamEnabled());
  }

  /**
   * The capacity after a validated UpdateTable: the table's capacity as it stands with what the
   * request changes, so that what it does not mention (such as on-demand maximums) stays.
   */
  static TableCapacity capacityAfter(Table table, UpdateTableRequest request) {
    TableCapacity before = table.throughput.capacity();
    BillingMode mode = request.billingMode() != null ? request.billingMode() : table.billingMode();
    boolean onDemand = mode == BillingMode.PAY_PER_REQUEST;
    ProvisionedThroughput tableThroughput =
        request.provisionedThroughput() != null
            ? request.provisionedThroughput()
            : table.provisionedThroughput(null);
    Map<String, IndexCapacity> indexes = new LinkedHashMap<>(before.indexes());
    for (GlobalSecondaryIndexUpdate u : request.globalSecondaryIndexUpdates()) {
      if (u.create() != null) {
        indexes.put(u.create().indexName(), capacity(u.create(), onDemand));
      } else if (u.deleteIndexName() != null) {
        indexes.remove(u.deleteIndexName());
      } else if (u.updateIndexName() != null) {
        IndexCapacity current = indexes.get(u.updateIndexName());
        ProvisionedThroughput t =
            u.updateThroughput() != null
                ? u.updateThroughput()
                : new ProvisionedThroughput(
                    current.readCapacityUnits(), current.writeCapacityUnits());
        indexes.put(
            u.updateIndexName(),
            capacity(current, onDemand, t, u.updateOnDemandThroughput(), u.updateWarmThroughput()));
      }
    }
    // Switching to on-demand drops every GSI's provisioned throughput, as AWS does.
    ImmutableMap.Builder<String, IndexCapacity> after = ImmutableMap.builder();
    indexes.forEach(
        (name, c) -> after.put(name, onDemand ? capacity(c, true, null, null, null) : c));
    return new TableCapacity(
        onDemand,
        capacity(
            before.table(),
            onDemand,
            tableThroughput,
            request.onDemandThroughput(),
            request.warmThroughput()),
        after.buildOrThrow(),
        before.knobs(),
        request.streamSpecification() != null
            ? request.streamSpecification().streamEnabled()
            : before.streamEnabled());
  }

  /** The capacity of a GSI to create. */
  private static IndexCapacity capacity(GlobalSecondaryIndex g, boolean onDemand) {
    return capacity(
        IndexCapacity.onDemand(),
        onDemand,
        g.provisionedThroughput(),
        g.onDemandThroughput(),
        g.warmThroughput());
  }

  /**
   * {@code current} with the given throughput (ignored on-demand), and the on-demand maximums (-1 =
   * none) and warm throughput that are set; null fields keep their current values.
   */
  private static IndexCapacity capacity(
      IndexCapacity current,
      boolean onDemand,
      ProvisionedThroughput throughput,
      OnDemandThroughput maxima,
      WarmThroughput warm) {
    IndexCapacity c =
        new IndexCapacity(
            onDemand || throughput == null ? 0 : throughput.readCapacityUnits(),
            onDemand || throughput == null ? 0 : throughput.writeCapacityUnits(),
            current.maxReadRequestUnits(),
            current.maxWriteRequestUnits(),
            current.warmReadUnitsPerSecond(),
            current.warmWriteUnitsPerSecond());
    if (maxima != null) {
      c =
          c.withMaxRequestUnits(
              maximum(maxima.maxReadRequestUnits(), c.maxReadRequestUnits()),
              maximum(maxima.maxWriteRequestUnits(), c.maxWriteRequestUnits()));
    }
    if (warm != null) {
      c =
          c.withWarmThroughput(
              warm.readUnitsPerSecond() == null
                  ? c.warmReadUnitsPerSecond()
                  : warm.readUnitsPerSecond(),
              warm.writeUnitsPerSecond() == null
                  ? c.warmWriteUnitsPerSecond()
                  : warm.writeUnitsPerSecond());
    }
    return c;
  }

  /** The model's maximum (0 = none) for an OnDemandThroughput field (-1 = none, null = keep). */
  private static long maximum(Long requested, long current) {
    if (requested == null) {
      return current;
    }
    return requested == -1 ? 0 : requested;
  }

  /** The description of {@code t}, with its on-demand maximums and warm throughput. */
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
                throughput(t.provisionedThroughput(i.name)),
                i.store.bytes(),
                i.store.count(),
                i.arn,
                false,
                onDemand(t, i.name),
                warm(t, i.name)));
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
        new BillingModeSummary(t.billingMode(), null),
        throughput(t.provisionedThroughput(null)),
        gsis,
        lsis,
        t.store.count(),
        storage,
        t.stream != null && t.stream.isOpen()
            ? new StreamSpecification(true, t.stream.viewType)
            : null,
        t.stream == null ? null : t.stream.arn,
        t.stream == null ? null : t.stream.label,
        onDemand(t, null),
        warm(t, null));
  }

  private static OnDemandThroughput onDemand(Table t, String indexName) {
    TableCapacity c = t.throughput.capacity();
    if (!c.payPerRequest()) {
      return null;
    }
    IndexCapacity index = indexName == null ? c.table() : c.indexes().get(indexName);
    return new OnDemandThroughput(
        index.maxReadRequestUnits() == 0 ? -1 : index.maxReadRequestUnits(),
        index.maxWriteRequestUnits() == 0 ? -1 : index.maxWriteRequestUnits());
  }

  private static WarmThroughputDescription warm(Table t, String indexName) {
    WarmThroughputView w = t.throughput.warmThroughput(indexName);
    return new WarmThroughputDescription(w.readUnitsPerSecond(), w.writeUnitsPerSecond(), "ACTIVE");
  }

  private static ProvisionedThroughputDescription throughput(ProvisionedThroughput t) {
    return t == null
        ? new ProvisionedThroughputDescription(0, 0, 0, null, null)
        : new ProvisionedThroughputDescription(
            t.readCapacityUnits(), t.writeCapacityUnits(), 0, null, null);
  }
}
