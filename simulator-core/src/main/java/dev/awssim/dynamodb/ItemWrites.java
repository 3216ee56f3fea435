package dev.awssim.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutItem, UpdateItem and DeleteItem: validate, evaluate the condition, charge the capacity (a
 * failed condition still charges, {@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.ConditionalUpdate}),
 * then apply.
 */
final class ItemWrites {
  private static final long GIGABYTE = 1024L * 1024 * 1024;

  private final DynamoDbLimits limits;
  private final CapacityGate gate;
  private final ExpressionCache expressions;

  ItemWrites(DynamoDbLimits limits, CapacityGate gate, ExpressionCache expressions) {
    this.expressions = expressions;
    this.limits = limits;
    this.gate = gate;
  }

  /** A validated write, ready to check and apply. */
  record Planned(
      Table table,
      Map<String, AttributeValue> key,
      Condition condition,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      UpdateExpression update) {
    boolean conditionHolds() {
      return condition == null || condition.test(oldItem == null ? Map.of() : oldItem);
    }

    /** Charges of this write; after a failed condition, only the table's. */
    List<CapacityCharge> charges(boolean succeeded, double multiplier) {
      var partition = Capacities.partitionKey(key.get(table.key.hashName()));
      if (succeeded) {
        return Capacities.writeCharges(table, partition, oldItem, newItem, multiplier);
      }
      long bytes = oldItem == null ? 0 : Items.size(newItem == null ? oldItem : newItem);
      return List.of(
          new CapacityCharge(
              table.throughput, null, partition, true, Capacities.write(bytes, multiplier)));
    }

    void apply(long now) {
      table.write(key, oldItem, newItem, false, now);
    }

    /**
     * Rejects a write that would take the item collection of a table with LSIs past {@code
     * maxBytes} (LSI.html#LSI.ItemCollections.SizeLimit), before anything changes.
     */
    void checkItemCollection(long maxBytes) {
      if (!table.hasLocalIndexes()) {
        return;
      }
      long growth = table.itemCollectionGrowth(oldItem, newItem);
      if (growth > 0
          && table.itemCollectionBytes(key.get(table.key.hashName())) + growth > maxBytes) {
        throw Errors.itemCollectionTooLarge();
      }
    }

    /** The collection's size after this write, when asked for on a table with LSIs; else null. */
    ItemCollectionMetrics itemCollectionMetrics(ReturnItemCollectionMetrics mode) {
      if (mode != ReturnItemCollectionMetrics.SIZE || !table.hasLocalIndexes()) {
        return null;
      }
      AttributeValue partition = key.get(table.key.hashName());
      double gb = table.itemCollectionBytes(partition) / (double) GIGABYTE;
      double lower = Math.floor(gb);
      return new ItemCollectionMetrics(
          Map.of(table.key.hashName(), partition), List.of(lower, lower + 1));
    }
  }

  PutItemResult put(Table table, PutItemRequest r, long now) {
    only(r.returnValues(), ReturnValue.NONE, ReturnValue.ALL_OLD);
    Planned plan = planPut(table, r);
    List<CapacityCharge> charges = execute("PutItem", plan, r.condition(), now);
    return new PutItemResult(
        r.returnValues() == ReturnValue.ALL_OLD ? plan.oldItem : null,
        Capacities.consumed(charges, r.returnConsumedCapacity(), table),
        plan.itemCollectionMetrics(r.returnItemCollectionMetrics()));
  }

  UpdateItemResult update(Table table, UpdateItemRequest r, long now) {
    Planned plan = planUpdate(table, r);
    List<CapacityCharge> charges = execute("UpdateItem", plan, r.condition(), now);
    return new UpdateItemResult(
        returned(plan, r.returnValues()),
        Capacities.consumed(charges, r.returnConsumedCapacity(), table),
        plan.itemCollectionMetrics(r.returnItemCollectionMetrics()));
  }

  DeleteItemResult delete(Table table, DeleteItemRequest r, long now) {
    only(r.returnValues(), ReturnValue.NONE, ReturnValue.ALL_OLD);
    Planned plan = planDelete(table, r.key(), r.condition());
    List<CapacityCharge> charges = execute("DeleteItem", plan, r.condition(), now);
    return new DeleteItemResult(
        r.returnValues() == ReturnValue.ALL_OLD ? plan.oldItem : null,
        Capacities.consumed(charges, r.returnConsumedCapacity(), table),
        plan.itemCollectionMetrics(r.returnItemCollectionMetrics()));
  }

  private List<CapacityCharge> execute(
      String operation, Planned plan, WriteCondition written, long now) {
    boolean holds = plan.conditionHolds();
    if (holds) {
      plan.checkItemCollection(limits.maxItemCollectionBytes());
    }
    List<CapacityCharge> charges = plan.charges(holds, 1);
    gate.admitOrThrow(operation, charges, now);
    if (!holds) {
      throw Errors.conditionFailed(
          written.returnValuesOnConditionCheckFailure()
                  == ReturnValuesOnConditionCheckFailure.ALL_OLD
              ? plan.oldItem
              : null);
    }
    plan.apply(now);
    return charges;
  }

  private static void only(ReturnValue value, ReturnValue... allowed) {
    if (value == null) {
      return;
    }
    for (ReturnValue a : allowed) {
      if (a == value) {
        return;
      }
    }
    throw Errors.validation("Return values set to invalid value");
  }

