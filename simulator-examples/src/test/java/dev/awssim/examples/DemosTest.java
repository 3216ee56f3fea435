package dev.awssim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** Every demo with a fixed seed shows AWS's numbers; the launcher and the report behave. */
class DemosTest {
  private static DemoResult run(String demo, String... args) {
    Demo d = Demos.find(demo);
    return d.run(Demos.parse(d, args).options());
  }

  @Test
  void sqsVisibility_reappearsExactly30sLater_thenMovesToTheDlqAfter3Receives() {
    DemoResult result = run("sqs-visibility");
    assertEquals("31.000 s", result.value("message visible again at"));
    assertEquals("3", result.value("receives before the DLQ"));
    assertEquals("91.000 s", result.value("moved to the DLQ at"));
  }

  @Test
  void sqsFifo_stuckMessageBlocksOnlyItsGroup_orderHolds() {
    DemoResult result = run("sqs-fifo");
    assertEquals("21.000 s", result.value("A1 delivered again at"));
    assertEquals("4 of 4", result.value("B processed"));
    assertEquals("4 of 4", result.value("C processed"));
    assertEquals("kept", result.value("order within every group"));
  }

  @Test
  void kinesisHotShard_hotKeyThrottles_spreadKeysDoNot_sixthGetRecordsThrottled() {
    DemoResult result = run("kinesis-hot-shard", "--duration", "10");
    assertFalse(result.value("throttled, skewed keys").startsWith("0 "));
    assertTrue(result.value("throttled, spread keys").startsWith("0 of"));
    assertEquals(
        "ProvisionedThroughputExceededException", result.value("6th GetRecords in one second"));
  }

  @Test
  void dynamoDb_burstLasts100s_hotKeyCapsAt1000_gsiThrottlesBase() {
    DemoResult result = run("dynamodb-hot-partition", "--spike", "110");
    // 300 s x 100 WCU = 30,000 saved units cover 300 WCU/s over the rate for exactly 100 s.
    assertEquals("100 s", result.value("spike second of the first throttle"));
    assertEquals("200 throttled/s", result.value("hot key at 1,200 writes/s on 10,000 WCU"));
    assertTrue(result.value("base writes throttled by a 5-WCU GSI").contains("IndexWrite"));
  }

  @Test
  void apiGateway_rate10Burst5_fiveAtOnce_thenOnePer100ms() {
    DemoResult result = run("apigateway-burst", "--duration", "1");
    assertEquals("5", result.value("passed at t = 0"));
    // 5 at t = 0, then one per 100 ms for 1 s: 10 more.
    assertEquals("15", result.value("200 OK in all"));
    // Two customers at 20 requests/s for 10 s: gold (50/s, burst 100) gets all 200; free (2/s,
    // burst 5) is capped by its plan bucket, then by its quota of 20 per day.
    assertEquals("200", result.value("gold customer: 200 OK"));
    assertEquals("20", result.value("free customer: 200 OK"));
    assertTrue(Integer.parseInt(result.value("free customer: QUOTA_EXCEEDED")) > 0);
  }

  @Test
  void retries_sdkRetryModesSucceedWhereNoneAndNaiveRetriesLoseWrites() {
    DemoResult result = run("retries", "--requests", "200", "--wcu", "50");
    assertTrue(Integer.parseInt(result.value("NO_RETRIES: succeeded")) < 200);
    assertTrue(Integer.parseInt(result.value("IMMEDIATE_RETRIES: succeeded")) < 200);
    assertEquals("200", result.value("SDK_LEGACY: succeeded"));
    assertEquals("200", result.value("SDK_STANDARD: succeeded"));
  }

  @Test
  void retries_allFourStrategiesAreDrawnToTheEndOfTheRun() {
    DemoResult result = run("retries", "--requests", "200");
    DemoResult.Chart cumulative = result.charts().get(0);
    assertEquals(4, cumulative.series().size());
    for (DemoResult.Series series : cumulative.series()) {
      double lastX = series.points().get(series.points().size() - 1)[0];
      assertEquals(cumulative.endSeconds(), lastX, 1e-9, series.name());
      assertTrue(cumulative.endSeconds() > 1, "the run lasts more than a second");
    }
  }

  @Test
  void kinesisHotShard_countsOnlyTheRecordsOfTheTestPeriod() {
    DemoResult result = run("kinesis-hot-shard", "--duration", "10", "--rate", "2000");
    assertTrue(result.value("throttled, skewed keys").endsWith(" of 10,000"));
    assertEquals("0 of 10,000", result.value("throttled, spread keys"));
  }

  @Test
  void kinesisHotShard_rateBelow100_isSentExactly_notRoundedUp() {
    DemoResult result = run("kinesis-hot-shard", "--duration", "4", "--rate", "50");
    assertEquals("0 of 100", result.value("throttled, skewed keys"));
  }

