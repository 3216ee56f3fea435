package dev.awssim.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded, bounded fuzzing of the core {@link ApiGateway}: management calls and requests drawn from
 * a catalogue of valid values, values past each documented bound (limits.html,
 * API_MethodSetting.html, API_CreateStage.html, api-gateway-api-usage-plans.html) and unknown or
 * missing ids. Each management call succeeds or throws {@link ApiGatewayException} with AWS's error
 * type, and a rejected one changes nothing; a request always gets a response. A failure names the
 * seed and the step.
 */
class ApiGatewayFuzzTest {
  private static final int STEPS = 300;

  private SplittableRandom random;
  private AwsSimulator sim;
  private ApiGateway gw;
  private RestApi api;
  private final List<String> resources = new ArrayList<>();
  private final List<String> deployments = new ArrayList<>();
  private final List<String> plans = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  private String httpApi;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomCalls_succeedOrFailWithAwsError_andRejectedCallsChangeNothing(long seed) {
    random = new SplittableRandom(seed);
    sim = AwsSimulator.withSeed(seed);
    gw = sim.apiGateway();
    api = gw.createRestApi("fuzz");
    resources.add(api.rootResourceId());
    String pets = gw.createResource(api.id(), api.rootResourceId(), "pets");
    resources.add(pets);
    gw.putMethod(api.id(), pets, "GET", Integration.mock(200, "[]"));
    deployments.add(gw.createDeployment(api.id()));
    gw.createStage(api.id(), "prod", deployments.get(0));
    httpApi = gw.createApi("http");
    for (int step = 0; step < STEPS; step++) {
      int op = random.nextInt(10);
      List<Object> before = snapshot();
      String where = "seed " + seed + " step " + step + " op " + op;
      try {
        call(op);
      } catch (ApiGatewayException e) {
        assertTrue(
            Arrays.asList(
                    "BadRequestException",
                    "NotFoundException",
                    "ConflictException",
                    "LimitExceededException")
                .contains(e.errorCode()),
            where + ": " + e.errorCode());
        assertEquals(before, snapshot(), where + ": rejected " + e.getMessage());
      } catch (RuntimeException e) {
        fail(where + ": raw " + e, e);
      }
      sim.advanceBy(Duration.ofMillis(random.nextInt(500)));
    }
  }

  private List<Object> snapshot() {
    return List.of(
        gw.getStage(api.id(), "prod"),
        gw.getStageDeploymentId(api.id(), "prod"),
        gw.accountThrottleState(),
        List.copyOf(deployments),
        List.copyOf(resources));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String apiId() {
    return pick(Arrays.asList(api.id(), api.id(), api.id(), "nope", null));
  }

  private String stage() {
    return pick(Arrays.asList("prod", "prod", "beta", "bad name!", "x".repeat(129), "$default"));
  }

  private String anyId(List<String> known) {
    List<String> ids = new ArrayList<>(known);
    ids.add("nope");
    ids.add(null);
    return pick(ids);
  }

  private ThrottleSettings throttle() {
    return pick(List.of(new ThrottleSettings(10, 5), new ThrottleSettings(0.5, 0)));
  }

  private void call(int op) {
    switch (op) {
      case 0 ->
          resources.add(
              gw.createResource(
                  apiId(),
                  anyId(resources),
                  pick(List.of("a", "b", "{id}", "{proxy+}", "bad part", "", "x{"))));
      case 1 ->
          gw.putMethod(
              apiId(),
              anyId(resources),
              pick(List.of("GET", "post", "ANY", "FETCH", "")),
              pick(List.of(Integration.mock(200, "ok"), Integration.mock(500, ""))),
              random.nextBoolean(),
              pick(
                  List.of(
                      List.of(),
                      List.of("method.request.querystring.id"),
                      List.of("method.request.body.x"))));
      case 2 -> deployments.add(gw.createDeployment(apiId()));
      case 3 ->
          gw.updateStage(
              apiId(),
              stage(),
              StageSettings.defaults()
                  .withCacheCluster(random.nextBoolean(), "0.5")
                  .withMethodSettings(
                      pick(List.of("/pets/GET", "*/*", "pets/POST")),
                      pick(
                          List.of(
                              MethodSettingsOverride.none().withThrottle(throttle()),
                              MethodSettingsOverride.none().withCacheTtlInSeconds(60),
                              MethodSettingsOverride.none().withCachingEnabled(true)))));
      case 4 -> gw.updateStageDeployment(apiId(), stage(), anyId(deployments));
      case 5 ->
          plans.add(
              gw.createUsagePlan(
                  UsagePlanSettings.of("p", ApiStage.of(pick(List.of(api.id(), "nope")), stage()))
                      .withThrottle(throttle())));
      case 6 ->
          keys.add(
              gw.createApiKey(
                      "k",
                      pick(List.of("a".repeat(20), "b".repeat(128), "short", "c".repeat(129))),
                      random.nextBoolean())
                  .id());
      case 7 -> gw.createUsagePlanKey(anyId(plans), anyId(keys));
      case 8 ->
          gw.getUsage(
              anyId(plans),
              LocalDate.of(2026, 1, 2),
              pick(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 3))));
      default -> {
        String target = pick(Arrays.asList(api.id(), api.id(), httpApi));
        ApiResponse r =
            gw.invoke(
                ApiRequest.builder(
                        target,
                        stage(),
                        pick(List.of("GET", "POST", "DELETE")),
                        pick(List.of("/pets", "/", "/pets/1", "/nope", "")))
                    .build());
        assertTrue(r.statusCode() >= 200 && r.statusCode() < 600);
      }
    }
  }
}
