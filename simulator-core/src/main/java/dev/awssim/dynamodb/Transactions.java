package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * TransactWriteItems and TransactGetItems
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html): up to
 * 100 actions, 4 MB (of the request's items for a write, of the items read for a get), no two
 * actions on one item, all-or-nothing; transactional units cost double; a ClientRequestToken makes
 * a write idempotent for 10 minutes.
 */
final class Transactions {
  private static final long TOKEN_LIFETIME_NANOS =
      DynamoDbLimits.TRANSACTION_TOKEN_LIFETIME.toNanos();

  private static final double TRANSACTIONAL = 2;

  private final DynamoDbLimits limits;
  private final ItemWrites writes;
  private final CapacityGate gate;
  private final Map<String, Token> tokens = new HashMap<>();

  private record Token(
      TransactWriteItemsRequest request, long expiresAtNanos, TransactWriteItemsResult result) {}

  Transactions(DynamoDbLimits limits, ItemWrites writes, CapacityGate gate) {
    this.limits = limits;
    this.writes = writes;
    this.gate = gate;
  }

  TransactWriteItemsResult write(
      Function<String, Table> tables, TransactWriteItemsRequest request, long now) {
    List<TransactWriteItem> actions = request.transactItems();
    checkCount(actions.size(), "transactItems");
    checkToken(request.clientRequestToken());
    List<ItemWrites.Planned> plans = new ArrayList<>();
    List<DynamoDbException> invalid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long bytes = 0;
    for (TransactWriteItem action : actions) {
      if (action == null) {
        throw Errors.required("transactItems.member");
      }
      int before = invalid.size();
      ItemWrites.Planned plan = plan(tables, action, invalid);
      if (invalid.size() == before) {
        invalid.add(null);
      }
      if (!seen.add(plan.table().name + "\u0000" + plan.key())) {
        throw Errors.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      bytes += plan.newItem() == null ? Items.size(plan.key()) : Items.size(plan.newItem());
      plans.add(plan);
    }
    if (bytes > limits.maxTransactionBytes()) {
      throw Errors.transactionTooLarge();
    }
    TransactWriteItemsResult replay = replay(request, now);
    if (replay != null) {
      return replay;
    }
    List<CancellationReason> reasons = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < plans.size(); i++) {
      CancellationReason reason = reason(actions.get(i), plans.get(i), invalid.get(i));
      failed |= !reason.equals(CancellationReason.NONE);
      reasons.add(reason);
    }
    if (failed) {
      throw Errors.cancelled(reasons);
    }
    List<CapacityCharge> charges = new ArrayList<>();
    List<List<CapacityCharge>> actionCharges = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      ItemWrites.Planned plan = plans.get(i);
      int from = charges.size();
      charges.addAll(
          actions.get(i).conditionCheck() != null
              ? List.of(
                  new CapacityCharge(
                      plan.table().throughput,
                      null,
                      Capacities.partitionKey(plan.key().get(plan.table().key.hashName())),
                      false,
                      Capacities.read(
                          plan.oldItem() == null ? 0 : Items.size(plan.oldItem()), TRANSACTIONAL)))
              : plan.charges(true, TRANSACTIONAL));
      actionCharges.add(List.copyOf(charges.subList(from, charges.size())));
    }
    CapacityDecision throttle = gate.admit("TransactWriteItems", charges, now);
    if (!throttle.isAdmitted()) {
      throw Errors.cancelled(throttled(throttle, actionCharges));
    }
    for (int i = 0; i < plans.size(); i++) {
      if (actions.get(i).conditionCheck() == null) {
        plans.get(i).apply(now);
      }
    }
    TransactWriteItemsResult result =
        new TransactWriteItemsResult(consumed(plans, charges, request.returnConsumedCapacity()));
    if (request.clientRequestToken() != null) {
      tokens.put(
          request.clientRequestToken(), new Token(request, now + TOKEN_LIFETIME_NANOS, result));
    }
    return result;
  }

  /**
   * One action's reason, in the order AWS lists them on API_TransactWriteItems.html
   * (TransactionCanceledException): a failed condition, then a ValidationError the stored item
   * causes, then an LSI item collection past 10 GB; {@code None} when the action could commit.
   */
  private CancellationReason reason(
      TransactWriteItem action, ItemWrites.Planned plan, DynamoDbException invalid) {
    if (!plan.conditionHolds()) {
      return new CancellationReason(
          "ConditionalCheckFailed",
          "The conditional request failed",
          action.condition().returnValuesOnConditionCheckFailure()
                  == ReturnValuesOnConditionCheckFailure.ALL_OLD
              ? plan.oldItem()
              : null);
    }
    if (invalid != null) {
      return new CancellationReason("ValidationError", invalid.errorMessage(), null);
    }
    if (action.conditionCheck() == null) {
      try {
        plan.checkItemCollection(limits.maxItemCollectionBytes());
      } catch (DynamoDbException e) {
        return new CancellationReason(
            "ItemCollectionSizeLimitExceeded", "Collection size exceeded.", null);
      }
    }
    return CancellationReason.NONE;
  }

  /**
   * The reasons of a throttled transaction: the action whose charge was refused (or an equal one:
   * same table, index, key and units) gets AWS's code for its table's mode ({@code
   * ProvisionedThroughputExceeded} on a provisioned table, {@code ThrottlingError} on an on-demand
   * one) and message for a table or a GSI, the others {@code None} (API_TransactWriteItems.html,
   * TransactionCanceledException). A throttle decided outside the model names no charge: then every
   * action carries it.
   */
  private static List<CancellationReason> throttled(
      CapacityDecision throttle, List<List<CapacityCharge>> actionCharges) {
    CapacityCharge refused = throttle.refused;
    boolean provisioned =
        refused == null
            ? "ProvisionedThroughputExceededException".equals(throttle.errorCode())
            : !refused.table().capacity.payPerRequest();
    boolean index = refused != null && refused.indexName() != null;
    CancellationReason reason =
        provisioned
            ? new CancellationReason(
                "ProvisionedThroughputExceeded",
                index
                    ? "The level of configured provisioned throughput for one or more global"
                        + " secondary indexes of the table was exceeded. Consider increasing your"
                        + " provisioning level for the under-provisioned global secondary indexes"
                        + " with the UpdateTable API."
                    : "The level of configured provisioned throughput for the table was exceeded."
                        + " Consider increasing your provisioning level with the UpdateTable API.",
                null)
            : new CancellationReason(
                "ThrottlingError",
                index
                    ? "Throughput exceeds the current capacity for one or more global secondary"
                        + " indexes. DynamoDB is automatically scaling your index so please try"
                        + " again shortly."
                    : "Throughput exceeds the current capacity of your table or index. DynamoDB is"
                        + " automatically scaling your table or index so please try again shortly."
                        + " If exceptions persist, check if you have a hot key:"
                        + " https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html.",
                null);
    List<CancellationReason> reasons = new ArrayList<>();
    for (List<CapacityCharge> charges : actionCharges) {
      boolean hit = refused == null || charges.contains(refused);
      reasons.add(hit ? reason : CancellationReason.NONE);
    }
    return reasons;
  }

  private TransactWriteItemsResult replay(TransactWriteItemsRequest request, long now) {
    if (request.clientRequestToken() == null) {
      return null;
    }
    Token token = tokens.get(request.clientRequestToken());
    if (token == null || now >= token.expiresAtNanos) {
      tokens.remove(request.clientRequestToken());
      return null;
    }
    if (!token.request.equals(request)) {
      throw Errors.of(
          "IdempotentParameterMismatchException",
          "The request uses the same client token as a previous, but non-identical request.");
    }
    return token.result;
  }

  private static List<ConsumedCapacity> consumed(
      List<ItemWrites.Planned> plans, List<CapacityCharge> charges, ReturnConsumedCapacity mode) {
    List<ConsumedCapacity> result = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (ItemWrites.Planned plan : plans) {
      if (done.add(plan.table().name)) {
        ConsumedCapacity c = Capacities.consumed(charges, mode, plan.table());
        if (c != null) {
          result.add(c);
        }
      }
    }
    return result;
  }

  private void checkCount(int count, String field) {
    if (count < 1 || count > limits.maxTransactionActions()) {
      throw Errors.validation(
          "1 validation error detected: Value at '"
              + field
              + "' failed to satisfy constraint: Member must have length less than or equal to "
              + limits.maxTransactionActions()
              + " and greater than or equal to 1");
    }
  }

  private static void checkToken(String token) {
    if (token == null) {
      return;
    }
    if (token.isEmpty()) {
      throw Errors.validation(
          "1 validation error detected: Value '' at 'clientRequestToken' failed to satisfy"
              + " constraint: Member must have length greater than or equal to 1");
    }
    if (token.length() > DynamoDbLimits.MAX_CLIENT_REQUEST_TOKEN_LENGTH) {
      throw Errors.validation(
          "1 validation error detected: Value '"
              + token
              + "' at 'clientRequestToken' failed to satisfy constraint: Member must have length"
              + " less than or equal to "
              + DynamoDbLimits.MAX_CLIENT_REQUEST_TOKEN_LENGTH);
    }
  }

  private ItemWrites.Planned plan(
      Function<String, Table> tables, TransactWriteItem action, List<DynamoDbException> invalid) {
    int set =
        (action.put() != null ? 1 : 0)
            + (action.update() != null ? 1 : 0)
            + (action.delete() != null ? 1 : 0)
            + (action.conditionCheck() != null ? 1 : 0);
    if (set != 1) {
      throw Errors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
    }
    if (action.put() != null) {
      return writes.planPut(tables.apply(action.put().tableName()), action.put());
    }
    if (action.update() != null) {
      return writes.planUpdate(tables.apply(action.update().tableName()), action.update(), invalid);
    }
    if (action.delete() != null) {
      DeleteItemRequest d = action.delete();
      return writes.planDelete(tables.apply(d.tableName()), d.key(), d.condition());
    }
    ConditionCheck c = action.conditionCheck();
    if (c.condition().conditionExpression() == null) {
      throw Errors.validation("The expression can not be empty;");
    }
    return writes.planDelete(tables.apply(c.tableName()), c.key(), c.condition());
  }

  TransactGetItemsResult get(
      Function<String, Table> tables,
      List<GetItemRequest> gets,
      ReturnConsumedCapacity mode,
      long now) {
    if (gets == null) {
      throw Errors.required("transactItems");
    }
    checkCount(gets.size(), "transactItems");
    Set<String> seen = new HashSet<>();
    List<Table> resolved = new ArrayList<>();
    List<List<DocumentPath>> projections = new ArrayList<>();
    for (GetItemRequest get : gets) {
      if (get == null) {
        throw Errors.required("transactItems.member.get");
      }
      Table table = tables.apply(get.tableName());
      table.key.checkKey(get.key());
      if (!seen.add(table.name + "\u0000" + get.key())) {
        throw Errors.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      ExpressionContext ctx = new ExpressionContext(get.expressionAttributeNames(), Map.of());
      projections.add(
          get.projectionExpression() == null
              ? null
              : ExpressionParser.projection(get.projectionExpression(), ctx));
      ctx.checkAllUsed(get.projectionExpression() != null);
      resolved.add(table);
    }
    List<CapacityCharge> charges = new ArrayList<>();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < gets.size(); i++) {
      Table table = resolved.get(i);
      Map<String, AttributeValue> item = table.get(gets.get(i).key());
      bytes += item == null ? 0 : Items.size(item);
      charges.add(
          new CapacityCharge(
              table.throughput,
              null,
              Capacities.partitionKey(gets.get(i).key().get(table.key.hashName())),
              false,
              Capacities.read(item == null ? 0 : Items.size(item), TRANSACTIONAL)));
      items.add(
          item == null || projections.get(i) == null
              ? item
              : Projector.project(item, projections.get(i)));
    }
    if (bytes > limits.maxTransactionBytes()) {
      // the whole items count, as their read units do, whatever a projection keeps
      throw Errors.transactionTooLarge();
    }
    CapacityDecision throttle = gate.admit("TransactGetItems", charges, now);
    if (!throttle.isAdmitted()) {
      List<List<CapacityCharge>> perGet = new ArrayList<>();
      charges.forEach(c -> perGet.add(List.of(c)));
      throw Errors.cancelled(throttled(throttle, perGet));
    }
    List<ConsumedCapacity> consumed = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (Table table : resolved) {
      ConsumedCapacity c = done.add(table.name) ? Capacities.consumed(charges, mode, table) : null;
      if (c != null) {
        consumed.add(c);
      }
    }
    return new TransactGetItemsResult(items, consumed);
  }
}
