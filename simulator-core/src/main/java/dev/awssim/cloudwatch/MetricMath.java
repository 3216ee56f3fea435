package dev.awssim.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;

/**
 * The subset of CloudWatch metric math that GetMetricData evaluates
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html):
 * arithmetic {@code + - * / ^} and unary minus over time series and scalars; comparisons {@code > <
 * >= <= == !=} and {@code AND OR} giving 1 or 0; arrays {@code [m1, m2]}; and the functions {@code
 * SUM AVG MIN MAX} (of one series: a scalar; of an array: a series), {@code ABS}, {@code RATE}
 * (change per second between consecutive points), {@code DIFF}, {@code FILL(m, value | REPEAT)} and
 * {@code IF(condition, a[, b])}. Two series combine at the timestamps both have, as AWS does; a
 * point that is not a finite number (a division by zero) is dropped. Any other function is an
 * error, as in AWS.
 */
final class MetricMath {
  /** A time series: values per period start (epoch seconds), at one period. */
  record Series(long period, TreeMap<Long, Double> points) {}

  private record Scalar(double value) {}

  private record Array(List<Series> series) {}

  private final Function<MetricStat, Series> source;
  private final Map<String, MetricDataQuery> byId;
  private final Instant start;
  private final Instant end;
  private final long origin;
  private final Map<String, Series> done = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final long defaultPeriod;

  /** GetMetricData's math: periods aligned to multiples of the period since the epoch. */
  MetricMath(MetricQueries queries, Map<String, MetricDataQuery> byId, Instant start, Instant end) {
    this(s -> queries.metricSeries(s, start, end), byId, start, end, 0);
  }

  /**
   * Math over the series {@code source} gives for each metric, with periods aligned to {@code
   * origin} (epoch seconds): an alarm counts its periods back from its evaluation instant.
   */
  MetricMath(
      Function<MetricStat, Series> source,
      Map<String, MetricDataQuery> byId,
      Instant start,
      Instant end,
      long origin) {
    this.source = source;
    this.byId = byId;
    this.start = start;
    this.end = end;
    this.origin = origin;
    long p = Long.MAX_VALUE;
    for (MetricDataQuery q : byId.values()) {
      if (q.metricStat() != null) {
        p = Math.min(p, q.metricStat().period());
      }
    }
    this.defaultPeriod = p == Long.MAX_VALUE ? 60 : p;
  }

  /** The series of query {@code id} (a scalar result is drawn at every period of the range). */
  Series series(String id) {
    Series s = done.get(id);
    if (s != null) {
      return s;
    }
    MetricDataQuery q = byId.get(id);
    if (q == null) {
      throw CloudWatchException.invalid("Unknown metric or expression id: " + id);
    }
    if (!evaluating.add(id)) {
      throw CloudWatchException.invalid("Circular reference involving expression " + id);
    }
    if (q.metricStat() != null) {
      s = source.apply(q.metricStat());
    } else {
      Object v;
      try {
        v = new Parser(q.expression()).parse();
      } catch (CloudWatchException e) {
        throw CloudWatchException.invalid("Error in expression '" + id + "': " + e.errorMessage());
      }
      long period = q.period() != null ? q.period() : defaultPeriod;
      if (v instanceof Scalar c) {
        s = grid(period, c.value());
      } else if (v instanceof Series ser) {
        s = ser;
      } else {
        throw CloudWatchException.invalid(
            "Error in expression '" + id + "': the expression must give one time series");
      }
    }
    evaluating.remove(id);
    done.put(id, s);
    return s;
  }

  /** The first period start of the range: {@code start} or before it, on the grid of origin. */
  private long first(long period) {
    return start.getEpochSecond() - Math.floorMod(start.getEpochSecond() - origin, period);
  }

  private Series grid(long period, double value) {
    TreeMap<Long, Double> points = new TreeMap<>();
    for (long t = first(period); t < end.getEpochSecond(); t += period) {
      points.put(t, value);
    }
    return new Series(period, points);
  }

  /** A recursive-descent parser that evaluates as it goes. */
  private final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Object parse() {
      Object v = or();
      skip();
      if (pos != text.length()) {
        throw error("Unexpected '" + text.charAt(pos) + "' at position " + pos);
      }
      return v;
    }

    private CloudWatchException error(String message) {
      return CloudWatchException.invalid(message);
    }

