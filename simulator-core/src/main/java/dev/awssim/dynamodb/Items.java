package dev.awssim.dynamodb;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Item size and item validation (Developer Guide, CapacityUnitCalculations.html and
 * ServiceQuotas.html: "Item size", 400 KB items, 32 nesting levels, no empty sets).
 */
final class Items {
  private static final int MAX_DEPTH = DynamoDbLimits.MAX_NESTING_DEPTH;

  private Items() {}

  static int utf8Length(String text) {
    int length = text.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
      }
    }
    return bytes;
  }

  /** The item's size: each attribute's name bytes plus value bytes. */
  static long size(Map<String, AttributeValue> item) {
    return item instanceof StoredItem stored ? stored.bytes() : computeSize(item);
  }

  static long computeSize(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += utf8Length(e.getKey()) + valueSize(e.getValue());
    }
    return size;
  }

  static long valueSize(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8Length(value.s());
      case N -> Numbers.size(value.number());
      case B -> value.rawBytes().length;
      case BOOL, NULL -> 1;
      case M -> {
        long size = 3;
        for (Map.Entry<String, AttributeValue> e : value.m().entrySet()) {
          size += utf8Length(e.getKey()) + valueSize(e.getValue()) + 1;
        }
        yield size;
      }
      case L -> {
        long size = 3;
        for (AttributeValue element : value.l()) {
          size += valueSize(element) + 1;
        }
        yield size;
      }
      case SS -> value.ss().stream().mapToLong(Items::utf8Length).sum();
      case NS -> value.ns().stream().mapToLong(n -> Numbers.size(Numbers.parse(n))).sum();
      case BS -> value.bytesMembers().stream().mapToLong(b -> b.bytes().length).sum();
    };
  }

  /** Rejects empty or null names, null values, empty or duplicated sets and too deep nesting. */
  static void validate(Map<String, AttributeValue> item) {
    item.forEach(Items::validateAttribute);
  }

  private static void validateAttribute(String name, AttributeValue value) {
    if (name == null || name.isEmpty()) {
      // "Attribute names must be at least one character long"
      // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
      throw Errors.validation(
          "One or more parameter values were invalid: An attribute name must be at least one"
              + " character long");
    }
    if (value == null) {
      throw Errors.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    validateValue(value, 1);
  }

  static void validateValue(AttributeValue value, int depth) {
    if (depth > MAX_DEPTH) {
      throw Errors.validation("Nesting Levels have exceeded supported limits");
    }
    switch (value.type()) {
      case SS, NS, BS -> validateSet(value);
      case M -> value.m().values().forEach(v -> validateValue(v, depth + 1));
      case L -> value.l().forEach(v -> validateValue(v, depth + 1));
      default -> {}
    }
  }

  private static void validateSet(AttributeValue value) {
    List<?> members = value.setMembers();
    if (members.isEmpty()) {
      String kind =
          switch (value.type()) {
            case SS -> "string";
            case NS -> "number";
            default -> "binary";
          };
      throw Errors.validation(
          "One or more parameter values were invalid: An " + kind + " set  may not be empty");
    }
    if (new HashSet<>(members).size() != members.size()) {
      throw Errors.validation("Input collection " + members + " contains duplicates.");
    }
  }
}
