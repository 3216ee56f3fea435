package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Parsed expressions of one simulation, so that an application sending the same expression text
 * again and again (as applications do: the text is a constant, the values change) parses it once.
 *
 * <p>Keyed by the expression's kind, its text and the request's {@code ExpressionAttributeNames}
 * (names are resolved into document paths while parsing); not by the values, which only fill the
 * {@code :placeholders}. A text is parsed once with a stand-in object for each value placeholder;
 * each request then looks its own values up in the order the parser would (so a missing one is the
 * same error) and gets the tree with its values in place of the stand-ins. A text that does not
 * parse is never kept: it is parsed again against the request's own placeholders, so its error is
 * exactly the one the parser gives. Least recently used entries leave past {@link #MAX_ENTRIES}.
 * Callers hold the simulation's lock.
 */
final class ExpressionCache {
  /** Entries kept; an application has a few dozen distinct expressions, a test suite some more. */
  static final int MAX_ENTRIES = 1024;

  private record Key(String kind, String text, Map<String, String> names) {}

  /** A tree parsed against stand-ins, and the placeholders it used in first-use order. */
  private record Parsed(
      Object tree, List<String> names, List<String> values, List<AttributeValue> standIns) {}

  private final Map<Key, Parsed> entries =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Parsed> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  private int hits;
  private int misses;

  /** A condition, key condition or filter expression, as {@link ExpressionParser#condition}. */
  Condition condition(String text, String kind, ExpressionContext context) {
    Parsed parsed = parsed(kind, text, context);
    if (parsed == null) {
      return ExpressionParser.condition(text, kind, context);
    }
    UnaryOperator<Operand> values = bind(parsed, kind, context);
    return rebind((Condition) parsed.tree(), values);
  }

  /** A projection expression, as {@link ExpressionParser#projection}. */
  @SuppressWarnings("unchecked")
  List<DocumentPath> projection(String text, ExpressionContext context) {
    String kind = "ProjectionExpression";
    Parsed parsed = parsed(kind, text, context);
    if (parsed == null) {
      return ExpressionParser.projection(text, context);
    }
    bind(parsed, kind, context);
    return (List<DocumentPath>) parsed.tree();
  }

  /** An update expression, as {@link ExpressionParser#update}. */
  UpdateExpression update(String text, ExpressionContext context) {
    String kind = "UpdateExpression";
    Parsed parsed = parsed(kind, text, context);
    if (parsed == null) {
      return ExpressionParser.update(text, context);
    }
    UnaryOperator<Operand> values = bind(parsed, kind, context);
    return ((UpdateExpression) parsed.tree()).withOperands(o -> rebind(o, values));
  }

  /** Lookups answered from the cache (for tests and benchmarks). */
  int hits() {
    return hits;
  }

  /** Lookups that parsed (for tests and benchmarks). */
  int misses() {
    return misses;
  }

  /** The cached parse of {@code text}, parsing it on a miss; null when it does not parse. */
  private Parsed parsed(String kind, String text, ExpressionContext context) {
    Key key = new Key(kind, text, context.names());
    Parsed parsed = entries.get(key);
    if (parsed != null) {
      hits++;
      return parsed;
    }
    misses++;
    List<Token> tokens;
    try {
      tokens = ExpressionParser.tokens(text, kind);
    } catch (DynamoDbException e) {
      return null;
    }
    Map<String, AttributeValue> standIns = new LinkedHashMap<>();
    for (Token token : tokens) {
      if (token.kind() == Token.Kind.VALUE_REF) {
        // A new object per placeholder: rebinding finds it by identity.
        standIns.computeIfAbsent(token.text(), p -> AttributeValue.s(p));
      }
    }
    ExpressionContext symbolic = new ExpressionContext(context.names(), standIns);
    Object tree;
    try {
      tree =
          switch (kind) {
            case "ProjectionExpression" ->
                List.copyOf(ExpressionParser.projection(text, symbolic, tokens));
            case "UpdateExpression" -> ExpressionParser.update(text, symbolic, tokens);
            default -> ExpressionParser.condition(text, kind, symbolic, tokens);
          };
    } catch (DynamoDbException e) {
      return null;
    }
    List<String> values = List.copyOf(symbolic.usedValues());
    List<AttributeValue> used = new ArrayList<>(values.size());
    for (String placeholder : values) {
      used.add(standIns.get(placeholder));
    }
    parsed = new Parsed(tree, List.copyOf(symbolic.usedNames()), values, List.copyOf(used));
    // The request's map may change after the call: the key keeps a copy.
    entries.put(
        new Key(kind, text, Collections.unmodifiableMap(new HashMap<>(context.names()))), parsed);
    return parsed;
  }

  /**
   * Marks the placeholders used on the request's context, looking its values up in the parser's
   * order, and returns the replacement of stand-ins by the request's values.
   */
  private static UnaryOperator<Operand> bind(
      Parsed parsed, String kind, ExpressionContext context) {
    for (String name : parsed.names()) {
      context.name(name, kind);
    }
    if (parsed.values().isEmpty()) {
      return UnaryOperator.identity();
    }
    IdentityHashMap<AttributeValue, Operand> byStandIn = new IdentityHashMap<>();
    for (int i = 0; i < parsed.values().size(); i++) {
      byStandIn.put(
          parsed.standIns().get(i),
          new Operand.Literal(context.value(parsed.values().get(i), kind)));
    }
    return o ->
        o instanceof Operand.Literal l && byStandIn.containsKey(l.value())
            ? byStandIn.get(l.value())
            : o;
  }

  private static Condition rebind(Condition c, UnaryOperator<Operand> values) {
    if (c instanceof Condition.And a) {
      return new Condition.And(rebind(a.left(), values), rebind(a.right(), values));
    }
    if (c instanceof Condition.Or o) {
      return new Condition.Or(rebind(o.left(), values), rebind(o.right(), values));
    }
    if (c instanceof Condition.Not n) {
      return new Condition.Not(rebind(n.inner(), values));
    }
    if (c instanceof Condition.Compare cmp) {
      return new Condition.Compare(
          rebind(cmp.left(), values), cmp.operator(), rebind(cmp.right(), values));
    }
    if (c instanceof Condition.Between b) {
      return new Condition.Between(
          rebind(b.value(), values), rebind(b.low(), values), rebind(b.high(), values));
    }
    if (c instanceof Condition.In in) {
      List<Operand> candidates = new ArrayList<>(in.candidates().size());
      for (Operand candidate : in.candidates()) {
        candidates.add(rebind(candidate, values));
      }
      return new Condition.In(rebind(in.value(), values), candidates);
    }
    Condition.Function f = (Condition.Function) c;
    return f.argument() == null
        ? f
        : new Condition.Function(f.name(), f.path(), rebind(f.argument(), values));
  }

  private static Operand rebind(Operand o, UnaryOperator<Operand> values) {
    if (o instanceof Operand.Literal) {
      return values.apply(o);
    }
    if (o instanceof Operand.IfNotExists i) {
      return new Operand.IfNotExists(i.path(), rebind(i.fallback(), values));
    }
    if (o instanceof Operand.ListAppend a) {
      return new Operand.ListAppend(rebind(a.first(), values), rebind(a.second(), values));
    }
    if (o instanceof Operand.Arithmetic a) {
      return new Operand.Arithmetic(rebind(a.left(), values), a.plus(), rebind(a.right(), values));
    }
    return o; // paths and size(path) hold no values
  }
}