  @Test
  void explanations_useTheOptionsOfTheRun() {
    DemoResult api = run("apigateway-burst", "--rate", "3", "--burst", "2", "--duration", "1");
    assertTrue(api.rule().contains("rate 3 and burst 2"), api.rule());
    assertFalse(api.rule().contains("rate 10"), api.rule());
    assertEquals("2", api.value("passed at t = 0"));
    DemoResult sqs = run("sqs-visibility", "--visibility-timeout", "10", "--duration", "60");
    assertTrue(sqs.rule().contains("here 10 s"), sqs.rule());
    assertEquals("11.000 s", sqs.value("message visible again at"));
  }

  @Test
  void apiGateway_tokenChartStartsWithAFullBucket_andTheTimelineMergesEqualRows() {
    DemoResult result = run("apigateway-burst", "--burst", "5", "--duration", "1");
    DemoResult.Series tokens = result.charts().get(0).series().get(0);
    assertEquals(0, tokens.points().get(0)[0]);
    assertEquals(5, tokens.points().get(0)[1]);
    // 5 admitted and 15 throttled at t = 0: two rows, not twenty.
    assertEquals(List.of("0", "5", "200 OK", "0"), result.timelineRows().get(0));
    assertEquals(List.of("0", "15", "429 THROTTLED", "0"), result.timelineRows().get(1));
  }

  @Test
  void sqsVisibility_marksTheRedeliveriesAt31And61s_andTheDlqAt91s() {
    DemoResult result = run("sqs-visibility");
    List<Double> marks =
        result.charts().get(0).marks().stream().map(DemoResult.Mark::seconds).toList();
    assertEquals(List.of(31.0, 61.0, 91.0), marks);
  }

  @Test
  void dynamoDb_chartsShowTheIdleSpell_theHotKey_andTheGsi() {
    DemoResult result = run("dynamodb-hot-partition", "--idle", "100", "--spike", "60");
    DemoResult.Chart writes = result.charts().get(0);
    assertEquals(160, writes.endSeconds());
    assertEquals(0, writes.series().get(0).points().get(0)[0]);
    DemoResult.Series burst = result.charts().get(1).series().get(0);
    // 100 idle seconds at 100 WCU save 10,000 WCU.
    assertEquals(10_000, burst.points().get(100)[1], 1e-6);
    assertEquals(4, result.charts().size());
    assertEquals(1_000, result.charts().get(2).limits().get(0).value());
  }

  @Test
  void sameSeed_sameResult() {
    assertEquals(
        run("retries", "--seed", "9").timelineRows(), run("retries", "--seed", "9").timelineRows());
  }

  @Test
  void launcher_rejectsUnknownDemosAndBadOptions_withExitCode2() {
    assertEquals(2, launch("no-such-demo").code);
    assertTrue(launch("no-such-demo").err.contains("unknown demo 'no-such-demo'"));
    assertEquals(2, launch("retries", "--bogus", "1").code);
    assertEquals(2, launch("retries", "--rate", "fast").code);
    assertEquals(2, launch("retries", "--rate").code);
    assertEquals(2, launch("retries", "--seed", "x").code);
    assertEquals(2, launch("retries", "--wcu", "-5").code);
  }

  @Test
  void launcher_optionsWithoutADemo_runTheTour() {
    Launch seedOnly = launch("--seed", "x");
    assertEquals(2, seedOnly.code);
    assertTrue(seedOnly.err.contains("--seed must be a whole number"), seedOnly.err);
    Launch bogus = launch("--bogus", "1");
    assertTrue(bogus.err.contains("unknown option --bogus for the tour"), bogus.err);
    assertFalse(bogus.err.contains("unknown demo"), bogus.err);
  }

  @Test
  void launcher_valuesAwsRefuses_giveAwsMessageInOneLine_exit2() {
    assertAwsRefusal(
        launch("sqs-visibility", "--visibility-timeout", "50000"),
        "InvalidAttributeValue",
        "43200");
    assertAwsRefusal(
        launch("sqs-visibility", "--max-receive-count", "0"), "InvalidAttributeValue", "1000");
    assertAwsRefusal(launch("dynamodb-hot-partition", "--wcu", "0"), "ValidationException", "1");
    assertAwsRefusal(launch("kinesis-hot-shard", "--shards", "0"), "Kinesis", "0");
    // Through the SDK client: the SDK's exception, reported the same way.
    assertAwsRefusal(launch("retries", "--wcu", "0"), "ValidationException", "1");
  }

