package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Aliases, their routing between two versions, and concurrency on them:
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html
 */
class AliasTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(9);
  private final Lambda lambda = Lambda.create(sim);
  private final List<String> invokedArns = new ArrayList<>();

  AliasTest() {
    RequestHandler<Object, String> handler =
        (event, context) -> {
          invokedArns.add(context.getInvokedFunctionArn());
          return context.getFunctionVersion();
        };
    lambda.createFunction(
        FunctionConfig.of("f", handler)
            .withTimeout(Duration.ofMinutes(15))
            .withDuration(DurationModel.fixed(Duration.ofMinutes(1))));
    lambda.publishVersion("f");
    // PublishVersion publishes only after a change: a new description makes version 2.
    lambda.updateFunctionConfiguration("f", null, null, "v2", null);
    lambda.publishVersion("f");
  }

  private static String errorCode(Runnable call) {
    return assertThrows(LambdaException.class, call::run).errorCode();
  }

  private double metric(String name) {
    return sim.metrics()
        .total(new MetricKey(Lambda.NAMESPACE, name, Dimensions.of("FunctionName", "f")));
  }

  @Test
  void invoke_alias_runsItsVersion_withTheAliasArnAsInvokedArn() {
    AliasConfiguration a = lambda.createAlias("f", "live", "1", "production", null);

    InvokeResult r = lambda.invoke("f:live", InvocationType.REQUEST_RESPONSE, "e");

    assertEquals("1", r.executedVersion());
    assertEquals("1", r.payload());
    assertEquals(lambda.getFunction("f").functionArn() + ":live", a.aliasArn());
    assertEquals(List.of(a.aliasArn()), invokedArns);
    assertEquals(a, lambda.getAlias("f", "live"));
    assertEquals("production", a.description());
  }

  /** The versions {@code n} invocations of an alias routing 20 % to version 2 ran, with a seed. */
  private static List<String> routedVersions(long seed, int n) {
    AwsSimulator s = AwsSimulator.withSeed(seed);
    Lambda l = Lambda.create(s);
    RequestHandler<Object, String> h = (event, context) -> context.getFunctionVersion();
    l.createFunction(FunctionConfig.of("g", h));
    l.publishVersion("g");
    l.updateFunctionConfiguration("g", null, null, "v2", null);
    l.publishVersion("g");
    l.createAlias("g", "live", "1", null, Map.of("2", 0.2));
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      versions.add(l.invoke("g:live", InvocationType.REQUEST_RESPONSE, "e").executedVersion());
      s.advanceBy(Duration.ofMillis(1)); // below the 10,000 requests per second limit
    }
    return versions;
  }

  @Test
  void routing_weight20Percent_sendsAboutAFifthToTheSecondVersion_seeded() {
    List<String> versions = routedVersions(9, 2_000);
    long second = versions.stream().filter("2"::equals).count();
    // 400 expected; 3 standard deviations (sqrt(2,000 * 0.2 * 0.8) = 17.9) either side.
    assertTrue(second > 346 && second < 454, "second version ran " + second + " times");
    assertEquals(versions, routedVersions(9, 2_000)); // same seed, same routing
  }

  @Test
  void routing_weightsZeroAndOne_areTheBounds() {
    lambda.createAlias("f", "none", "1", null, Map.of("2", 0.0));
    lambda.createAlias("f", "all", "1", null, Map.of("2", 1.0));
    for (int i = 0; i < 50; i++) {
      assertEquals("1", lambda.invoke("f:none", InvocationType.REQUEST_RESPONSE, "e").payload());
      assertEquals("2", lambda.invoke("f:all", InvocationType.REQUEST_RESPONSE, "e").payload());
    }
  }

  @Test
  void createAlias_invalid_awsErrors_andNothingCreated() {
    lambda.createAlias("f", "live", "1", null, null);
    assertEquals(
        "ResourceConflictException",
        errorCode(() -> lambda.createAlias("f", "live", "2", null, null)));
    assertEquals(
        "ResourceNotFoundException",
        errorCode(() -> lambda.createAlias("f", "x", "3", null, null)));
    assertEquals(
        "ResourceNotFoundException",
        errorCode(() -> lambda.createAlias("g", "x", "1", null, null)));
    assertEquals(
        "ValidationException", errorCode(() -> lambda.createAlias("f", "42", "1", null, null)));
    assertEquals(
        "ValidationException",
        errorCode(() -> lambda.createAlias("f", "a".repeat(129), "1", null, null)));
    lambda.createAlias("f", "a".repeat(128), "1", null, null);
    assertEquals(
        "InvalidParameterValueException",
        errorCode(() -> lambda.createAlias("f", "y", "$LATEST", null, Map.of("2", 0.5))));
    assertEquals(
        "InvalidParameterValueException",
        errorCode(() -> lambda.createAlias("f", "y", "1", null, Map.of("2", 1.01))));
    assertEquals(
        "InvalidParameterValueException",
        errorCode(() -> lambda.createAlias("f", "y", "1", null, Map.of("1", 0.5))));
    lambda.updateFunctionConfiguration("f", null, null, "v3", null);
    lambda.publishVersion("f");
    assertEquals(
        "InvalidParameterValueException",
        errorCode(() -> lambda.createAlias("f", "y", "1", null, Map.of("2", 0.1, "3", 0.1))));
    assertEquals(2, lambda.listAliases("f", null).size());
  }

  @Test
  void updateAlias_changesVersion_refusedUpdateChangesNothing() {
    lambda.createAlias("f", "live", "1", "d", Map.of("2", 0.5));

    assertEquals(
        "InvalidParameterValueException",
        errorCode(() -> lambda.updateAlias("f", "live", "$LATEST", null, null)));
    assertEquals(
        new AliasConfiguration(
            lambda.getFunction("f").functionArn() + ":live", "live", "1", "d", Map.of("2", 0.5)),
        lambda.getAlias("f", "live"));

    AliasConfiguration updated = lambda.updateAlias("f", "live", "2", null, Map.of());
    assertEquals("2", updated.functionVersion());
    assertTrue(updated.additionalVersionWeights().isEmpty());
    assertEquals("2", lambda.invoke("f:live", InvocationType.REQUEST_RESPONSE, "e").payload());
  }

  @Test
  void deleteAlias_thenInvoke_resourceNotFound() {
    lambda.createAlias("f", "live", "1", null, null);
    lambda.deleteAlias("f", "live");

    assertEquals(
        "ResourceNotFoundException",
        errorCode(() -> lambda.invoke("f:live", InvocationType.REQUEST_RESPONSE, "e")));
    assertEquals("ResourceNotFoundException", errorCode(() -> lambda.getAlias("f", "live")));
  }

  @Test
  void listAliases_inCreationOrder_filteredByVersion() {
    lambda.createAlias("f", "b", "1", null, null);
    lambda.createAlias("f", "a", "2", null, null);
    lambda.createAlias("f", "c", "1", null, Map.of("2", 0.1));

    assertEquals(
        List.of("b", "a", "c"),
        lambda.listAliases("f", null).stream().map(AliasConfiguration::name).toList());
    assertEquals(
        List.of("b", "c"),
        lambda.listAliases("f", "1").stream().map(AliasConfiguration::name).toList());
  }

  @Test
  void reservedConcurrency_coversAliasesAndLatestTogether() {
    lambda.createAlias("f", "live", "1", null, null);
    lambda.putFunctionConcurrency("f", 2);
    lambda.invoke("f:live", "e", r -> {});
    lambda.invoke("f", "e", r -> {});

    LambdaException e =
        assertThrows(LambdaException.class, () -> lambda.invoke("f:live", "e", r -> {}));
    assertEquals(
        ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded, e.reason().orElseThrow());
  }

  @Test
  void provisionedConcurrency_onAlias_servesTheAlias_andCountsTowardTheReservation() {
    lambda.createAlias("f", "live", "1", null, null);
    lambda.putFunctionConcurrency("f", 2);
    lambda.putProvisionedConcurrencyConfig("f", "live", 2);
    sim.advanceBy(LambdaLimits.PROVISIONED_ALLOCATION_DELAY);
    assertEquals("READY", lambda.getProvisionedConcurrencyConfigStatus("f", "live"));

    lambda.invoke("f:live", "e", r -> {});
    lambda.invoke("f:live", "e", r -> {});
    assertEquals(2.0, metric("ProvisionedConcurrencyInvocations"));
    // Provisioned = reserved: every invocation outside the provisioned environments throttles.
    assertEquals(
        ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded,
        assertThrows(LambdaException.class, () -> lambda.invoke("f", "e", r -> {}))
            .reason()
            .orElseThrow());
  }

  @Test
  void provisionedConcurrency_onAliasAndItsVersion_resourceConflict() {
    lambda.createAlias("f", "live", "1", null, null);
    lambda.putProvisionedConcurrencyConfig("f", "live", 2);

    assertEquals(
        "ResourceConflictException",
        errorCode(() -> lambda.putProvisionedConcurrencyConfig("f", "1", 2)));
    lambda.createAlias("f", "other", "1", null, null);
    assertEquals(
        "ResourceConflictException",
        errorCode(() -> lambda.putProvisionedConcurrencyConfig("f", "other", 2)));
    lambda.putProvisionedConcurrencyConfig("f", "2", 2);
  }

  @Test
  void eventSourceMapping_onAlias_followsTheAlias_andFailsOnceItIsDeleted() {
    Sqs sqs = sim.sqs();
    String url = sqs.createQueue("jobs", Map.of("VisibilityTimeout", "30"));
    String arn = sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
    List<String> versions = new ArrayList<>();
    RequestHandler<SQSEvent, Object> worker =
        (event, context) -> {
          versions.add(context.getFunctionVersion());
          return null;
        };
    lambda.createFunction(FunctionConfig.of("worker", worker));
    lambda.publishVersion("worker");
    lambda.updateFunctionConfiguration("worker", null, null, "v2", null);
    lambda.publishVersion("worker");
    lambda.createAlias("worker", "live", "1", null, null);
    lambda.createEventSourceMapping(EventSourceMappingConfig.of("worker:live", arn));

    sqs.sendMessage(url, "a");
    sim.advanceBy(Duration.ofSeconds(1));
    lambda.updateAlias("worker", "live", "2", null, null);
    sqs.sendMessage(url, "b");
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of("1", "2"), versions);

    lambda.deleteAlias("worker", "live");
    sqs.sendMessage(url, "c");
    sim.advanceBy(Duration.ofSeconds(5));
    assertEquals(List.of("1", "2"), versions);
    assertEquals(1, lambda.listEventSourceMappings("worker", null).size());
  }
}
