package dev.awssim.lambda.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.lambda.Lambda;
import dev.awssim.lambda.LambdaContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * The SDK's {@link LambdaAsyncClient} over the simulated model: the sync client's operations as
 * futures, AWS's errors as failed futures (never thrown), the SDK's own paginators, and a
 * synchronous Invoke answered when the function returns on virtual time
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 */
class SimulatedLambdaAsyncClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final SimulatedLambdaClient sync = SimulatedLambdaClient.create(Lambda.create(sim));
  private final LambdaAsyncClient client = sync.asyncClient();

  private void echoFunction(String name) {
    RequestHandler<String, String> echo = (json, context) -> "got " + json;
    sync.registerHandler(name, echo);
    client.createFunction(b -> b.functionName(name).memorySize(512).timeout(30)).join();
  }

  @Test
  void invoke_requestResponse_completesAtTheInvocationsVirtualEnd_notBefore() {
    RequestHandler<String, String> slow =
        (json, context) -> {
          ((LambdaContext) context).setDuration(Duration.ofSeconds(2));
          return "got " + json;
        };
    sync.registerHandler("slow", slow);
    client.createFunction(b -> b.functionName("slow").timeout(30)).join();

    CompletableFuture<InvokeResponse> f =
        client.invoke(b -> b.functionName("slow").payload(SdkBytes.fromUtf8String("{\"a\":1}")));

    assertFalse(f.isDone()); // the caller waits while the function runs
    sim.advanceBy(Duration.ofMillis(1_999));
    assertFalse(f.isDone());
    sim.advanceBy(Duration.ofMillis(1));
    InvokeResponse r = f.join();
    assertEquals(200, r.statusCode());
    assertEquals("\"got {\\\"a\\\":1}\"", r.payload().asUtf8String());
  }

  @Test
  void invoke_timeout_completesAtTheTimeoutWithUnhandled() {
    RequestHandler<String, String> stuck =
        (json, context) -> {
          ((LambdaContext) context).setDuration(Duration.ofMinutes(1));
          return "never";
        };
    sync.registerHandler("stuck", stuck);
    client.createFunction(b -> b.functionName("stuck").timeout(3)).join();

    CompletableFuture<InvokeResponse> f = client.invoke(b -> b.functionName("stuck"));

    sim.advanceBy(Duration.ofMillis(2_999));
    assertFalse(f.isDone());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals("Unhandled", f.join().functionError());
  }

  @Test
  void invoke_fromInsideAScheduledTask_completesThereOnVirtualTime() {
    echoFunction("echo");
    List<CompletableFuture<String>> seen = new ArrayList<>();

    sim.after(
        Duration.ofSeconds(1),
        () ->
            seen.add(
                client
                    .invoke(b -> b.functionName("echo"))
                    .thenApply(r -> sim.now() + " " + r.statusCode())));
    sim.advanceBy(Duration.ofSeconds(1));

    assertEquals(sim.clock().start().plusSeconds(1) + " 200", seen.get(0).getNow(null));
  }

  @Test
  void invoke_eventAndDryRun_completeAtOnce() {
    echoFunction("echo");

    assertEquals(
        202,
        client
            .invoke(b -> b.functionName("echo").invocationType(InvocationType.EVENT))
            .getNow(null)
            .statusCode());
    assertEquals(
        204,
        client
            .invoke(b -> b.functionName("echo").invocationType(InvocationType.DRY_RUN))
            .getNow(null)
            .statusCode());
  }

  @Test
  void invoke_reservedConcurrencyZero_futureFailsWithTooManyRequests429() {
    echoFunction("echo");
    client
        .putFunctionConcurrency(b -> b.functionName("echo").reservedConcurrentExecutions(0))
        .join();

    CompletableFuture<InvokeResponse> f = client.invoke(b -> b.functionName("echo"));

    TooManyRequestsException e =
        assertInstanceOf(
            TooManyRequestsException.class,
            assertThrows(CompletionException.class, f::join).getCause());
    assertEquals(429, e.statusCode());
  }

  @Test
  void getFunction_unknown_futureFailsWithResourceNotFound404() {
    CompletableFuture<?> f = client.getFunction(b -> b.functionName("nope"));

    ResourceNotFoundException e =
        assertInstanceOf(
            ResourceNotFoundException.class,
            assertThrows(CompletionException.class, f::join).getCause());
    assertEquals(404, e.statusCode());
  }

  @Test
  void listFunctionsPaginator_visitsEveryFunctionAcrossPagesOf50() {
    for (int i = 0; i < 120; i++) {
      echoFunction(String.format("f%03d", i));
    }
    List<String> names = new ArrayList<>();

    client
        .listFunctionsPaginator(b -> b.build())
        .functions()
        .subscribe(f -> names.add(f.functionName()))
        .join();

    assertEquals(120, names.size());
    assertEquals("f000", names.get(0));
    assertEquals("f119", names.get(119));
  }
}
