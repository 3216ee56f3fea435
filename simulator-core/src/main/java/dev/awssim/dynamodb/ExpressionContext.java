package dev.awssim.dynamodb;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders of one request ({@code ExpressionAttributeNames}/{@code Values}), and which of
 * them its expressions used, so that unused ones are rejected as AWS does.
 */
final class ExpressionContext {
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames;
  private final Set<String> usedValues;

  ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
    this.names = names == null ? Map.of() : names;
    this.values = values == null ? Map.of() : values;
    this.values.forEach(ExpressionContext::checkValue);
    checkSubstitutionSizes(this.names, this.values);
    this.usedNames = this.names.isEmpty() ? Set.of() : new LinkedHashSet<>();
    this.usedValues = this.values.isEmpty() ? Set.of() : new LinkedHashSet<>();
  }

  /**
   * Values are checked as item values are (no empty or duplicated sets, no null) before any
   * expression uses them, as AWS does.
   */
  private static void checkValue(String placeholder, AttributeValue value) {
    try {
      if (value == null) {
        throw Errors.validation(
            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
      }
      Items.validateValue(value, 1);
    } catch (DynamoDbException e) {
      throw Errors.validation(
          "ExpressionAttributeValues contains invalid value: "
              + e.errorMessage()
              + " for key "
              + placeholder);
    }
  }

  /**
   * AWS's expression parameter lengths: each placeholder ({@code #name}, {@code :val}) at most 255
   * bytes, and all names and values together at most 2 MB, names and placeholders counted in UTF-8
   * bytes and values by the item size rules
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html#limits-expression-parameters).
   * [SIM] The messages are the simulator's: AWS's wording for these two limits is not documented.
   */
  private static void checkSubstitutionSizes(
      Map<String, String> names, Map<String, AttributeValue> values) {
    long total = 0;
    for (Map.Entry<String, String> e : names.entrySet()) {
      total += checkPlaceholder(e.getKey(), "ExpressionAttributeNames");
      total += e.getValue() == null ? 0 : Items.utf8Length(e.getValue());
    }
    for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
      total += checkPlaceholder(e.getKey(), "ExpressionAttributeValues");
      total += Items.valueSize(e.getValue());
    }
    if (total > DynamoDbLimits.MAX_SUBSTITUTION_BYTES) {
      throw Errors.validation(
          "ExpressionAttributeNames and ExpressionAttributeValues exceed the maximum allowed size"
              + " of 2 MB; size: "
              + total);
    }
  }

  private static int checkPlaceholder(String placeholder, String member) {
    int bytes = placeholder == null ? 0 : Items.utf8Length(placeholder);
    if (bytes > DynamoDbLimits.MAX_PLACEHOLDER_BYTES) {
      throw Errors.validation(
          member
              + " contains invalid key: the key exceeds the maximum length of 255 bytes; key length: "
              + bytes);
    }
    return bytes;
  }

  /** The request's ExpressionAttributeNames (not copied). */
  Map<String, String> names() {
    return names;
  }

  /** The name placeholders used so far, in first-use order. */
  Set<String> usedNames() {
    return usedNames;
  }

  /** The value placeholders used so far, in first-use order. */
  Set<String> usedValues() {
    return usedValues;
  }

  String name(String placeholder, String kind) {
    String name = names.get(placeholder);
    if (name == null) {
      throw Errors.validation(
          "Invalid "
              + kind
              + ": An expression attribute name used in the document path is not defined; attribute name: "
              + placeholder);
    }
    usedNames.add(placeholder);
    return name;
  }

  AttributeValue value(String placeholder, String kind) {
    AttributeValue value = values.get(placeholder);
    if (value == null) {
      throw Errors.validation(
          "Invalid "
              + kind
              + ": An expression attribute value used in expression is not defined; attribute value: "
              + placeholder);
    }
    usedValues.add(placeholder);
    return value;
  }

  /**
   * Rejects placeholders no expression used, and placeholders given with no expression at all (API
   * reference, "ExpressionAttributeNames").
   */
  void checkAllUsed(boolean anyExpression) {
    if (names.isEmpty() && values.isEmpty()) {
      return;
    }
    if (!anyExpression && !names.isEmpty()) {
      throw Errors.validation(
          "ExpressionAttributeNames can only be specified when using expressions");
    }
    if (!anyExpression && !values.isEmpty()) {
      throw Errors.validation(
          "ExpressionAttributeValues can only be specified when using expressions");
    }
    Set<String> unusedNames = new LinkedHashSet<>(names.keySet());
    unusedNames.removeAll(usedNames);
    if (!unusedNames.isEmpty()) {
      throw Errors.validation(
          "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
              + String.join(", ", unusedNames)
              + "}");
    }
    Set<String> unusedValues = new LinkedHashSet<>(values.keySet());
    unusedValues.removeAll(usedValues);
    if (!unusedValues.isEmpty()) {
      throw Errors.validation(
          "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
              + String.join(", ", unusedValues)
              + "}");
    }
  }
}
