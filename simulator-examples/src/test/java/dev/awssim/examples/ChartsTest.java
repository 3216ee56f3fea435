package dev.awssim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every chart of every demo is right for several parameter sets, not only the defaults. */
class ChartsTest {
  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("sqs-visibility", List.of()),
        Arguments.of("sqs-visibility", List.of("--visibility-timeout", "7", "--duration", "45")),
        Arguments.of("sqs-visibility", List.of("--max-receive-count", "1", "--duration", "5")),
        Arguments.of("sqs-fifo", List.of()),
        Arguments.of("sqs-fifo", List.of("--visibility-timeout", "3", "--messages", "9")),
        Arguments.of("kinesis-hot-shard", List.of("--duration", "6")),
        Arguments.of(
            "kinesis-hot-shard", List.of("--shards", "1", "--rate", "50", "--duration", "3")),
        Arguments.of(
            "kinesis-hot-shard", List.of("--shards", "8", "--rate", "9000", "--duration", "5")),
        Arguments.of("dynamodb-hot-partition", List.of("--idle", "30", "--spike", "20")),
        Arguments.of(
            "dynamodb-hot-partition",
            List.of("--wcu", "7", "--rate", "3", "--idle", "0", "--spike", "3")),
        Arguments.of("apigateway-burst", List.of()),
        Arguments.of("apigateway-burst", List.of("--rate", "3", "--burst", "2", "--duration", "7")),
        Arguments.of(
            "apigateway-burst", List.of("--rate", "0", "--requests", "0", "--interval-ms", "333")),
        Arguments.of("retries", List.of("--requests", "60", "--wcu", "20")),
        Arguments.of("retries", List.of("--requests", "30", "--wcu", "1000", "--latency-ms", "0")));
  }

  private static DemoResult run(String demo, List<String> args) {
    Demo d = Demos.find(demo);
    return d.run(Demos.parse(d, args.toArray(String[]::new)).options());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void everyChart_coversTheRun_withRoundTicks_andItsLimitsInView(String demo, List<String> args) {
    for (DemoResult.Chart chart : run(demo, args).charts()) {
      String name = demo + " " + args + ": " + chart.title();
      Axis x = HtmlReport.xAxis(chart);
      assertTrue(x.max() >= chart.endSeconds(), name + ": the x axis reaches the end of the run");
      assertTrue(
          chart.endSeconds() <= 0 || x.max() - chart.endSeconds() < x.step(),
          name + ": the x axis ends within one tick of the run, not far beyond it");
      assertRound(x, name);

      Axis y = HtmlReport.yAxis(chart);
      double top = 0;
      for (DemoResult.Series series : chart.series()) {
        assertTrue(
            !series.points().isEmpty() || series.style() == DemoResult.Style.MARKERS,
            name + ": " + series.name() + " has points");
        for (double[] p : series.points()) {
          top = Math.max(top, p[1]);
          assertTrue(p[0] >= 0 && p[0] <= x.max(), name + ": point inside the x axis");
        }
      }
      for (DemoResult.Limit limit : chart.limits()) {
        top = Math.max(top, limit.value());
      }
      assertTrue(y.max() >= top, name + ": the y axis holds every point and limit");
      assertTrue(top <= 0 || y.max() - top < y.step(), name + ": the y axis ends near the data");
      assertRound(y, name);
      assertFalse(chart.yLabel().isBlank(), name + ": the y axis has a title");
    }
  }

  private static void assertRound(Axis axis, String name) {
    double mantissa = axis.step() / Math.pow(10, Math.floor(Math.log10(axis.step())));
    assertTrue(
        Math.abs(mantissa - 1) < 1e-9
            || Math.abs(mantissa - 2) < 1e-9
            || Math.abs(mantissa - 5) < 1e-9,
        name + ": step " + axis.step() + " is 1, 2 or 5 times a power of ten");
    for (double tick : axis.ticks()) {
      assertEquals(
          Math.rint(tick / axis.step()), tick / axis.step(), 1e-6, name + ": tick " + tick);
    }
    assertTrue(axis.ticks().size() <= Axis.MAX_INTERVALS + 1, name + ": not too many ticks");
  }

  @Test
  void axis_roundsToNiceSteps_endingLessThanAStepAboveTheData() {
    assertEquals(new Axis(30_000, 5_000), Axis.covering(30_000));
    assertEquals(new Axis(35_000, 5_000), Axis.covering(30_001));
    assertEquals(new Axis(30_000, 5_000), Axis.covering(29_700));
    assertEquals(new Axis(20, 5), Axis.covering(20));
    assertEquals(new Axis(150, 50), Axis.covering(150));
    assertEquals(new Axis(1_000, 200), Axis.covering(1_000));
    assertEquals(new Axis(6, 1), Axis.covering(5.5));
    assertEquals(List.of(0.0, 5.0, 10.0, 15.0, 20.0), Axis.covering(20).ticks());
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Axis.covering(0).ticks());
  }

  @Test
  void numbers_areWrittenOneWay() {
    assertEquals("14,913", Numbers.number(14_913));
    assertEquals("7,039", Numbers.count(7_039));
    assertEquals("0.25", Numbers.number(0.25));
    assertEquals("1,234.5", Numbers.number(1_234.5));
    assertEquals("-0.5", Numbers.number(-0.5));
  }

  @Test
  void terminalChart_holdsRunningTotals_sharesTheTimeAxis_andAlignsLongLabels() {
    DemoResult.Series early =
        new DemoResult.Series(
            "a running total whose label is much longer than thirty-two characters",
            List.of(new double[] {0, 0}, new double[] {1, 5}, new double[] {2, 10}));
    DemoResult.Series late =
        new DemoResult.Series("short", List.of(new double[] {8, 10}, new double[] {10, 10}));
    DemoResult.Chart chart =
        DemoResult.Chart.of("totals", "requests", 10, List.of(early, late)).limit("cap", 10);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TextReport.printChart(chart, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    String first = lines.get(1);
    String second = lines.get(2);
    int start = 2 + TextReport.MAX_LABEL + 1;
    String earlyBars = first.substring(start, start + TextReport.WIDTH);
    String lateBars = second.substring(start, start + TextReport.WIDTH);
    // The running total reaches 10 at t = 2 s and holds it to the end: no blank after it.
    assertEquals('█', earlyBars.charAt(TextReport.WIDTH - 1), first);
    assertFalse(earlyBars.substring(TextReport.WIDTH / 4).contains(" "), first);
    // The late series starts at 8 s of 10: the first 80% of its row is empty.
    assertTrue(lateBars.substring(0, TextReport.WIDTH * 8 / 10 - 1).isBlank(), second);
    assertEquals('█', lateBars.charAt(TextReport.WIDTH - 1), second);
    assertTrue(lines.get(3).contains("cap: 10"), lines.get(3));
  }
}
