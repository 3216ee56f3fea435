package dev.awssim.dynamodb;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import java.util.Set;

/**
 * A value in an expression: a path, a {@code :value}, {@code size(path)}, or an update function.
 */
sealed interface Operand {
  /** The value against {@code item}, or null when it does not exist. */
  AttributeValue eval(Map<String, AttributeValue> item);

  /** Adds the top-level attribute names {@code operand} reads to {@code names}. */
  static void collect(Operand operand, Set<String> names) {
    if (operand instanceof PathOperand p) {
      names.add(p.path().first());
    } else if (operand instanceof Size size) {
      names.add(size.path().first());
    } else if (operand instanceof IfNotExists i) {
      names.add(i.path().first());
      collect(i.fallback(), names);
    } else if (operand instanceof ListAppend a) {
      collect(a.first(), names);
      collect(a.second(), names);
    } else if (operand instanceof Arithmetic a) {
      collect(a.left(), names);
      collect(a.right(), names);
    }
  }

  record PathOperand(DocumentPath path) implements Operand {
    @Override
    public AttributeValue eval(Map<String, AttributeValue> item) {
      return path.get(item);
    }
  }

  record Literal(AttributeValue value) implements Operand {
    @Override
    public AttributeValue eval(Map<String, AttributeValue> item) {
      return value;
    }
  }

  /** {@code size(path)}: string characters, binary bytes, set members, list or map entries. */
  record Size(DocumentPath path) implements Operand {
    @Override
    public AttributeValue eval(Map<String, AttributeValue> item) {
      AttributeValue value = path.get(item);
      if (value == null) {
        return null;
      }
      long size =
          switch (value.type()) {
            case S -> value.s().codePointCount(0, value.s().length());
            case B -> value.rawBytes().length;
            case SS, NS, BS -> value.setMembers().size();
            case L -> value.l().size();
            case M -> value.m().size();
            default -> -1;
          };
      return size < 0 ? null : AttributeValue.n(size);
    }
  }

  /** {@code if_not_exists(path, fallback)}. */
  record IfNotExists(DocumentPath path, Operand fallback) implements Operand {
    @Override
    public AttributeValue eval(Map<String, AttributeValue> item) {
      AttributeValue value = path.get(item);
      return value != null ? value : fallback.eval(item);
    }
  }

  /** {@code list_append(a, b)}. */
  record ListAppend(Operand first, Operand second) implements Operand {
    @Override
    public AttributeValue eval(Map<String, AttributeValue> item) {
      AttributeValue a = first.eval(item);
      AttributeValue b = second.eval(item);
      if (a == null || b == null) {
        throw Errors.validation(
            "The provided expression refers to an attribute that does not exist in the item");
      }
      if (a.l() == null || b.l() == null) {
        throw Errors.validation(
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: "
                + (a.l() == null ? a : b).type());
      }
      return AttributeValue.l(
          ImmutableList.<AttributeValue>builder().addAll(a.l()).addAll(b.l()).build());
    }
  }

  /** {@code a + b} or {@code a - b} on numbers. */
  record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
    @Override
    public AttributeValue eval(Map<String, AttributeValue> item) {
      AttributeValue a = left.eval(item);
      AttributeValue b = right.eval(item);
      if (a == null || b == null) {
        throw Errors.validation(
            "The provided expression refers to an attribute that does not exist in the item");
      }
      if (a.type() != AttributeValue.Type.N || b.type() != AttributeValue.Type.N) {
        throw Errors.validation("An operand in the update expression has an incorrect data type");
      }
      return AttributeValue.n(
          Numbers.canonical(Numbers.add(a.number(), plus ? b.number() : b.number().negate())));
    }
  }
}
