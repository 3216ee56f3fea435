package dev.awssim.dynamodb;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed condition (ConditionExpression, FilterExpression, KeyConditionExpression). */
sealed interface Condition {
  boolean test(Map<String, AttributeValue> item);

  /** The top-level attribute names {@code condition} reads, in order of appearance. */
  static Set<String> topLevelNames(Condition condition) {
    Set<String> names = new LinkedHashSet<>();
    collect(condition, names);
    return names;
  }

  private static void collect(Condition condition, Set<String> names) {
    if (condition instanceof And and) {
      collect(and.left(), names);
      collect(and.right(), names);
    } else if (condition instanceof Or or) {
      collect(or.left(), names);
      collect(or.right(), names);
    } else if (condition instanceof Not not) {
      collect(not.inner(), names);
    } else if (condition instanceof Compare c) {
      Operand.collect(c.left(), names);
      Operand.collect(c.right(), names);
    } else if (condition instanceof Between b) {
      Operand.collect(b.value(), names);
      Operand.collect(b.low(), names);
      Operand.collect(b.high(), names);
    } else if (condition instanceof In in) {
      Operand.collect(in.value(), names);
      in.candidates().forEach(o -> Operand.collect(o, names));
    } else if (condition instanceof Function f) {
      names.add(f.path().first());
      if (f.argument() != null) {
        Operand.collect(f.argument(), names);
      }
    }
  }

  record And(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      return left.test(item) && right.test(item);
    }
  }

  record Or(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      return left.test(item) || right.test(item);
    }
  }

  record Not(Condition inner) implements Condition {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      return !inner.test(item);
    }
  }

  /** {@code a = b}, {@code a <> b}, {@code <}, {@code <=}, {@code >}, {@code >=}. */
  record Compare(Operand left, String operator, Operand right) implements Condition {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue a = left.eval(item);
      AttributeValue b = right.eval(item);
      if (operator.equals("=")) {
        return a != null && a.equals(b);
      }
      if (operator.equals("<>")) {
        return a != null && b != null && !a.equals(b);
      }
      if (!Values.comparable(a, b)) {
        return false;
      }
      int c = Values.compare(a, b);
      return switch (operator) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    }
  }

  record Between(Operand value, Operand low, Operand high) implements Condition {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = value.eval(item);
      AttributeValue lo = low.eval(item);
      AttributeValue hi = high.eval(item);
      return Values.comparable(v, lo)
          && Values.comparable(v, hi)
          && Values.compare(lo, v) <= 0
          && Values.compare(v, hi) <= 0;
    }
  }

  record In(Operand value, List<Operand> candidates) implements Condition {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = value.eval(item);
      if (v == null) {
        return false;
      }
      for (Operand candidate : candidates) {
        if (v.equals(candidate.eval(item))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The condition functions: attribute_exists, attribute_not_exists, attribute_type, begins_with,
   * contains.
   */
  record Function(String name, DocumentPath path, Operand argument) implements Condition {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue value = path.get(item);
      return switch (name) {
        case "attribute_exists" -> value != null;
        case "attribute_not_exists" -> value == null;
        case "attribute_type" ->
            value != null && value.type().name().equals(argument.eval(item).s());
        case "begins_with" -> beginsWith(value, argument.eval(item));
        default -> contains(value, argument.eval(item));
      };
    }

    private static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
      if (value == null || prefix == null || value.type() != prefix.type()) {
        return false;
      }
      if (value.type() == AttributeValue.Type.S) {
        return value.s().startsWith(prefix.s());
      }
      if (value.type() == AttributeValue.Type.B) {
        byte[] v = value.rawBytes();
        byte[] p = prefix.rawBytes();
        return v.length >= p.length && Arrays.equals(v, 0, p.length, p, 0, p.length);
      }
      return false;
    }

    private static boolean contains(AttributeValue value, AttributeValue operand) {
      if (value == null || operand == null) {
        return false;
      }
      return switch (value.type()) {
        case S -> operand.type() == AttributeValue.Type.S && value.s().contains(operand.s());
        case SS -> operand.type() == AttributeValue.Type.S && value.ss().contains(operand.s());
        case NS -> operand.type() == AttributeValue.Type.N && value.ns().contains(operand.n());
        case BS ->
            operand.type() == AttributeValue.Type.B
                && value.bytesMembers().contains(new AttributeValue.Bytes(operand.rawBytes()));
        case L -> value.l().contains(operand);
        case B ->
            operand.type() == AttributeValue.Type.B
                && Values.indexOf(value.rawBytes(), operand.rawBytes()) >= 0;
        default -> false;
      };
    }
  }
}
