package dev.awssim.dynamodb;

import java.util.Map;

/**
 * A KeyConditionExpression: an equality on the partition key, and optionally one condition on the
 * sort key ({@code =, <, <=, >, >=, BETWEEN, begins_with}) (API reference, Query).
 */
record KeyCondition(AttributeValue partitionKey, Condition sortCondition) {
  static KeyCondition parse(
      String text, KeySchema key, ExpressionContext ctx, ExpressionCache expressions) {
    if (text == null) {
      throw Errors.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    Condition condition = expressions.condition(text, "KeyConditionExpression", ctx);
    AttributeValue partition = null;
    Condition sort = null;
    for (Condition part : parts(condition)) {
      if (part instanceof Condition.Compare c
          && c.operator().equals("=")
          && isPath(c.left(), key.hashName())
          && c.right() instanceof Operand.Literal v) {
        if (partition != null) {
          throw invalid();
        }
        partition = v.value();
      } else if (key.rangeName() != null && sort == null && onSortKey(part, key.rangeName())) {
        sort = part;
      } else {
        throw invalid();
      }
    }
    if (partition == null) {
      throw Errors.validation("Query condition missed key schema element: " + key.hashName());
    }
    if (!partition.type().name().equals(key.hashType().name())) {
      throw Errors.validation(
          "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
    return new KeyCondition(partition, sort);
  }

  private static DynamoDbException invalid() {
    return Errors.validation("Query key condition not supported");
  }

  private static java.util.List<Condition> parts(Condition condition) {
    if (condition instanceof Condition.And and) {
      java.util.List<Condition> parts = new java.util.ArrayList<>(parts(and.left()));
      parts.addAll(parts(and.right()));
      return parts;
    }
    return java.util.List.of(condition);
  }

  private static boolean isPath(Operand operand, String name) {
    return operand instanceof Operand.PathOperand p
        && p.path().isTopLevel()
        && p.path().first().equals(name);
  }

  private static boolean onSortKey(Condition part, String name) {
    if (part instanceof Condition.Compare c) {
      return !c.operator().equals("<>")
          && isPath(c.left(), name)
          && c.right() instanceof Operand.Literal;
    }
    if (part instanceof Condition.Between b) {
      return isPath(b.value(), name);
    }
    return part instanceof Condition.Function f
        && f.name().equals("begins_with")
        && f.path().isTopLevel()
        && f.path().first().equals(name);
  }

  boolean test(Map<String, AttributeValue> item) {
    return sortCondition == null || sortCondition.test(item);
  }
}
