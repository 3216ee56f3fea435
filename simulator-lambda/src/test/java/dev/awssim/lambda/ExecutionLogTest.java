package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * An invocation's execution log: the platform's START, END and REPORT lines around what the handler
 * logged (https://docs.aws.amazon.com/lambda/latest/dg/java-logging.html), and its last 4 KB as
 * {@code LogResult} (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 */
class ExecutionLogTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final Lambda lambda = Lambda.create(sim);

  /** A function that logs its payload (a String) and takes {@code duration}. */
  private void logging(String name, Duration duration, Duration timeout) {
    RequestHandler<String, String> handler =
        (message, context) -> {
          context.getLogger().log(message);
          return "ok";
        };
    lambda.createFunction(
        FunctionConfig.of(name, handler)
            .withMemorySize(512)
            .withTimeout(timeout)
            .withDuration(DurationModel.fixed(duration)));
  }

  private InvokeResult invoke(String name, String message) {
    return lambda.invoke(name, InvocationType.REQUEST_RESPONSE, message);
  }

  private static byte[] decoded(InvokeResult r) {
    return Base64.getDecoder().decode(r.log().logResult());
  }

  @Test
  void log_coldThenWarm_startHandlerLinesEndAndReport_initDurationOnTheColdStartOnly() {
    logging("f", Duration.ofNanos(198_500_000), Duration.ofSeconds(3));

    InvokeResult cold = invoke("f", "EVENT: {\"id\":1}");
    InvokeResult warm = invoke("f", "two\nlines\n");

    String id = cold.requestId();
    assertEquals(
        "START RequestId: "
            + id
            + " Version: $LATEST\n"
            + "EVENT: {\"id\":1}\n"
            + "END RequestId: "
            + id
            + "\n"
            + "REPORT RequestId: "
            + id
            + "\tDuration: 198.50 ms\tBilled Duration: 199 ms\tMemory Size: 512 MB"
            + "\tMax Memory Used: 0 MB\tInit Duration: 0.00 ms\t\n",
        cold.log().text());
    String w = warm.requestId();
    assertEquals(
        "START RequestId: "
            + w
            + " Version: $LATEST\n"
            + "two\nlines\n"
            + "END RequestId: "
            + w
            + "\n"
            + "REPORT RequestId: "
            + w
            + "\tDuration: 198.50 ms\tBilled Duration: 199 ms\tMemory Size: 512 MB"
            + "\tMax Memory Used: 0 MB\t\n",
        warm.log().text());
  }

  @Test
  void log_billedDuration_roundsUpToTheMillisecond_atLeastOne() {
    logging("exact", Duration.ofMillis(200), Duration.ofSeconds(3));
    logging("zero", Duration.ZERO, Duration.ofSeconds(3));
    logging("over", Duration.ofNanos(200_000_001), Duration.ofSeconds(3));

    assertTrue(invoke("exact", "").log().text().contains("\tBilled Duration: 200 ms\t"));
    assertTrue(invoke("zero", "").log().text().contains("\tBilled Duration: 1 ms\t"));
    assertTrue(invoke("over", "").log().text().contains("\tBilled Duration: 201 ms\t"));
  }

  @Test
  void log_timeout_reportsTheTimeoutLineAtTheEndInstant_andDurationOfTheTimeout() {
    logging("slow", Duration.ofSeconds(5), Duration.ofSeconds(3));

    InvokeResult r = invoke("slow", "working");

    String text = r.log().text();
    String id = r.requestId();
    assertTrue(
        text.contains(
            "working\n"
                + sim.clock().start().plusSeconds(3)
                + " "
                + id
                + " Task timed out after 3.00 seconds\nEND RequestId: "),
        text);
    assertTrue(text.contains("\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\t"), text);
  }

  @Test
  void log_handlerThrows_endsWithTheErrorAsInvokeReportsIt() {
    RequestHandler<String, String> failing =
        (message, context) -> {
          throw new IllegalStateException("boom");
        };
    lambda.createFunction(FunctionConfig.of("fails", failing));

    String text = invoke("fails", "x").log().text();

    assertTrue(
        text.contains(
            "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}\n"
                + "END RequestId: "),
        text);
  }

  @Test
  void log_maxMemoryUsed_isWhatTheHandlerDeclared() {
    RequestHandler<String, String> handler =
        (message, context) -> {
          ((LambdaContext) context).setMaxMemoryUsed(90);
          return "ok";
        };
    lambda.createFunction(FunctionConfig.of("mem", handler).withMemorySize(512));

    assertTrue(invoke("mem", "").log().text().contains("\tMax Memory Used: 90 MB\t"));
  }

  @Test
  void logResult_isTheLast4096BytesOfTheLog_base64() {
    logging("f", Duration.ofMillis(1), Duration.ofSeconds(3));
    invoke("f", ""); // warm: every later log has the same length around its message
    int base = invoke("f", "").log().text().getBytes(StandardCharsets.UTF_8).length - 1;

    InvokeResult exact = invoke("f", "a".repeat(LambdaLimits.LOG_RESULT_MAXIMUM_BYTES - base - 1));
    InvokeResult over = invoke("f", "a".repeat(LambdaLimits.LOG_RESULT_MAXIMUM_BYTES - base));

    byte[] exactText = exact.log().text().getBytes(StandardCharsets.UTF_8);
    assertEquals(4096, exactText.length);
    assertEquals(
        new String(exactText, StandardCharsets.UTF_8),
        new String(decoded(exact), StandardCharsets.UTF_8));
    byte[] overText = over.log().text().getBytes(StandardCharsets.UTF_8);
    assertEquals(4097, overText.length);
    assertEquals(4096, decoded(over).length);
    assertTrue(Arrays.equals(Arrays.copyOfRange(overText, 1, 4097), decoded(over)));
  }

  @Test
  void log_eventAndDryRun_none() {
    logging("f", Duration.ZERO, Duration.ofSeconds(3));

    assertNull(lambda.invoke("f", InvocationType.EVENT, "x").log());
    assertNull(lambda.invoke("f", InvocationType.DRY_RUN, "x").log());
  }
}