  Planned planPut(Table table, PutItemRequest r) {
    Map<String, AttributeValue> item = checkItem(table, r.item());
    ExpressionContext ctx = r.condition().context();
    Condition condition = condition(r.condition(), ctx);
    ctx.checkAllUsed(condition != null);
    return new Planned(table, table.key.keyOf(item), condition, table.get(item), item, null);
  }

  /** The parsed ConditionExpression, or null when there is none. */
  private Condition condition(WriteCondition written, ExpressionContext ctx) {
    return written.conditionExpression() == null
        ? null
        : expressions.condition(written.conditionExpression(), "ConditionExpression", ctx);
  }

  Planned planDelete(Table table, Map<String, AttributeValue> key, WriteCondition written) {
    table.key.checkKey(key);
    ExpressionContext ctx = written.context();
    Condition condition = condition(written, ctx);
    ctx.checkAllUsed(condition != null);
    return new Planned(table, key, condition, table.get(key), null, null);
  }

  Planned planUpdate(Table table, UpdateItemRequest r) {
    return planUpdate(table, r, null);
  }

  /**
   * Plans an update; with {@code invalid} non-null, an update that only the stored item makes
   * invalid (an operand of the wrong type, an item past 400 KB, an index key of the wrong type) is
   * added to it, and planned with no new item, instead of thrown: a transaction cancels with a
   * {@code ValidationError} reason for it (API_TransactWriteItems.html, "Validation Error").
   */
  Planned planUpdate(Table table, UpdateItemRequest r, List<DynamoDbException> invalid) {
    table.key.checkKey(r.key());
    ExpressionContext ctx = r.condition().context();
    UpdateExpression update =
        r.updateExpression() == null ? null : expressions.update(r.updateExpression(), ctx);
    Condition condition = condition(r.condition(), ctx);
    ctx.checkAllUsed(update != null || condition != null);
    if (update != null) {
      for (String name : update.topLevelNames()) {
        if (table.key.isKeyAttribute(name)) {
          throw Errors.validation(
              "One or more parameter values were invalid: Cannot update attribute "
                  + name
                  + ". This attribute is part of the key");
        }
      }
    }
    Map<String, AttributeValue> old = table.get(r.key());
    Map<String, AttributeValue> base = new LinkedHashMap<>(old == null ? r.key() : old);
    Map<String, AttributeValue> newItem;
    try {
      newItem = checkItem(table, update == null ? base : update.apply(base), true);
    } catch (DynamoDbException e) {
      if (invalid == null) {
        throw e;
      }
      invalid.add(e);
      newItem = null;
    }
    return new Planned(table, r.key(), condition, old, newItem, update);
  }

  /** Validates an item to be written: values, key attributes, index keys and size. */
  Map<String, AttributeValue> checkItem(Table table, Map<String, AttributeValue> item) {
    return checkItem(table, item, false);
  }

  /**
   * As {@link #checkItem(Table, Map)}; an updated item past 400 KB gets UpdateItem's wording, "Item
   * size to update has exceeded the maximum allowed size" (API_TransactWriteItems.html, "Validation
   * Error").
   */
  private Map<String, AttributeValue> checkItem(
      Table table, Map<String, AttributeValue> item, boolean updated) {
    if (item == null || item.isEmpty()) {
      throw Errors.validation(
          "One or more parameter values were invalid: Missing the key "
              + table.key.hashName()
              + " in the item");
    }
    Items.validate(item);
    table.key.checkItem(item);
    for (SecondaryIndex index : table.indexes.values()) {
      checkIndexKey(index, index.key.hashName(), index.key.hashType(), item);
      if (index.key.rangeName() != null) {
        checkIndexKey(index, index.key.rangeName(), index.key.rangeType(), item);
      }
    }
    StoredItem stored = StoredItem.of(item);
    if (stored.bytes() > limits.maxItemBytes()) {
      throw updated ? Errors.itemToUpdateTooLarge() : Errors.itemTooLarge();
    }
    return stored;
  }

  private static void checkIndexKey(
      SecondaryIndex index,
      String name,
      ScalarAttributeType type,
      Map<String, AttributeValue> item) {
    AttributeValue value = item.get(name);
    if (value != null && !value.type().name().equals(type.name())) {
      throw Errors.validation(
          "One or more parameter values were invalid: Type mismatch for Index Key "
              + name
              + " Expected: "
              + type
              + " Actual: "
              + value.type()
              + " IndexName: "
              + index.name);
    }
  }

  private static Map<String, AttributeValue> returned(Planned plan, ReturnValue mode) {
    if (mode == null || mode == ReturnValue.NONE) {
      return null;
    }
    return switch (mode) {
      case ALL_OLD -> plan.oldItem;
      case ALL_NEW -> plan.newItem;
      case UPDATED_OLD -> plan.oldItem == null ? null : only(plan.oldItem, plan);
      default -> only(plan.newItem, plan);
    };
  }

  private static Map<String, AttributeValue> only(Map<String, AttributeValue> item, Planned plan) {
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    if (plan.update != null) {
      for (String name : plan.update.topLevelNames()) {
        AttributeValue value = item.get(name);
        if (value != null) {
          result.put(name, value);
        }
      }
    }
    return result;
  }
}
