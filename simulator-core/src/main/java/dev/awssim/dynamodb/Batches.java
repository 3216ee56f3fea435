package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * BatchGetItem and BatchWriteItem
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html): the
 * whole batch is validated first; then each entry is charged on its own, and an entry the capacity
 * throttles comes back unprocessed. Only when nothing could be processed is the throttle raised.
 */
final class Batches {
  private Batches() {}

  static BatchGetItemResult get(
      Function<String, Table> tables,
      Map<String, KeysAndAttributes> requestItems,
      ReturnConsumedCapacity mode,
      DynamoDbLimits limits,
      CapacityGate gate,
      long now) {
    if (requestItems == null) {
      throw Errors.required("requestItems");
    }
    for (KeysAndAttributes k : requestItems.values()) {
      if (k == null) {
        throw Errors.required("requestItems.member");
      }
    }
    int total = requestItems.values().stream().mapToInt(k -> k.keys().size()).sum();
    if (total == 0) {
      throw Errors.validation(
          "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    if (total > limits.maxBatchGetKeys()) {
      throw Errors.validation("Too many items requested for the BatchGetItem call");
    }
    Map<String, List<DocumentPath>> projections = new LinkedHashMap<>();
    for (Map.Entry<String, KeysAndAttributes> entry : requestItems.entrySet()) {
      Table table = tables.apply(entry.getKey());
      Set<Map<String, AttributeValue>> seen = new HashSet<>();
      for (Map<String, AttributeValue> key : entry.getValue().keys()) {
        if (key == null) {
          throw Errors.required("requestItems.member.keys.member");
        }
        table.key.checkKey(key);
        if (!seen.add(key)) {
          throw Errors.validation("Provided list of item keys contains duplicates");
        }
      }
      KeysAndAttributes k = entry.getValue();
      ExpressionContext ctx = new ExpressionContext(k.expressionAttributeNames(), Map.of());
      projections.put(
          entry.getKey(),
          k.projectionExpression() == null
              ? null
              : ExpressionParser.projection(k.projectionExpression(), ctx));
      ctx.checkAllUsed(k.projectionExpression() != null);
    }
    Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
    Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
    List<ConsumedCapacity> consumed = new ArrayList<>();
    CapacityDecision lastThrottle = null;
    long bytes = 0;
    int processed = 0;
    for (Map.Entry<String, KeysAndAttributes> entry : requestItems.entrySet()) {
      Table table = tables.apply(entry.getKey());
      KeysAndAttributes request = entry.getValue();
      List<Map<String, AttributeValue>> items =
          responses.computeIfAbsent(table.name, n -> new ArrayList<>());
      List<Map<String, AttributeValue>> left = new ArrayList<>();
      List<CapacityCharge> charged = new ArrayList<>();
      for (Map<String, AttributeValue> key : request.keys()) {
        Map<String, AttributeValue> item = table.get(key);
        long size = item == null ? 0 : Items.size(item);
        if (bytes + size > limits.maxBatchBytes()) {
          left.add(key);
          continue;
        }
        CapacityCharge charge =
            new CapacityCharge(
                table.throughput,
                null,
                Capacities.partitionKey(key.get(table.key.hashName())),
                false,
                Capacities.read(size, Capacities.readMultiplier(request.consistentRead())));
        CapacityDecision decision = gate.admit("BatchGetItem", List.of(charge), now);
        if (!decision.isAdmitted()) {
          lastThrottle = decision;
          left.add(key);
          continue;
        }
        processed++;
        bytes += size;
        charged.add(charge);
        if (item != null) {
          List<DocumentPath> projection = projections.get(entry.getKey());
          items.add(projection == null ? item : Projector.project(item, projection));
        }
      }
      if (!left.isEmpty()) {
        unprocessed.put(
            table.name,
            new KeysAndAttributes(
                left,
                request.consistentRead(),
                request.projectionExpression(),
                request.expressionAttributeNames()));
      }
      addConsumed(consumed, table, charged, mode);
    }
    if (processed == 0 && lastThrottle != null) {
      throttledWhole(gate, requestItems.keySet(), "BatchGetItem");
      throw Errors.throttled(lastThrottle);
    }
    return new BatchGetItemResult(responses, unprocessed, consumed);
  }

  /** A batch throttled whole counts once in each table's ThrottledRequests (metrics-dimensions). */
  private static void throttledWhole(
      CapacityGate gate, Iterable<String> tableNames, String operation) {
    for (String name : tableNames) {
      gate.throttledRequest(name, operation);
    }
  }

  private static void addConsumed(
      List<ConsumedCapacity> consumed,
      Table table,
      List<CapacityCharge> charges,
      ReturnConsumedCapacity mode) {
    ConsumedCapacity c = Capacities.consumed(charges, mode, table);
    if (c != null) {
      consumed.add(c);
    }
  }

  static BatchWriteItemResult write(
      Function<String, Table> tables,
      Map<String, List<WriteRequest>> requestItems,
      ReturnConsumedCapacity mode,
      DynamoDbLimits limits,
      ItemWrites writes,
      CapacityGate gate,
      long now) {
    if (requestItems == null) {
      throw Errors.required("requestItems");
    }
    for (List<WriteRequest> list : requestItems.values()) {
      if (list == null) {
        throw Errors.required("requestItems.member");
      }
    }
    int total = requestItems.values().stream().mapToInt(List::size).sum();
    if (total == 0 || total > limits.maxBatchWriteRequests()) {
      throw Errors.validation(
          "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to "
              + limits.maxBatchWriteRequests()
              + ", Member must have length greater than or equal to 1]");
    }
    Map<String, List<ItemWrites.Planned>> plans = new LinkedHashMap<>();
    long bytes = 0;
    for (Map.Entry<String, List<WriteRequest>> entry : requestItems.entrySet()) {
      Table table = tables.apply(entry.getKey());
      Set<Map<String, AttributeValue>> seen = new HashSet<>();
      List<ItemWrites.Planned> tablePlans = new ArrayList<>();
      for (WriteRequest request : entry.getValue()) {
        if (request == null) {
          throw Errors.required("requestItems.member.member");
        }
        if ((request.putItem() == null) == (request.deleteKey() == null)) {
          // "exactly one of PutRequest or DeleteRequest. Never Both."
          // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_WriteRequest.html
          throw Errors.validation(
              "Supplied WriteRequest must contain exactly one of PutRequest or DeleteRequest");
        }
        ItemWrites.Planned plan =
            request.putItem() != null
                ? writes.planPut(table, PutItemRequest.of(table.name, request.putItem()))
                : writes.planDelete(table, request.deleteKey(), WriteCondition.NONE);
        if (!seen.add(plan.key())) {
          throw Errors.validation("Provided list of item keys contains duplicates");
        }
        plan.checkItemCollection(limits.maxItemCollectionBytes());
        bytes += plan.newItem() == null ? Items.size(plan.key()) : Items.size(plan.newItem());
        tablePlans.add(plan);
      }
      plans.put(table.name, tablePlans);
    }
    if (bytes > limits.maxBatchBytes()) {
      throw Errors.validation(
          "Item collection size limit exceeded: BatchWriteItem request size exceeds 16 MB");
    }
    Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
    List<ConsumedCapacity> consumed = new ArrayList<>();
    CapacityDecision lastThrottle = null;
    int processed = 0;
    for (Map.Entry<String, List<ItemWrites.Planned>> entry : plans.entrySet()) {
      List<WriteRequest> originals = requestItems.get(entry.getKey());
      List<CapacityCharge> charged = new ArrayList<>();
      Table table = tables.apply(entry.getKey());
      for (int i = 0; i < entry.getValue().size(); i++) {
        ItemWrites.Planned plan = entry.getValue().get(i);
        ItemWrites.Planned fresh =
            new ItemWrites.Planned(
                table, plan.key(), null, table.get(plan.key()), plan.newItem(), null);
        List<CapacityCharge> charges = fresh.charges(true, 1);
        CapacityDecision decision = gate.admit("BatchWriteItem", charges, now);
        if (!decision.isAdmitted()) {
          lastThrottle = decision;
          unprocessed.computeIfAbsent(table.name, n -> new ArrayList<>()).add(originals.get(i));
          continue;
        }
        processed++;
        charged.addAll(charges);
        fresh.apply(now);
      }
      addConsumed(consumed, table, charged, mode);
    }
    if (processed == 0 && lastThrottle != null) {
      throttledWhole(gate, requestItems.keySet(), "BatchWriteItem");
      throw Errors.throttled(lastThrottle);
    }
    return new BatchWriteItemResult(unprocessed, consumed);
  }
}
