package dev.awssim.lambda;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code FilterCriteria} of an event source mapping: up to 5 patterns, ORed; a record that
 * matches none is not sent to the function
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html).
 *
 * <p>A pattern is a JSON object: its keys are ANDed, a nested object descends into the record, and
 * an array at a leaf holds rules of which one must match (for an array in the record, one of its
 * elements). The rules are those of the page's "Filter rule syntax": an exact string, number,
 * boolean or {@code null}; {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code
 * anything-but} (a value, a list, or {@code {"prefix": ...}}), {@code numeric} (one comparison or a
 * range), {@code exists}; and {@code $or} over whole sub-patterns. Anything else is refused with
 * AWS's {@code Invalid filter pattern definition.}
 *
 * <p>Why not the SNS filter policy matcher of simulator-core: it is package-private there, and its
 * rules differ (an SNS policy applies to message attributes or a body scope, has a 150-combination
 * limit and cidr matching, and a flat policy cannot descend into nested objects the way a Lambda
 * pattern descends into {@code body}, {@code data} or {@code dynamodb.NewImage}).
 */
final class EventFilter {
  static final EventFilter NONE = new EventFilter(List.of());

  private static final String OR = "$or";
  private static final Set<String> NUMERIC_OPERATORS = Set.of("=", "<", "<=", ">", ">=");

  /** A key absent from the record, told apart from a JSON {@code null}. */
  private static final Object MISSING = new Object();

  private final List<Map<String, Object>> patterns;

  private EventFilter(List<Map<String, Object>> patterns) {
    this.patterns = patterns;
  }

  /**
   * Parses and checks {@code FilterCriteria.Filters[].Pattern}.
   *
   * @throws LambdaException {@code InvalidParameterValueException} (400) for too many filters or a
   *     pattern that is not a valid filter rule
   */
  static EventFilter parse(List<String> texts) {
    if (texts.isEmpty()) {
      return NONE;
    }
    if (texts.size() > LambdaLimits.MAXIMUM_FILTERS) {
      throw LambdaErrors.invalidParameterValue(
          "The number of filters in FilterCriteria ("
              + texts.size()
              + ") exceeds the quota of "
              + LambdaLimits.MAXIMUM_FILTERS
              + " filters per event source mapping.");
    }
    List<Map<String, Object>> parsed = new ArrayList<>(texts.size());
    for (String text : texts) {
      if (text == null || text.length() > LambdaLimits.FILTER_PATTERN_MAXIMUM_LENGTH) {
        throw invalid();
      }
      Object json;
      try {
        json = Json.parse(text);
      } catch (IllegalArgumentException e) {
        throw invalid();
      }
      if (!(json instanceof Map<?, ?> map)) {
        throw invalid();
      }
      Map<String, Object> pattern = object(map);
      checkPattern(pattern);
      parsed.add(pattern);
    }
    return new EventFilter(List.copyOf(parsed));
  }

