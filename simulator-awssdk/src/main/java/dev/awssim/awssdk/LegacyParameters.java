package dev.awssim.awssdk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * DynamoDB's legacy write parameters ({@code Expected} with {@code ConditionalOperator}, and {@code
 * AttributeUpdates}) rewritten as the expressions AWS documents them to be equivalent to ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.Expected.html},
 * {@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.AttributeUpdates.html}),
 * so the simulator evaluates one form. Clients still on them include the Kinesis Client Library's
 * lease table. A request that mixes legacy and expression parameters is a ValidationException, as
 * in AWS; the placeholders used here ({@code #legacyN}, {@code :legacyN}) cannot clash with the
 * caller's, since a legacy request has none.
 */
final class LegacyParameters {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();

  /** The ExpressionAttributeNames the rewritten expressions use. */
  Map<String, String> names() {
    return names;
  }

  /** The ExpressionAttributeValues the rewritten expressions use. */
  Map<String, AttributeValue> values() {
    return values;
  }

  /**
   * PutItem, UpdateItem or DeleteItem as it would read with expressions: its {@code Expected} and
   * {@code ConditionalOperator} as a ConditionExpression, its {@code AttributeUpdates} as an
   * UpdateExpression (read and written through the SDK's field metadata, so the three requests
   * share one rewrite). A request without them is returned as it is.
   *
   * @throws software.amazon.awssdk.services.dynamodb.model.DynamoDbException ValidationException
   *     for a request that mixes legacy and expression parameters, or an invalid legacy one
   */
  @SuppressWarnings("unchecked")
  static SdkPojo rewrite(DynamoDbRequest r) {
    Map<String, SdkField<?>> fields = new HashMap<>();
    r.sdkFields().forEach(f -> fields.put(f.memberName(), f));
    Map<String, ExpectedAttributeValue> expected =
        (Map<String, ExpectedAttributeValue>) value(fields, r, "Expected");
    Map<String, AttributeValueUpdate> updates =
        (Map<String, AttributeValueUpdate>) value(fields, r, "AttributeUpdates");
    boolean hasExpected = expected != null && !expected.isEmpty();
    boolean hasUpdates = updates != null && !updates.isEmpty();
    if (!hasExpected && !hasUpdates) {
      return r;
    }
    List<String> legacyNames = new ArrayList<>();
    if (hasExpected) {
      legacyNames.add("Expected");
    }
    if (hasUpdates) {
      legacyNames.add("AttributeUpdates");
    }
    List<String> expressions = new ArrayList<>();
    for (String member :
        List.of(
            "UpdateExpression",
            "ConditionExpression",
            "ExpressionAttributeNames",
            "ExpressionAttributeValues")) {
      if (value(fields, r, member) != null) {
        expressions.add(member);
      }
    }
    rejectMixed(legacyNames, expressions);
    LegacyParameters legacy = new LegacyParameters();
    String update = hasUpdates ? legacy.update(updates) : null;
    String condition =
        hasExpected
            ? legacy.condition(expected, (String) value(fields, r, "ConditionalOperator"))
            : null;
    DynamoDbRequest.Builder b = r.toBuilder();
    set(fields, b, "Expected", null);
    set(fields, b, "AttributeUpdates", null);
    set(fields, b, "ConditionalOperator", null);
    set(fields, b, "UpdateExpression", update);
    set(fields, b, "ConditionExpression", condition);
    set(fields, b, "ExpressionAttributeNames", legacy.names());
    set(fields, b, "ExpressionAttributeValues", legacy.values().isEmpty() ? null : legacy.values());
    return (SdkPojo) b.build();
  }

  private static Object value(Map<String, SdkField<?>> fields, SdkPojo r, String member) {
    SdkField<?> f = fields.get(member);
    Object v = f == null ? null : f.getValueOrDefault(r);
    return SdkToCore.present(v) ? v : null;
  }

  private static void set(
      Map<String, SdkField<?>> fields, DynamoDbRequest.Builder b, String member, Object value) {
    SdkField<?> f = fields.get(member);
    if (f != null) {
      f.set(b, value);
    }
  }

  /**
   * Rejects a request that has both kinds of parameter, with AWS's message.
   *
   * @throws software.amazon.awssdk.services.dynamodb.model.DynamoDbException ValidationException
   */
  static void rejectMixed(List<String> legacy, List<String> expression) {
    if (!legacy.isEmpty() && !expression.isEmpty()) {
      throw DynamoDbRequests.validation(
          "Can not use both expression and non-expression parameters in the same request:"
              + " Non-expression parameters: {"
              + String.join(", ", legacy)
              + "} Expression parameters: {"
              + String.join(", ", expression)
              + "}");
    }
  }

  /** {@code Expected} joined by {@code ConditionalOperator} (AND unless OR), as a condition. */
  String condition(Map<String, ExpectedAttributeValue> expected, String conditionalOperator) {
    String join =
        conditionalOperator == null
            ? " AND "
            : switch (DynamoDbRequests.enumOf(ConditionalOperator.class, conditionalOperator)) {
              case OR -> " OR ";
              default -> " AND ";
            };
    List<String> parts = new ArrayList<>();
    expected.forEach((attribute, e) -> parts.add(condition(attribute, e)));
    return String.join(join, parts);
  }

  private String condition(String attribute, ExpectedAttributeValue e) {
    String n = name(attribute);
    if (e.comparisonOperator() == null) {
      if (Boolean.FALSE.equals(e.exists())) {
        if (e.value() != null) {
          throw DynamoDbRequests.validation(
              "One or more parameter values were invalid: Value cannot be used when Exists is"
                  + " false for Attribute: "
                  + attribute);
        }
        return "attribute_not_exists(" + n + ")";
      }
      if (e.value() == null) {
        throw DynamoDbRequests.validation(
            "One or more parameter values were invalid: Value must be provided when Exists is "
                + (e.exists() == null ? "null" : "true")
                + " for Attribute: "
                + attribute);
      }
      return n + " = " + value(e.value());
    }
    List<AttributeValue> list = e.hasAttributeValueList() ? e.attributeValueList() : List.of();
    ComparisonOperator op =
        DynamoDbRequests.enumOf(ComparisonOperator.class, e.comparisonOperatorAsString());
    return switch (op) {
      case NOT_NULL -> arity(op, list, 0, "attribute_exists(" + n + ")");
      case NULL -> arity(op, list, 0, "attribute_not_exists(" + n + ")");
      case EQ -> binary(op, list, n, " = ");
      case NE -> binary(op, list, n, " <> ");
      case LE -> binary(op, list, n, " <= ");
      case LT -> binary(op, list, n, " < ");
      case GE -> binary(op, list, n, " >= ");
      case GT -> binary(op, list, n, " > ");
      case CONTAINS -> function(op, list, "contains(", n);
      case NOT_CONTAINS -> "NOT " + function(op, list, "contains(", n);
      case BEGINS_WITH -> function(op, list, "begins_with(", n);
      case BETWEEN ->
          arity(op, list, 2, n + " BETWEEN " + value(list, 0) + " AND " + value(list, 1));
      case IN -> {
        if (list.isEmpty()) {
          throw invalidArity(op);
        }
        List<String> members = new ArrayList<>();
        list.forEach(v -> members.add(value(v)));
        yield n + " IN (" + String.join(", ", members) + ")";
      }
      default -> throw invalidArity(op);
    };
  }

  private String binary(ComparisonOperator op, List<AttributeValue> list, String n, String symbol) {
    return arity(op, list, 1, n + symbol + value(list, 0));
  }

  private String function(ComparisonOperator op, List<AttributeValue> list, String f, String n) {
    return arity(op, list, 1, f + n + ", " + value(list, 0) + ")");
  }

  private static String arity(
      ComparisonOperator op, List<AttributeValue> list, int expected, String expression) {
    if (list.size() != expected) {
      throw invalidArity(op);
    }
    return expression;
  }

  private static RuntimeException invalidArity(ComparisonOperator op) {
    return DynamoDbRequests.validation(
        "One or more parameter values were invalid: Invalid number of argument(s) for the "
            + op
            + " ComparisonOperator");
  }

  /** {@code AttributeUpdates} as an update expression: SET, REMOVE, ADD and DELETE clauses. */
  String update(Map<String, AttributeValueUpdate> updates) {
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    List<String> add = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    updates.forEach(
        (attribute, u) -> {
          String n = name(attribute);
          AttributeAction action =
              u.action() == null
                  ? AttributeAction.PUT
                  : DynamoDbRequests.enumOf(AttributeAction.class, u.actionAsString());
          switch (action) {
            case DELETE -> {
              if (u.value() == null) {
                remove.add(n);
              } else {
                delete.add(n + " " + value(u.value()));
              }
            }
            case ADD -> add.add(n + " " + value(required(u, attribute)));
            default -> set.add(n + " = " + value(required(u, attribute)));
          }
        });
    StringBuilder b = new StringBuilder();
    clause(b, "SET ", set, ", ");
    clause(b, "REMOVE ", remove, ", ");
    clause(b, "ADD ", add, ", ");
    clause(b, "DELETE ", delete, ", ");
    return b.toString();
  }

  private static AttributeValue required(AttributeValueUpdate u, String attribute) {
    if (u.value() == null) {
      throw DynamoDbRequests.validation(
          "One or more parameter values were invalid: Only DELETE action is allowed when no"
              + " attribute value is specified: "
              + attribute);
    }
    return u.value();
  }

  private static void clause(StringBuilder b, String keyword, List<String> parts, String sep) {
    if (!parts.isEmpty()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(keyword).append(String.join(sep, parts));
    }
  }

  private String name(String attribute) {
    String placeholder = "#legacy" + names.size();
    names.put(placeholder, attribute);
    return placeholder;
  }

  private String value(AttributeValue v) {
    String placeholder = ":legacy" + values.size();
    values.put(placeholder, v);
    return placeholder;
  }

  private String value(List<AttributeValue> list, int i) {
    return value(list.get(i));
  }
}