  private static void assertAwsRefusal(Launch launch, String code, String number) {
    assertEquals(2, launch.code, launch.err);
    String first = launch.err.lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("error: ") && first.contains(code), launch.err);
    assertTrue(first.contains(number), launch.err);
    assertFalse(launch.err.contains("\tat ") || launch.err.contains("Exception in"), launch.err);
    assertEquals(2, launch.err.lines().count(), launch.err);
  }

  @Test
  void launcher_outOfRangeValues_areRefused_notClamped() {
    Launch hot = launch("kinesis-hot-shard", "--hot-percent", "150");
    assertEquals(2, hot.code);
    assertTrue(hot.err.contains("--hot-percent must be from 0 to 100, not 150"), hot.err);
    assertEquals(2, launch("sqs-fifo", "--messages", "0").code);
    assertEquals(2, launch("kinesis-hot-shard", "--duration", "1").code);
    assertEquals(2, launch("apigateway-burst", "--interval-ms", "0").code);
  }

  @Test
  void launcher_unwritableReport_isRefusedBeforeTheRun(@TempDir Path dir) {
    Launch missing = launch("sqs-fifo", "--report", dir.resolve("no/such/dir/x.html").toString());
    assertEquals(2, missing.code);
    assertTrue(missing.err.contains("does not exist"), missing.err);
    assertFalse(missing.out.contains("running"), missing.out);
    Launch directory = launch("sqs-fifo", "--report", dir.toString());
    assertEquals(2, directory.code);
    assertTrue(directory.err.contains("is a directory"), directory.err);
    assertEquals(2, launch("--report", dir.resolve("no/x.html").toString()).code);
  }

  @Test
  void launcher_extraArguments_areRefused() {
    Launch list = launch("list", "--seed", "7");
    assertEquals(2, list.code);
    assertTrue(list.err.contains("'list' takes no arguments"), list.err);
    assertEquals(2, launch("--help", "extra").code);
    assertEquals(2, launch("sqs-fifo", "extra").code);
  }

  @Test
  void launcher_showsProgressOnVirtualTime_forLongSimulatedRuns() {
    Launch run = launch("sqs-visibility", "--duration", "150");
    assertEquals(0, run.code);
    assertTrue(run.out.contains("simulated 30 s of 150 s"), run.out);
    assertTrue(run.out.contains("simulated 150 s of 150 s"), run.out);
  }

  @Test
  void launcher_helpExplainsEveryOption_andListNamesEveryDemo() {
    String help = launch("--help").out;
    for (Demo demo : Demos.ALL) {
      assertTrue(help.contains(demo.name()));
      demo.options().forEach(o -> assertTrue(help.contains("--" + o.name()), o.name()));
    }
    assertTrue(help.contains("--seed") && help.contains("--report"));
    assertTrue(help.contains("(default 80; from 0 to 100)"), help);
    assertTrue(help.contains("(AWS: 0-43200) (default 30)\n"), help);
    assertEquals(Demos.ALL.size(), launch("list").out.strip().split("\n").length);
  }

  @Test
  void report_isWellFormedXhtml_withAChartPerMetric_andNoExternalReferences(@TempDir Path dir)
      throws Exception {
    Path report = dir.resolve("tour.html");
    Launch tour = launch("tour", "--report", report.toString());
    assertEquals(0, tour.code, tour.err);
    String html = Files.readString(report);

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));

    NodeList charts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    long expectedCharts = Demos.ALL.stream().mapToLong(d -> chartsOf(d)).sum();
    assertEquals(expectedCharts, charts.getLength());
    for (int i = 0; i < charts.getLength(); i++) {
      Element svg = (Element) charts.item(i);
      NodeList shapes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "*");
      int series = 0;
      for (int s = 0; s < shapes.getLength(); s++) {
        Element shape = (Element) shapes.item(s);
        if (shape.getAttribute("class").equals("series")) {
          series++;
          String geometry =
              shape.getAttribute("d") + shape.getAttribute("points") + shape.getAttribute("cx");
          assertFalse(geometry.isBlank(), "a drawn series has its geometry");
        }
      }
      assertTrue(series > 0, "every chart draws a series");
    }
    assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    int docLinks = 0;
    for (int i = 0; i < all.getLength(); i++) {
      NamedNodeMap attributes = all.item(i).getAttributes();
      boolean anchor = all.item(i).getLocalName().equals("a");
      for (int a = 0; a < attributes.getLength(); a++) {
        String name = attributes.item(a).getNodeName();
        String value = attributes.item(a).getNodeValue();
        if (anchor && name.equals("href")) {
          // Links a reader may follow: the AWS documentation and the page's own sections.
          assertTrue(
              value.startsWith("https://docs.aws.amazon.com/") || value.startsWith("#"), value);
          docLinks += value.startsWith("https:") ? 1 : 0;
          continue;
        }
        if (!name.startsWith("xmlns")) {
          assertFalse(
              value.contains("http:") || value.contains("https:") || value.startsWith("//"),
              name + "=" + value);
        }
        assertFalse(name.equals("src") || name.equals("href"), name);
      }
    }
    assertEquals(Demos.ALL.size(), docLinks);
    assertFalse(html.contains("@import") || html.contains("url("));
  }

  private static long chartsOf(Demo demo) {
    Demos.Parsed parsed = Demos.parse(demo, demo.tourArguments().toArray(String[]::new));
    return demo.run(DemoOptions.of(demo, 42, parsed.values())).charts().size();
  }

  /** What one launch printed and returned. */
  record Launch(int code, String out, String err) {}

  private static Launch launch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Demos.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launch(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