  private static LambdaException invalid() {
    return LambdaErrors.invalidParameterValue("Invalid filter pattern definition.");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** Whether {@code record} (the record as the filter sees it) matches at least one pattern. */
  boolean matches(Map<String, Object> record) {
    if (patterns.isEmpty()) {
      return true;
    }
    for (Map<String, Object> p : patterns) {
      if (matches(p, record)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- validation

  private static void checkPattern(Map<String, Object> pattern) {
    for (Map.Entry<String, Object> e : pattern.entrySet()) {
      Object value = e.getValue();
      if (e.getKey().equals(OR)) {
        if (!(value instanceof List<?> alternatives) || alternatives.size() < 2) {
          throw invalid();
        }
        for (Object a : alternatives) {
          if (!(a instanceof Map<?, ?> m) || m.isEmpty()) {
            throw invalid();
          }
          checkPattern(object(m));
        }
      } else if (value instanceof Map<?, ?> m) {
        if (m.isEmpty()) {
          throw invalid();
        }
        checkPattern(object(m));
      } else if (value instanceof List<?> rules) {
        if (rules.isEmpty()) {
          throw invalid();
        }
        for (Object r : rules) {
          checkRule(r);
        }
      } else {
        throw invalid(); // a leaf must be an array of rules
      }
    }
  }

  private static void checkRule(Object rule) {
    if (rule == null
        || rule instanceof String
        || rule instanceof BigDecimal
        || rule instanceof Boolean) {
      return;
    }
    if (!(rule instanceof Map<?, ?> m) || m.size() != 1) {
      throw invalid();
    }
    Map.Entry<?, ?> e = m.entrySet().iterator().next();
    Object v = e.getValue();
    switch ((String) e.getKey()) {
      case "prefix", "suffix", "equals-ignore-case" -> {
        if (!(v instanceof String)) {
          throw invalid();
        }
      }
      case "exists" -> {
        if (!(v instanceof Boolean)) {
          throw invalid();
        }
      }
      case "anything-but" -> checkAnythingBut(v);
      case "numeric" -> checkNumeric(v);
      default -> throw invalid();
    }
  }

  private static void checkAnythingBut(Object v) {
    if (v instanceof String || v instanceof BigDecimal) {
      return;
    }
    if (v instanceof List<?> l && !l.isEmpty()) {
      for (Object o : l) {
        if (!(o instanceof String) && !(o instanceof BigDecimal)) {
          throw invalid();
        }
      }
      return;
    }
    if (v instanceof Map<?, ?> m
        && m.size() == 1
        && m.get("prefix") instanceof String s
        && !s.isEmpty()) {
      return;
    }
    throw invalid();
  }

  /** {@code ["=", 5]}, {@code [">", 0]}, or a range {@code [">", 0, "<=", 5]}. */
  private static void checkNumeric(Object v) {
    if (!(v instanceof List<?> l) || (l.size() != 2 && l.size() != 4)) {
      throw invalid();
    }
    for (int i = 0; i < l.size(); i += 2) {
      if (!(l.get(i) instanceof String op)
          || !NUMERIC_OPERATORS.contains(op)
          || !(l.get(i + 1) instanceof BigDecimal)) {
        throw invalid();
      }
    }
    if (l.size() == 4) {
      String low = (String) l.get(0);
      String high = (String) l.get(2);
      if (!(low.equals(">") || low.equals(">="))
          || !(high.equals("<") || high.equals("<="))
          || ((BigDecimal) l.get(1)).compareTo((BigDecimal) l.get(3)) >= 0) {
        throw invalid();
      }
    }
  }

  // ---------------------------------------------------------------- matching

  private static boolean matches(Map<String, Object> pattern, Map<String, Object> record) {
    for (Map.Entry<String, Object> e : pattern.entrySet()) {
      Object p = e.getValue();
      if (e.getKey().equals(OR)) {
        boolean any = false;
        for (Object alternative : (List<?>) p) {
          if (matches(object((Map<?, ?>) alternative), record)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
        continue;
      }
      Object value = record.containsKey(e.getKey()) ? record.get(e.getKey()) : MISSING;
      if (p instanceof Map<?, ?> nested) {
        // A missing object is an empty one, so that {"exists": false} below it can match.
        Map<String, Object> inner = value == MISSING ? Map.of() : null;
        if (value instanceof Map<?, ?> m) {
          inner = object(m);
        }
        if (inner == null || !matches(object(nested), inner)) {
          return false;
        }
      } else if (!leaf((List<?>) p, value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean leaf(List<?> rules, Object value) {
    if (value == MISSING) {
      for (Object r : rules) {
        if (r instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("exists"))) {
          return true;
        }
      }
      return false;
    }
    List<?> values = value instanceof List<?> l ? l : Collections.singletonList(value);
    for (Object r : rules) {
      if (r instanceof Map<?, ?> m && m.containsKey("exists")) {
        if (Boolean.TRUE.equals(m.get("exists"))) {
          return true;
        }
        continue;
      }
      for (Object v : values) {
        if (rule(r, v)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean rule(Object r, Object v) {
    if (r == null) {
      return v == null;
    }
    if (r instanceof BigDecimal n) {
      return v instanceof BigDecimal x && x.compareTo(n) == 0;
    }
    if (!(r instanceof Map<?, ?> m)) {
      return r.equals(v); // a string or a boolean
    }
    Map.Entry<?, ?> e = m.entrySet().iterator().next();
    Object operand = e.getValue();
    return switch ((String) e.getKey()) {
      case "prefix" -> v instanceof String s && s.startsWith((String) operand);
      case "suffix" -> v instanceof String s && s.endsWith((String) operand);
      case "equals-ignore-case" ->
          v instanceof String s
              && s.toLowerCase(Locale.ROOT).equals(((String) operand).toLowerCase(Locale.ROOT));
      case "anything-but" -> anythingBut(operand, v);
      case "numeric" -> v instanceof BigDecimal x && numeric((List<?>) operand, x);
      default -> false;
    };
  }

  private static boolean anythingBut(Object operand, Object v) {
    if (!(v instanceof String) && !(v instanceof BigDecimal)) {
      return false;
    }
    if (operand instanceof Map<?, ?> m) {
      return v instanceof String s && !s.startsWith((String) m.get("prefix"));
    }
    List<?> listed = operand instanceof List<?> l ? l : List.of(operand);
    for (Object o : listed) {
      if (o instanceof BigDecimal n
          ? v instanceof BigDecimal x && x.compareTo(n) == 0
          : o.equals(v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean numeric(List<?> comparisons, BigDecimal x) {
    for (int i = 0; i < comparisons.size(); i += 2) {
      int c = x.compareTo((BigDecimal) comparisons.get(i + 1));
      boolean ok =
          switch ((String) comparisons.get(i)) {
            case "=" -> c == 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0; // ">="
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * A text as the filter reads it: a JSON object when the text is one (so that a pattern can
   * descend into it), else the text itself. AWS: a record whose body or data is not JSON does not
   * match a pattern that descends into it.
   */
  static Object parsedOrText(String text) {
    try {
      Object json = Json.parse(text);
      if (json instanceof Map<?, ?>) {
        return json;
      }
    } catch (IllegalArgumentException e) {
      // not JSON: the filter compares the text itself
    }
    return text;
  }
}
