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
  void retries_backoffWithJitterSucceedsWhereNoneAndNaiveFail() {
    DemoResult result = run("retries");
    assertEquals("50", result.value("NO_RETRIES: succeeded"));
    assertEquals("50", result.value("IMMEDIATE_RETRIES: succeeded"));
    assertTrue(Integer.parseInt(result.value("BACKOFF_WITH_JITTER: succeeded")) > 350);
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
    assertEquals(2, launch("retries", "--rate", "-5").code);
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
      NodeList lines = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline");
      assertTrue(lines.getLength() > 0);
      assertFalse(((Element) lines.item(0)).getAttribute("points").isBlank());
    }
    assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      NamedNodeMap attributes = all.item(i).getAttributes();
      for (int a = 0; a < attributes.getLength(); a++) {
        String name = attributes.item(a).getNodeName();
        String value = attributes.item(a).getNodeValue();
        if (!name.startsWith("xmlns")) {
          assertFalse(
              value.contains("http:") || value.contains("https:") || value.startsWith("//"),
              name + "=" + value);
        }
        assertFalse(name.equals("src") || name.equals("href"), name);
      }
    }
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