    private void skip() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private boolean eat(String token) {
      skip();
      if (text.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    private boolean eatWord(String word) {
      skip();
      int e = pos + word.length();
      if (text.startsWith(word, pos)
          && (e == text.length() || !Character.isLetterOrDigit(text.charAt(e)))) {
        pos = e;
        return true;
      }
      return false;
    }

    private Object or() {
      Object v = and();
      while (eat("||") || eatWord("OR")) {
        v = binary(v, and(), (a, b) -> a != 0 || b != 0 ? 1 : 0);
      }
      return v;
    }

    private Object and() {
      Object v = comparison();
      while (eat("&&") || eatWord("AND")) {
        v = binary(v, comparison(), (a, b) -> a != 0 && b != 0 ? 1 : 0);
      }
      return v;
    }

    private Object comparison() {
      Object v = additive();
      DoubleBinaryOperator op = null;
      if (eat(">=")) {
        op = (a, b) -> a >= b ? 1 : 0;
      } else if (eat("<=")) {
        op = (a, b) -> a <= b ? 1 : 0;
      } else if (eat("==")) {
        op = (a, b) -> a == b ? 1 : 0;
      } else if (eat("!=")) {
        op = (a, b) -> a != b ? 1 : 0;
      } else if (eat(">")) {
        op = (a, b) -> a > b ? 1 : 0;
      } else if (eat("<")) {
        op = (a, b) -> a < b ? 1 : 0;
      }
      return op == null ? v : binary(v, additive(), op);
    }

    private Object additive() {
      Object v = multiplicative();
      while (true) {
        if (eat("+")) {
          v = binary(v, multiplicative(), Double::sum);
        } else if (eat("-")) {
          v = binary(v, multiplicative(), (a, b) -> a - b);
        } else {
          return v;
        }
      }
    }

    private Object multiplicative() {
      Object v = unary();
      while (true) {
        if (eat("*")) {
          v = binary(v, unary(), (a, b) -> a * b);
        } else if (eat("/")) {
          v = binary(v, unary(), (a, b) -> a / b);
        } else {
          return v;
        }
      }
    }

    private Object unary() {
      if (eat("-")) {
        return binary(new Scalar(0), unary(), (a, b) -> a - b);
      }
      Object v = primary();
      if (eat("^")) {
        return binary(v, unary(), Math::pow);
      }
      return v;
    }

    private Object primary() {
      skip();
      if (pos >= text.length()) {
        throw error("Unexpected end of expression");
      }
      char c = text.charAt(pos);
      if (eat("(")) {
        Object v = or();
        expect(")");
        return v;
      }
      if (eat("[")) {
        List<Series> items = new ArrayList<>();
        do {
          Object v = or();
          if (v instanceof Series s) {
            items.add(s);
          } else if (v instanceof Array a) {
            items.addAll(a.series());
          } else {
            throw error("An array holds time series only");
          }
        } while (eat(","));
        expect("]");
        return new Array(items);
      }
      if (Character.isDigit(c) || c == '.') {
        int from = pos;
        while (pos < text.length()
            && (Character.isDigit(text.charAt(pos))
                || text.charAt(pos) == '.'
                || text.charAt(pos) == 'e'
                || text.charAt(pos) == 'E')) {
          pos++;
        }
        try {
          return new Scalar(Double.parseDouble(text.substring(from, pos)));
        } catch (NumberFormatException e) {
          throw error("Bad number " + text.substring(from, pos));
        }
      }
      if (Character.isLetter(c)) {
        int from = pos;
        while (pos < text.length()
            && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
          pos++;
        }
        String word = text.substring(from, pos);
        if (eat("(")) {
          return function(word);
        }
        if (Character.isLowerCase(word.charAt(0))) {
          return MetricMath.this.series(word);
        }
        throw error("Unknown symbol " + word);
      }
      throw error("Unexpected '" + c + "' at position " + pos);
    }

    private void expect(String token) {
      if (!eat(token)) {
        throw error("Expected '" + token + "' at position " + pos);
      }
    }

    private Object function(String name) {
      List<Object> args = new ArrayList<>();
      if (!eat(")")) {
        do {
          if (eatWord("REPEAT")) {
            args.add("REPEAT");
          } else {
            args.add(or());
          }
        } while (eat(","));
        expect(")");
      }
      return switch (name.toUpperCase(Locale.ROOT)) {
        case "SUM" -> aggregate(name, args, Aggregate.SUM);
        case "AVG" -> aggregate(name, args, Aggregate.AVG);
        case "MIN" -> aggregate(name, args, Aggregate.MIN);
        case "MAX" -> aggregate(name, args, Aggregate.MAX);
        case "ABS" -> binary(arg(name, args, 1, 0), new Scalar(0), (a, b) -> Math.abs(a));
        case "RATE" -> consecutive(seriesArg(name, args, 1, 0), true);
        case "DIFF" -> consecutive(seriesArg(name, args, 1, 0), false);
        case "FILL" -> fill(name, args);
        case "IF" -> ifThen(name, args);
        default -> throw error("Unknown function " + name);
      };
    }

    private Object arg(String name, List<Object> args, int arity, int i) {
      if (args.size() != arity) {
        throw error(name + " takes " + arity + " argument(s)");
      }
      return args.get(i);
    }

    private Series seriesArg(String name, List<Object> args, int arity, int i) {
      if (arg(name, args, arity, i) instanceof Series s) {
        return s;
      }
      throw error(name + " needs a time series");
    }

    private Object aggregate(String name, List<Object> args, Aggregate how) {
      Object a = arg(name, args, 1, 0);
      if (a instanceof Series s) {
        if (s.points().isEmpty()) {
          return new Series(s.period(), new TreeMap<>());
        }
        return new Scalar(how.of(s.points().values()));
      }
      if (a instanceof Array arr) {
        TreeMap<Long, List<Double>> at = new TreeMap<>();
        long period = Long.MAX_VALUE;
        for (Series s : arr.series()) {
          period = Math.min(period, s.period());
          s.points().forEach((t, v) -> at.computeIfAbsent(t, x -> new ArrayList<>()).add(v));
        }
        TreeMap<Long, Double> out = new TreeMap<>();
        at.forEach((t, vs) -> out.put(t, how.of(vs)));
        return new Series(period == Long.MAX_VALUE ? defaultPeriod : period, out);
      }
      throw error(name + " needs a time series or an array of them");
    }

    private Series consecutive(Series s, boolean perSecond) {
      TreeMap<Long, Double> out = new TreeMap<>();
      Map.Entry<Long, Double> prev = null;
      for (Map.Entry<Long, Double> e : s.points().entrySet()) {
        if (prev != null) {
          double d = e.getValue() - prev.getValue();
          out.put(e.getKey(), perSecond ? d / (e.getKey() - prev.getKey()) : d);
        }
        prev = e;
      }
      return new Series(s.period(), out);
    }

    private Series fill(String name, List<Object> args) {
      Series s = seriesArg(name, args, 2, 0);
      Object with = args.get(1);
      TreeMap<Long, Double> out = new TreeMap<>();
      Double last = null;
      for (long t = first(s.period()); t < end.getEpochSecond(); t += s.period()) {
        Double v = s.points().get(t);
        if (v != null) {
          last = v;
          out.put(t, v);
        } else if (with instanceof Scalar c) {
          out.put(t, c.value());
        } else if ("REPEAT".equals(with)) {
          if (last != null) {
            out.put(t, last);
          }
        } else {
          throw error("FILL's second argument is a number or REPEAT");
        }
      }
      return new Series(s.period(), out);
    }

    private Object ifThen(String name, List<Object> args) {
      if (args.size() != 2 && args.size() != 3) {
        throw error(name + " takes 2 or 3 arguments");
      }
      Object cond = args.get(0);
      Object a = args.get(1);
      Object b = args.size() == 3 ? args.get(2) : null;
      if (cond instanceof Scalar c) {
        return c.value() != 0 ? a : b == null ? new Series(defaultPeriod, new TreeMap<>()) : b;
      }
      if (!(cond instanceof Series cs)) {
        throw error(name + " needs a condition");
      }
      TreeMap<Long, Double> out = new TreeMap<>();
      cs.points()
          .forEach(
              (t, v) -> {
                Double r = valueAt(v != 0 ? a : b, t);
                if (r != null) {
                  out.put(t, r);
                }
              });
      return new Series(cs.period(), out);
    }

    private Double valueAt(Object v, long t) {
      if (v instanceof Scalar c) {
        return c.value();
      }
      if (v instanceof Series s) {
        return s.points().get(t);
      }
      return null;
    }

    private Object binary(Object x, Object y, DoubleBinaryOperator op) {
      if (x instanceof Scalar a && y instanceof Scalar b) {
        return new Scalar(op.applyAsDouble(a.value(), b.value()));
      }
      if (x instanceof Array a) {
        List<Series> out = new ArrayList<>();
        for (Series s : a.series()) {
          out.add((Series) binary(s, y, op));
        }
        return new Array(out);
      }
      if (y instanceof Array b) {
        List<Series> out = new ArrayList<>();
        for (Series s : b.series()) {
          out.add((Series) binary(x, s, op));
        }
        return new Array(out);
      }
      TreeMap<Long, Double> out = new TreeMap<>();
      if (x instanceof Series a && y instanceof Scalar b) {
        a.points().forEach((t, v) -> put(out, t, op.applyAsDouble(v, b.value())));
        return new Series(a.period(), out);
      }
      if (x instanceof Scalar a && y instanceof Series b) {
        b.points().forEach((t, v) -> put(out, t, op.applyAsDouble(a.value(), v)));
        return new Series(b.period(), out);
      }
      Series a = (Series) x;
      Series b = (Series) y;
      a.points()
          .forEach(
              (t, v) -> {
                Double w = b.points().get(t);
                if (w != null) {
                  put(out, t, op.applyAsDouble(v, w));
                }
              });
      return new Series(Math.min(a.period(), b.period()), out);
    }

    private void put(Map<Long, Double> out, long t, double v) {
      if (Double.isFinite(v)) {
        out.put(t, v);
      }
    }
  }

  private enum Aggregate {
    SUM,
    AVG,
    MIN,
    MAX;

    double of(Iterable<Double> values) {
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      int n = 0;
      for (double v : values) {
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        n++;
      }
      return switch (this) {
        case SUM -> sum;
        case AVG -> sum / n;
        case MIN -> min;
        case MAX -> max;
      };
    }
  }
}
