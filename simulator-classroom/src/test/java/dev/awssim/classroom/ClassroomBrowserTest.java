package dev.awssim.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The classroom page in headless Chromium (Debian's chromium and chromium-driver) at 1280x720: each
 * scenario loaded, stepped and played, a limit changed through the AWS wire protocol, what the page
 * shows asserted against AWS's numbers, a screenshot per scenario in {@code target/screenshots}; a
 * paused run does not move; two tabs and a reload see the same run; bad values show the AWS error
 * on the page.
 *
 * <p>Without Chromium the test fails when {@code CI} or {@code AWSSIM_REQUIRE_BROWSER} is set (CI
 * installs it: see {@code .ci/run}); elsewhere it is skipped with the reason.
 */
class ClassroomBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Held, so that the level set on it stays: Selenium's CDP version notice is noise here. */
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  private static ChromeDriver driver;
  private static ClassroomServer classroom;

  @BeforeAll
  static void start(@TempDir Path profile) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why =
          "headless Chromium is needed to check the classroom page: apt-get install -y chromium"
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
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,720",
        "--user-data-dir=" + profile.toAbsolutePath());
    driver = new ChromeDriver(service, options);
    classroom = ClassroomServer.start(0, 42);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (classroom != null) {
      classroom.close();
    }
  }

  /**
   * Waits, in the browser, until the JavaScript {@code condition} holds (at most 20 s): the page
   * polls it, so the test neither sleeps nor reads the wall clock.
   */
  private static void waitUntil(String condition, java.util.function.Supplier<String> message) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    try {
      driver.executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "const check = () => { let ok = false; try { ok = ("
              + condition
              + "); } catch (e) {} if (ok) { done(true); } else { setTimeout(check, 25); } };"
              + "check();");
    } catch (ScriptTimeoutException e) {
      fail(message.get(), e);
    }
  }

  private static String text(String id) {
    Object t =
        driver.executeScript(
            "const e = document.getElementById(arguments[0]); return e ? e.textContent : '';", id);
    return String.valueOf(t);
  }

  private static String js(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static void waitForText(String id, String expected) {
    waitUntil(
        "document.getElementById(" + js(id) + ").textContent.includes(" + js(expected) + ")",
        () -> "#" + id + " should contain '" + expected + "' but shows '" + text(id) + "'");
  }

  private static long frames() {
    Object f = ((JavascriptExecutor) driver).executeScript("return document.body.dataset.frames;");
    return f == null ? 0 : Long.parseLong(f.toString());
  }

  private static void type(String id, String value) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  private static void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  private static void open() {
    driver.get(classroom.endpoint() + "/");
    waitUntil("Number(document.body.dataset.frames || 0) > 0", () -> "no frame arrived");
  }

  /** Loads {@code scenario} from the page's own controls and waits for its first frame. */
  private static void load(String scenario, Map<String, String> options) {
    open();
    driver.executeScript(
        "const s = document.getElementById('scenario'); s.value = arguments[0];"
            + " s.dispatchEvent(new Event('change'));",
        scenario);
    options.forEach((k, v) -> type("opt-" + k, v));
    type("seed", "42");
    click("load");
    waitForText("result", "Loaded " + scenario);
    waitForText("clock", "t = 0.000 s");
  }

  private static void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void kinesisHotShard_stepPlayAndChangeShards_throttlesAt1000RecordsPerSecond()
      throws IOException {
    load("kinesis-hot-shard", Map.of("shards", "1", "rate", "1500", "duration", "6"));
    assertTrue(text("rule").contains("1,000 records/s"), text("rule"));

    click("step1");
    waitForText("clock", "t = 1.000 s");
    // One shard takes 1,000 records/s. The producer sends 15 records every 10 ms (1,500/s): 66
    // ticks put 990, the 67th (at 0.670 s) puts the 1,000th and is throttled after it.
    waitForText("first-throttle", "First throttle at t = 0.670 s");
    waitForText("chart-0", "shardId-000000000000 (1,000)");
    assertTrue(text("chart-0").contains("1,000 records/s per shard: 1,000"), text("chart-0"));
    assertTrue(text("why").contains("Shard shardId-000000000000"), text("why"));
    assertTrue(text("why").contains("1,000 records/s"), text("why"));

    // A shard count AWS refuses: the AWS error, on the page; the command a student would type.
    type("action-1-target", "0");
    click("action-1");
    waitForText("error", "HTTP 400");
    assertTrue(
        text("cli")
            .endsWith(
                "kinesis update-shard-count --stream-name clicks --target-shard-count 0"
                    + " --scaling-type UNIFORM_SCALING"),
        text("cli"));
    type("action-1-target", "2");
    click("action-1");
    waitForText("result", "UpdateShardCount OK");

    // Play runs to the run's end and stops there, where the terminal demo stops.
    type("speed", "100");
    click("play");
    waitForText("clock", "t = 6.000 s");
    waitForText("status", "paused");
    screenshot("classroom-kinesis-hot-shard");
  }

  @Test
  void dynamoDbHotPartition_play_burstSpentThenThrottles_andUpdateTableMovesTheLimit()
      throws IOException {
    load(
        "dynamodb-hot-partition", Map.of("wcu", "100", "rate", "200", "idle", "10", "spike", "30"));
    waitForText("chart-0", "provisioned WCU: 100");
    assertTrue(text("chart-1").contains("burst cap: 300 s x provisioned WCU: 30,000"));

    type("speed", "100");
    click("play");
    waitForText("clock", "t = 40.000 s");
    waitForText("status", "paused");
    // Idle 10 s at 100 WCU saves 1,000 WCU of burst; 200 writes/s spend it at 100 WCU/s over the
    // provisioned rate, so it lasts 10 s: the first write is throttled at 10 + 10 = 20 s.
    waitForText("first-throttle", "First throttle at t = 20.000 s");
    assertTrue(text("why").contains("Table orders, partition"), text("why"));
    assertTrue(text("why").contains("100 provisioned WCU"), text("why"));

    type("action-0-wcu", "0");
    click("action-0");
    waitForText("error", "ValidationException");
    assertTrue(text("cli").contains("dynamodb update-table --table-name orders"), text("cli"));
    type("action-0-wcu", "300");
    click("action-0");
    waitForText("result", "UpdateTable OK");
    waitForText("chart-0", "provisioned WCU: 300");
    screenshot("classroom-dynamodb-hot-partition");
  }

  @Test
  void sqsVisibility_shorterTimeoutMidRun_movesToTheDlqAt51s_andBadTimeoutShowsTheAwsError()
      throws IOException {
    load(
        "sqs-visibility",
        Map.of("visibility-timeout", "30", "max-receive-count", "3", "duration", "100"));
    assertTrue(text("rule").contains("maxReceiveCount (here 3)"), text("rule"));
    waitForText("chart-0", "maxReceiveCount: 3");

    // The consumer polls once a second: the first receive is at 1 s, hidden for 30 s.
    click("step1");
    waitForText("clock", "t = 1.000 s");
    waitForText("chart-1", "in flight (received, not deleted) (1)");

    // AWS takes 0 to 43,200 s (12 hours): 50,000 is InvalidAttributeValue, on the page.
    type("action-2-seconds", "50000");
    click("action-2");
    waitForText("error", "InvalidAttributeValue");
    assertTrue(
        text("cli").contains("sqs set-queue-attributes --queue-url ")
            && text("cli").endsWith("--attributes VisibilityTimeout=50000"),
        text("cli"));
    type("action-2-seconds", "10");
    click("action-2");
    waitForText("result", "SetQueueAttributes OK");

    // The message received at 1 s keeps its 30 s: visible again at 31 s, received (2); then 10 s
    // each: received at 41 s (3), and the receive at 51 s would be the 4th of maxReceiveCount 3,
    // so it moves the message to orders-dlq instead (with 30 s throughout: 91 s).
    type("speed", "100");
    click("play");
    waitForText("clock", "t = 100.000 s");
    waitForText("first-throttle", "First move to the DLQ at t = 51.000 s");
    waitForText("why-title", "Why redelivered, why moved");
    assertTrue(text("why").contains("maxReceiveCount = 3"), text("why"));
    assertTrue(text("why").contains("orders-dlq"), text("why"));
    waitForText("chart-1", "in orders-dlq (1)");
    screenshot("classroom-sqs-visibility");
  }

  @Test
  void sqsFifo_stuckA1_redeliveredAt21s_otherGroupsFlow_sendAndCrashThroughTheWire()
      throws IOException {
    load("sqs-fifo", Map.of("visibility-timeout", "20", "messages", "4", "duration", "40"));
    type("speed", "100");
    click("play");
    waitForText("clock", "t = 40.000 s");
    // A1 hangs at 1 s; with a 20 s visibility timeout group A waits until 21 s.
    waitForText("first-throttle", "First redelivery at t = 21.000 s");
    assertTrue(text("why").contains("visibility timeout (20 s)"), text("why"));
    assertTrue(text("why").contains("MessageGroupId"), text("why"));

    // A student's message in a new group, then a consumer that receives it and crashes.
    click("action-0");
    waitForText("result", "SendMessage OK");
    assertTrue(text("cli").endsWith("--message-body D1 --message-group-id D"), text("cli"));
    click("action-1");
    waitForText("result", "received D1 (receive 1) and crashed");
    waitForText("chart-1", "in flight (received, not deleted) (1)");
    screenshot("classroom-sqs-fifo");
  }

  @Test
  void apiGateway_burst5Rate10_throttlesAtOnce_andUpdateStageMovesTheBurstLine()
      throws IOException {
    load(
        "apigateway-burst",
        Map.of("rate", "10", "burst", "5", "requests", "20", "interval-ms", "50", "duration", "3"));
    waitForText("chart-0", "burst (bucket size): 5");
    waitForText("chart-1", "rate limit: 10");

    // 20 requests at 0 s against a bucket of 5: the 6th is the first 429, at 0 s.
    click("step1");
    waitForText("clock", "t = 1.000 s");
    waitForText("first-throttle", "First throttle at t = 0.000 s");
    assertTrue(text("why").contains("429 Too Many Requests"), text("why"));
    assertTrue(text("why").contains("at most 5 tokens (burst) and refills at 10 per second"));

    type("action-1-burst", "-1");
    click("action-1");
    waitForText("error", "BadRequestException");
    assertTrue(text("cli").contains("apigateway update-stage --rest-api-id "), text("cli"));
    type("action-1-rate", "40");
    type("action-1-burst", "20");
    click("action-1");
    waitForText("result", "UpdateStage OK");
    waitForText("chart-0", "burst (bucket size): 20");
    waitForText("chart-1", "rate limit: 40");

    // A changed bucket keeps the tokens it holds (no fresh burst) and refills at the new rate: 40
    // per second against the scenario's 20 requests a second gains 20 tokens a second, so a
    // second later it holds about 20 (its new burst) and 10 requests all pass.
    click("step1");
    waitForText("clock", "t = 2.000 s");
    type("action-0-count", "10");
    click("action-0");
    waitForText("result", "10 x 200");
    screenshot("classroom-apigateway-burst");
  }

  /** The rows of the page's progress table, cells joined by " | ". */
  private static String progressRow(String first) {
    Object row =
        driver.executeScript(
            "const r = [...document.querySelectorAll('#progress tr')]"
                + ".map((tr) => [...tr.children].map((c) => c.textContent).join(' | '))"
                + ".find((x) => x.startsWith(arguments[0])); return r || '';",
            first);
    return String.valueOf(row);
  }

  @Test
  void retries_playToTheEnd_sdkModesWriteEverything_andChangeWcuGoesThroughTheWire()
      throws IOException {
    load("retries", Map.of("wcu", "50", "requests", "200", "latency-ms", "5"));
    waitForText("chart-0", "provisioned WCU: 50");
    assertTrue(text("rule").contains("throttling waits from 500 ms with half jitter"));

    click("step1");
    waitForText("clock", "t = 1.000 s");
    // Each writer starts at 5 ms and sends a write every 5 ms (its latency) from 10 ms: 50 writes
    // (10 ms to 255 ms) take the table's 50 WCU of the first second, the 51st, at 260 ms, is
    // throttled.
    waitForText("first-throttle", "First throttled attempt at t = 0.260 s");
    assertTrue(text("why").contains("50 provisioned WCU"), text("why"));
    assertTrue(text("why").contains("ProvisionedThroughputExceededException"), text("why"));

    // A WCU AWS refuses: the AWS error on the page, and the loop a student would type.
    type("action-0-wcu", "0");
    click("action-0");
    waitForText("error", "ValidationException");
    assertTrue(
        text("cli")
            .startsWith(
                "for t in no-retries immediate-retries sdk-legacy sdk-standard; do aws"
                    + " --endpoint-url "),
        text("cli"));
    assertTrue(text("cli").contains("dynamodb update-table --table-name orders-$t"), text("cli"));

    // Played to the end: SDK_LEGACY, the last writer, ends 3.775 s after it started (at 5 ms),
    // where the terminal demo ends, with the terminal demo's counts.
    type("speed", "100");
    click("play");
    waitForText("clock", "t = 3.780 s");
    waitForText("status", "paused");
    assertEquals(
        "SDK_LEGACY | 200 of 200 | 205 | 5 | 3.775 s | 1,045 ms", progressRow("SDK_LEGACY"));
    assertTrue(progressRow("NO_RETRIES").startsWith("NO_RETRIES | 52 of 200 | 200 | 148 |"));
    assertTrue(progressRow("SDK_STANDARD").startsWith("SDK_STANDARD | 200 of 200 | 202 | 2 |"));
    waitForText("chart-1", "SDK_LEGACY");

    type("action-0-wcu", "100");
    click("action-0");
    waitForText("result", "UpdateTable OK: the four tables at 100 WCU");
    waitForText("chart-0", "provisioned WCU: 100");
    assertTrue(!text("chart-0").contains("provisioned WCU: 50"), text("chart-0"));
    screenshot("classroom-retries");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sqs-visibility",
        "sqs-fifo",
        "kinesis-hot-shard",
        "dynamodb-hot-partition",
        "apigateway-burst",
        "retries"
      })
  void everyScenario_pausedStaysPut_aSecondTabAndAReloadSeeTheSameRun_badOptionShowsTheError(
      String scenario) {
    load(scenario, Map.of());
    click("step1");
    waitForText("clock", "t = 1.000 s");
    long seen = frames();
    // Heartbeat frames keep coming while paused; across three of them time stays put.
    waitUntil("Number(document.body.dataset.frames) >= " + (seen + 3), () -> "no heartbeat frames");
    assertTrue(text("clock").startsWith("t = 1.000 s"), text("clock"));
    assertEquals(Duration.ofSeconds(1), classroom.wire().simulator().clock().elapsed());
    String chart = text("chart-0");

    String first = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    open();
    waitForText("clock", "t = 1.000 s");
    waitUntil(
        "document.getElementById('chart-0').textContent === " + js(chart),
        () -> "the second tab's chart differs: " + text("chart-0") + " vs " + chart);
    driver.close();
    driver.switchTo().window(first);

    driver.navigate().refresh();
    waitUntil("Number(document.body.dataset.frames || 0) > 0", () -> "no frame after reload");
    waitForText("clock", "t = 1.000 s");
    waitUntil(
        "document.getElementById('chart-0').textContent === " + js(chart),
        () -> "the reloaded chart differs: " + text("chart-0") + " vs " + chart);

    // A value the demo or AWS refuses for the first option: the error on the page, and the run
    // that was loaded goes on.
    WebElement option = driver.findElements(By.cssSelector("#options input")).get(0);
    option.clear();
    option.sendKeys("-1");
    click("load");
    waitForText("error", "(HTTP 400)");
    // Not reset: one more second is 2 s.
    click("step1");
    waitForText("clock", "t = 2.000 s");
  }

  @Test
  void pausedRun_doesNotMove_twoTabsAndAReloadSeeTheSameRun_badSpeedShowsTheError() {
    load("kinesis-hot-shard", Map.of("duration", "600"));
    type("speed", "10");
    // The keyboard: Space plays and pauses (when no input has the focus).
    driver.executeScript("document.activeElement.blur();");
    driver.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
    waitForText("status", "playing at 10x");
    waitUntil(
        "!document.getElementById('clock').textContent.startsWith('t = 0.000')",
        () -> "play did not move time: " + text("clock"));
    driver.findElement(By.tagName("body")).sendKeys(Keys.SPACE);
    waitForText("status", "paused");
    // Pause answers once the last step of play has ended, so the clock is final now; the page
    // shows that instant once its frames catch up (on a loaded machine, more than two frames).
    Duration elapsed = classroom.wire().simulator().clock().elapsed();
    String paused = String.format(java.util.Locale.ROOT, "t = %.3f s", elapsed.toNanos() / 1e9);
    waitForText("clock", paused);
    paused = text("clock");
    long seen = frames();
    // Heartbeat frames keep coming while paused; across three of them time stays put.
    waitUntil("Number(document.body.dataset.frames) >= " + (seen + 3), () -> "no heartbeat frames");
    assertEquals(paused, text("clock"));
    assertEquals(elapsed, classroom.wire().simulator().clock().elapsed());

    String first = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    open();
    waitForText("clock", paused);
    driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
    String later = String.format(java.util.Locale.ROOT, "t = %.3f s", elapsed.toNanos() / 1e9 + 1);
    waitForText("clock", later);
    driver.close();
    driver.switchTo().window(first);
    waitForText("clock", later);

    driver.navigate().refresh();
    waitUntil("Number(document.body.dataset.frames || 0) > 0", () -> "no frame after reload");
    waitForText("clock", later);
    waitForText("chart-0", "shardId-000000000000");

    // Split the first of 4 shards at the middle of its hash key range, as read from ListShards:
    // 4 even shards cover 2^128 keys, so the first ends at 2^126 - 1 and splits at 2^125.
    click("action-2");
    waitForText("result", "SplitShard OK");
    assertTrue(
        text("cli")
            .endsWith(
                "kinesis split-shard --stream-name clicks --shard-to-split shardId-000000000000"
                    + " --new-starting-hash-key 42535295865117307932921825928971026432"),
        text("cli"));

    type("speed", "500");
    click("play");
    waitForText("error", "ValidationException");
    assertTrue(text("error").contains("speed must be from 1 to 100"), text("error"));
    waitForText("status", "paused");
  }
}
