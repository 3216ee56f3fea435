package dev.awssim.dynamodb;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A Query's KeyConditionExpression and an UpdateItem's update and condition expressions, parsed on
 * every call and taken from the simulation's parsed-expression cache, in one run. In package {@code
 * dev.awssim.dynamodb} to reach the package-private parser and cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionCacheBenchmark {
  private static final String KEY_CONDITION = "pk = :pk AND begins_with(sk, :prefix)";
  private static final String UPDATE = "SET #c = if_not_exists(#c, :zero) + :one, updated = :now";
  private static final String CONDITION = "attribute_exists(pk) AND #s <> :closed";

  private final ExpressionCache cache = new ExpressionCache();
  private int next;

  private ExpressionContext queryValues() {
    return new ExpressionContext(
        Map.of(),
        Map.of(
            ":pk", AttributeValue.s("customer#" + (next++ & 1023)),
            ":prefix", AttributeValue.s("order#")));
  }

  private static ExpressionContext updateValues() {
    return new ExpressionContext(
        Map.of("#c", "count", "#s", "status"),
        Map.of(
            ":zero", AttributeValue.n(0),
            ":one", AttributeValue.n(1),
            ":now", AttributeValue.n(1_700_000_000),
            ":closed", AttributeValue.s("CLOSED")));
  }

  /** The key condition parsed on every call (tokens included). */
  @Benchmark
  public Object keyConditionParsed() {
    return ExpressionParser.condition(KEY_CONDITION, "KeyConditionExpression", queryValues());
  }

  /** The key condition from the cache, bound to this call's values. */
  @Benchmark
  public Object keyConditionCached() {
    return cache.condition(KEY_CONDITION, "KeyConditionExpression", queryValues());
  }

  /** An update and a condition expression parsed on every call. */
  @Benchmark
  public Object updateParsed() {
    ExpressionContext ctx = updateValues();
    ExpressionParser.update(UPDATE, ctx);
    return ExpressionParser.condition(CONDITION, "ConditionExpression", ctx);
  }

  /** The same from the cache. */
  @Benchmark
  public Object updateCached() {
    ExpressionContext ctx = updateValues();
    cache.update(UPDATE, ctx);
    return cache.condition(CONDITION, "ConditionExpression", ctx);
  }
}
