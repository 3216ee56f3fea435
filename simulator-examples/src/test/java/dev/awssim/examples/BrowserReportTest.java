package dev.awssim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Every report, opened in headless Chromium (Debian's chromium and chromium-driver): each chart is
 * drawn, each line reaches across the run, tick labels do not collide, the page does not overflow,
 * and a full-page screenshot lands in {@code target/screenshots} for a person to look at.
 *
 * <p>Without Chromium the test fails when {@code CI} or {@code AWSSIM_REQUIRE_BROWSER} is set (CI
 * installs it: see {@code .ci/run}); elsewhere it is skipped with the reason.
 */
class BrowserReportTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Held, so that the level set on it stays: Selenium's CDP version notice is noise here. */
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  private static ChromeDriver driver;

  @BeforeAll
  static void startChromium(@TempDir Path profile) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why =
          "headless Chromium is needed to check the HTML reports: apt-get install -y chromium"
              + " chromium-driver";
      if (System.getenv("CI") != null || System.getenv("AWSSIM_REQUIRE_BROWSER") != null) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    SELENIUM_LOG.setLevel(Level.SEVERE);
    Files.createDirectories(SCREENSHOTS);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1200,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void everyDemoReport_rendersItsChartsInChromium(@TempDir Path dir) throws IOException {
    Set<String> titles = new HashSet<>();
    for (Demo demo : Demos.ALL) {
      Path report = dir.resolve(demo.name() + ".html");
      launch(demo.name(), "--report", report.toString());
      open(report);
      String title = (String) js("return document.title;");
      assertTrue(title.contains(demo.title()), title);
      assertTrue(titles.add(title), "every page has its own title: " + title);
      checkPage(demo.name());
      screenshot(demo.name());
    }
  }

  @Test
  void reportsWithOtherOptions_renderInChromium(@TempDir Path dir) throws IOException {
    List<List<String>> runs =
        List.of(
            List.of("apigateway-burst", "--rate", "3", "--burst", "2", "--duration", "7"),
            List.of("kinesis-hot-shard", "--shards", "1", "--rate", "1500", "--duration", "3"),
            List.of("sqs-visibility", "--visibility-timeout", "7", "--duration", "40"));
    for (List<String> run : runs) {
      String name = String.join("", run).replace("--", "_");
      Path report = dir.resolve(name + ".html");
      List<String> args = new java.util.ArrayList<>(run);
      args.add("--report");
      args.add(report.toString());
      launch(args.toArray(String[]::new));
      open(report);
      checkPage(name);
      screenshot(name);
    }
  }

  @Test
  void tourReport_hasAContentsList_andRendersInChromium(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("tour.html");
    launch("tour", "--report", report.toString());
    open(report);
    assertEquals((long) Demos.ALL.size(), js("return document.querySelectorAll('nav a').length;"));
    checkPage("tour");
    screenshot("tour");
    Files.write(SCREENSHOTS.resolve("tour-top.png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void retriesReport_drawsAllFourLinesAcrossTheRun(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("retries.html");
    launch("retries", "--requests", "150", "--report", report.toString());
    open(report);
    @SuppressWarnings("unchecked")
    List<Number> widths =
        (List<Number>)
            js(
                "return Array.from(document.querySelectorAll('svg.chart')[0]"
                    + ".querySelectorAll('.series')).map(e => e.getBBox().width);");
    assertEquals(4, widths.size());
    double plot = HtmlReport.W - HtmlReport.LEFT - HtmlReport.RIGHT;
    for (Number width : widths) {
      // Each line runs from t = 0 to the end of the run: at least 80% of the plot's width.
      assertTrue(width.doubleValue() > 0.8 * plot, "line width " + width + " of " + plot);
    }
  }

  private static void checkPage(String name) {
    assertEquals(
        0L,
        js(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
                + " ? 1 : 0;"),
        name + ": the page overflows sideways");
    long charts = (Long) js("return document.querySelectorAll('svg.chart').length;");
    assertTrue(charts > 0, name + ": no charts");
    for (int i = 0; i < charts; i++) {
      String chart = "document.querySelectorAll('svg.chart')[" + i + "]";
      long drawn =
          (Long)
              js(
                  "return Array.from("
                      + chart
                      + ".querySelectorAll('.series')).filter(e => { const b = e.getBBox();"
                      + " return b.width > 0 || b.height > 0; }).length;");
      assertTrue(drawn > 0, name + ": chart " + i + " draws nothing");
      long overlaps =
          (Long)
              js(
                  "const t = Array.from("
                      + chart
                      + ".querySelectorAll('text.tick')).map(e => e.getBBox()); let n = 0;"
                      + " for (let a = 0; a < t.length; a++) for (let b = a + 1; b < t.length; b++)"
                      + " { const p = t[a], q = t[b]; if (p.x < q.x + q.width && q.x < p.x + p.width"
                      + " && p.y < q.y + q.height && q.y < p.y + p.height) n++; } return n;");
      assertEquals(0L, overlaps, name + ": chart " + i + " has tick labels on top of each other");
      long titles = (Long) js("return " + chart + ".querySelectorAll('.axis-title').length;");
      assertEquals(2L, titles, name + ": chart " + i + " needs both axis titles");
    }
    long links =
        (Long) js("return document.querySelectorAll('a[href^=\"https://docs.aws\"]').length;");
    assertTrue(links > 0, name + ": the AWS documentation is a link");
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static void open(Path report) {
    driver.get(report.toUri().toString());
  }

  private static void screenshot(String name) throws IOException {
    long height = (Long) js("return document.documentElement.scrollHeight;");
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", 1200, "height", height, "scale", 1)));
    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
    assertFalse(png.length == 0);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  private static void launch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Demos.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
  }
}
