package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import org.junit.jupiter.api.Test;

/**
 * Invoke's payload quotas: 6 MB synchronous, 1 MB asynchronous
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html); a larger request is {@code
 * RequestTooLargeException} (413) and invokes nothing.
 */
class PayloadSizeTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(2);
  private final Lambda lambda = Lambda.create(sim);

  PayloadSizeTest() {
    RequestStreamHandler sink = (in, out, context) -> in.transferTo(out);
    lambda.createFunction(FunctionConfig.of("f", sink));
  }

  private double metric(String name) {
    return sim.metrics()
        .total(new MetricKey(Lambda.NAMESPACE, name, Dimensions.of("FunctionName", "f")));
  }

  private static LambdaException tooLarge(Runnable call) {
    LambdaException e = assertThrows(LambdaException.class, call::run);
    assertEquals("RequestTooLargeException", e.errorCode());
    assertEquals(413, e.statusCode());
    return e;
  }

  @Test
  void requestResponse_6MB_runs_oneByteMore_requestTooLarge413() {
    byte[] max = new byte[6 * 1024 * 1024];

    assertEquals(200, lambda.invoke("f", InvocationType.REQUEST_RESPONSE, max).statusCode());
    tooLarge(
        () -> lambda.invoke("f", InvocationType.REQUEST_RESPONSE, new byte[6 * 1024 * 1024 + 1]));
    tooLarge(() -> lambda.invoke("f", new byte[6 * 1024 * 1024 + 1], r -> {}));

    assertEquals(1.0, metric("Invocations"));
  }

  @Test
  void event_1MB_queued_oneByteMore_requestTooLarge413_nothingQueued() {
    assertEquals(202, lambda.invoke("f", InvocationType.EVENT, new byte[1024 * 1024]).statusCode());
    tooLarge(() -> lambda.invoke("f", InvocationType.EVENT, new byte[1024 * 1024 + 1]));

    assertEquals(1.0, metric("AsyncEventsReceived"));
  }

  @Test
  void textPayload_countsUtf8Bytes() {
    String twoByteChars = "é".repeat(512 * 1024); // 524,288 chars, 1,048,576 bytes

    assertEquals(202, lambda.invoke("f", InvocationType.EVENT, twoByteChars).statusCode());
    tooLarge(() -> lambda.invoke("f", InvocationType.EVENT, twoByteChars + "é"));
  }
}
