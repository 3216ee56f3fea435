package dev.awssim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The Lambda demos show AWS's numbers: https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 */
class LambdaDemosTest {
  private static DemoResult run(String demo, String... args) {
    Demo d = Demos.find(demo);
    return d.run(Demos.parse(d, args).options());
  }

  private static long count(DemoResult result, String keyNumber) {
    return Long.parseLong(result.value(keyNumber).replace(",", ""));
  }

  private static List<double[]> points(DemoResult result, int chart, int series) {
    return result.charts().get(chart).series().get(series).points();
  }

  @Test
  void sqsLambda_reservedConcurrency5_capsExecutionsAt5_andTheBacklogGrows() {
    DemoResult result = run("sqs-lambda", "--duration", "120", "--reserved-concurrency", "5");
    assertEquals("5", result.value("worker: peak concurrent executions"));
    for (double[] p : points(result, 1, 0)) {
      assertTrue(p[1] <= 5, "concurrent executions at " + p[0] + " s: " + p[1]);
    }
    // 5 executions x 10 messages per 1 s invocation: at most 50 of the 100 messages/s.
    assertEquals(12_000, count(result, "orders: messages sent"));
    long processed = count(result, "orders: processed by the function");
    assertTrue(processed <= 5 * 10 * 120 && processed > 5 * 10 * 110, "processed " + processed);
    assertTrue(count(result, "worker: throttled batches (Throttles)") > 0);
    List<double[]> visible = points(result, 0, 0);
    assertTrue(visible.get(visible.size() - 1)[1] > visible.get(visible.size() / 2)[1]);
  }

  @Test
  void sqsLambda_reservedConcurrency10_capsAt10_andDrainsMore() {
    DemoResult five = run("sqs-lambda", "--duration", "60", "--reserved-concurrency", "5");
    DemoResult ten =
        run("sqs-lambda", "--duration", "60", "--reserved-concurrency", "10", "--rate", "200");
    assertEquals("10", ten.value("worker: peak concurrent executions"));
    assertTrue(
        count(ten, "orders: processed by the function")
            > count(five, "orders: processed by the function"));
  }

  @Test
  void sqsLambda_throttledReceivesCountTowardMaxReceiveCount_theDlqHoldsUnprocessedMessages() {
    DemoResult result = run("sqs-lambda", "--max-receive-count", "2");
    assertTrue(count(result, "orders-dlq: messages") > 0);
    assertEquals("0", result.value("orders-dlq: of them ever processed"));
  }

  @Test
  void sqsLambda_visibility30sUnder45sOfProcessing_processedThreeTimes_thenToTheDlqAt120s() {
    DemoResult result = run("sqs-lambda", "--duration", "10");
    // Sent at 30 s; visible again exactly each 30 s while an invocation still runs.
    assertEquals("3 times", result.value("payment-1: processed successfully"));
    assertEquals("120.000 s", result.value("payment-1: moved to the DLQ at"));
    List<Double> marks =
        result.charts().get(2).marks().stream().map(DemoResult.Mark::seconds).toList();
    assertEquals(List.of(30.0, 60.0, 90.0, 120.0), marks);
  }

  @Test
  void sqsLambda_visibilityLongerThanProcessing_processedOnce_neverInTheDlq() {
    DemoResult result = run("sqs-lambda", "--duration", "10", "--short-visibility", "46");
    assertEquals("1 times", result.value("payment-1: processed successfully"));
    assertEquals("never", result.value("payment-1: moved to the DLQ at"));
  }

  @Test
  void kinesisLambda_defaults_poisonBlocksItsShard_iteratorAgeClimbsOneSecondPerSecond() {
    DemoResult result = run("kinesis-lambda");
    assertEquals(
        "0", result.value("defaults: records of shardId-000000000000 processed after the poison"));
    assertEquals(
        "0.600 s", result.value("defaults: IteratorAge of shardId-000000000001 at the end"));
    List<double[]> blocked = points(result, 0, 0);
    int climbing = 0;
    for (int i = 1; i < blocked.size(); i++) {
      double[] before = blocked.get(i - 1);
      double[] after = blocked.get(i);
      if (before[0] > 12) {
        // Each retry ends later by as much as the record aged: 1 s per second.
        assertEquals(after[0] - before[0], after[1] - before[1], 1e-6);
        climbing++;
      }
    }
    assertTrue(climbing > 30, "retries of the blocked batch: " + climbing);
    assertEquals(
        result.value("defaults: IteratorAge of shardId-000000000000 at the end"),
        result.value("defaults: IteratorAge (CloudWatch Maximum)"));
  }

  @Test
  void kinesisLambda_bisect_isolatesThePoisonInLog2Steps_retriesIt_thenTheShardResumes() {
    DemoResult result = run("kinesis-lambda");
    assertEquals("16, 8, 4, 2, 1, 1, 1", result.value("bisect: failed batch sizes"));
    assertEquals("4", result.value("bisect: splits to isolate the poison"));
    assertEquals("2", result.value("bisect: retries of the poison record alone"));
    assertEquals(
        "RetryAttemptsExhausted, approximateInvokeCount 3, batchSize 1",
        result.value("bisect: on-failure record"));
    assertEquals("0", result.value("bisect: records lost besides the poison"));
  }

  @Test
  void kinesisLambda_batchOf32_fiveSplits_retriesFromOption() {
    DemoResult result = run("kinesis-lambda", "--batch-size", "32", "--retries", "0");
    assertEquals("5", result.value("bisect: splits to isolate the poison"));
    assertEquals("0", result.value("bisect: retries of the poison record alone"));
    assertTrue(result.value("bisect: on-failure record").contains("approximateInvokeCount 1"));
  }

  @Test
  void lambdaDemos_sameSeed_sameNumbers() {
    for (String demo : List.of("sqs-lambda", "kinesis-lambda")) {
      String first = fingerprint(run(demo, "--seed", "7", "--duration", "40"));
      assertEquals(first, fingerprint(run(demo, "--seed", "7", "--duration", "40")), demo);
      assertNotEquals("", first);
    }
  }

  /** Every number a result shows: key numbers, timeline and chart points. */
  private static String fingerprint(DemoResult result) {
    StringBuilder out = new StringBuilder();
    result.keyNumbers().forEach(k -> out.append(k).append('\n'));
    result.timelineRows().forEach(r -> out.append(r).append('\n'));
    for (DemoResult.Chart chart : result.charts()) {
      out.append(chart.title()).append(chart.marks()).append(chart.limits()).append('\n');
      for (DemoResult.Series series : chart.series()) {
        out.append(series.name());
        series
            .points()
            .forEach(p -> out.append(String.format(Locale.ROOT, " %s", Arrays.toString(p))));
        out.append('\n');
      }
    }
    return out.toString();
  }
}
