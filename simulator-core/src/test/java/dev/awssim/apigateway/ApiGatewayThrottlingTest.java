package dev.awssim.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiGatewayThrottlingTest {

  @Test
  void stageRate10Burst5_twentyAtZero_fivePassThenOneEvery100ms() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(10, 5));
    int passed = 0;
    for (int i = 0; i < 20; i++) {
      ApiResponse r = f.get("/pets/1");
      if (r.statusCode() == 200) {
        passed++;
      } else {
        assertEquals(429, r.statusCode());
        assertEquals("THROTTLED", r.errorType());
        assertEquals("THROTTLED", r.headers().get("x-amzn-ErrorType"));
        assertEquals(ThrottleLevel.STAGE, r.throttleLevel().orElseThrow());
        assertEquals("{\"message\":\"Too Many Requests\"}", r.body());
      }
    }
    assertEquals(5, passed);
    for (int step = 1; step <= 5; step++) {
      f.advanceMillis(99);
      assertEquals(429, f.get("/pets/1").statusCode(), "at " + (step * 100 - 1) + " ms");
      f.advanceMillis(1);
      assertEquals(200, f.get("/pets/1").statusCode(), "at " + step * 100 + " ms");
      assertEquals(429, f.get("/pets/1").statusCode(), "second at " + step * 100 + " ms");
    }
  }

  @Test
  void throttledRequest_countsInCountAnd4XXError() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(10, 5));
    for (int i = 0; i < 20; i++) {
      f.get("/pets/1");
    }
    assertEquals(20, f.metric("Count"));
    assertEquals(15, f.metric("4XXError"));
    assertEquals(0, f.metric("5XXError"));
  }

  @Test
  void accountBucket_governsAStageSetAbovetheAccount() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(20_000, 20_000));
    int passed = 0;
    ApiResponse last = null;
    for (int i = 0; i < 6_000; i++) {
      last = f.get("/pets/1");
      passed += last.statusCode() == 200 ? 1 : 0;
    }
    assertEquals(5_000, passed);
    assertEquals(ThrottleLevel.ACCOUNT, last.throttleLevel().orElseThrow());
    f.advanceMillis(100);
    passed = 0;
    for (int i = 0; i < 2_000; i++) {
      passed += f.get("/pets/1").statusCode() == 200 ? 1 : 0;
    }
    assertEquals(1_000, passed, "10,000 RPS refill 1,000 tokens in 100 ms");
  }

  @Test
  void lowerDefaultRegion_accountBurstIs1250() {
    AwsSimulator sim =
        AwsSimulator.builder().apiGatewayLimits(ApiGatewayLimits.lowerDefaultRegion()).build();
    Fixture f = new Fixture(sim, false);
    f.gateway.createStage(f.api.id(), Fixture.STAGE, f.deployment);
    int passed = 0;
    for (int i = 0; i < 2_000; i++) {
      passed += f.get("/pets/1").statusCode() == 200 ? 1 : 0;
    }
    assertEquals(1_250, passed);
    assertEquals(2_500, ApiGatewayLimits.lowerDefaultRegion().accountRateLimit());
  }

  @Test
  void simulationInALowerDefaultRegion_getsThatRegionsAccountThrottle_unlessLimitsAreSet() {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html: 2,500 RPS and a
    // burst of 1,250 in af-south-1 and the other newer Regions, 10,000 / 5,000 elsewhere.
    AwsSimulator capeTown = AwsSimulator.builder().region("af-south-1").build();
    Fixture f = new Fixture(capeTown, false);
    f.gateway.createStage(f.api.id(), Fixture.STAGE, f.deployment);
    int passed = 0;
    for (int i = 0; i < 2_000; i++) {
      passed += f.get("/pets/1").statusCode() == 200 ? 1 : 0;
    }
    assertEquals(1_250, passed);
    assertEquals(2_500, capeTown.region("af-south-1").apiGateway().limits().accountRateLimit());
    assertEquals(10_000, capeTown.region("us-east-1").apiGateway().limits().accountRateLimit());

    AwsSimulator virginia = AwsSimulator.withSeed(1);
    assertEquals(10_000, virginia.apiGateway().limits().accountRateLimit());
    assertEquals(1_250, virginia.region("af-south-1").apiGateway().limits().accountBurstLimit());

    AwsSimulator raised =
        AwsSimulator.builder()
            .region("af-south-1")
            .apiGatewayLimits(ApiGatewayLimits.defaults().withAccountThrottle(20_000, 10_000))
            .build();
    assertEquals(20_000, raised.apiGateway().limits().accountRateLimit());
    assertEquals(20_000, raised.region("eu-west-1").apiGateway().limits().accountRateLimit());
  }

  @Test
  void methodSetting_overridesStageDefault_forThatMethodOnly() {
    Fixture f =
        Fixture.withStage(
            1,
            Fixture.throttled(100, 100)
                .withMethodSettings(
                    "/pets/{id}/GET",
                    MethodSettingsOverride.none().withThrottle(new ThrottleSettings(1, 1))));
    assertEquals(200, f.get("/pets/1").statusCode());
    ApiResponse second = f.get("/pets/2");
    assertEquals(ThrottleLevel.METHOD, second.throttleLevel().orElseThrow());
    assertEquals(200, f.gateway.invoke(f.api.id(), Fixture.STAGE, "POST", "/pets").statusCode());
  }

  @Test
  void usagePlanThrottle_isPerKey_andChecksBeforeTheStage() {
    Fixture f = keyed(Fixture.throttled(100, 100));
    String plan =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of("basic", ApiStage.of(f.api.id(), Fixture.STAGE))
                .withThrottle(new ThrottleSettings(1, 2)));
    ApiKey a = key(f, "a", plan);
    ApiKey b = key(f, "b", plan);
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
    ApiResponse third = f.send(f.request("GET", "/pets").apiKey(a.value()));
    assertEquals(429, third.statusCode());
    assertEquals(ThrottleLevel.USAGE_PLAN, third.throttleLevel().orElseThrow());
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(b.value())).statusCode());
  }

  @Test
  void usagePlanMethodThrottle_overridesThePlanForThatMethod() {
    Fixture f = keyed(StageSettings.defaults());
    String plan =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of(
                    "basic",
                    ApiStage.of(f.api.id(), Fixture.STAGE)
                        .withMethodThrottle("/pets/POST", new ThrottleSettings(1, 1)))
                .withThrottle(new ThrottleSettings(100, 100)));
    ApiKey a = key(f, "a", plan);
    assertEquals(200, f.send(f.request("POST", "/pets").apiKey(a.value())).statusCode());
    ApiResponse second = f.send(f.request("POST", "/pets").apiKey(a.value()));
    assertEquals(ThrottleLevel.USAGE_PLAN_METHOD, second.throttleLevel().orElseThrow());
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
  }

  @Test
  void quota1000PerDay_request1001GetsQuotaExceeded_nextDayPasses() {
    Fixture f = keyed(StageSettings.defaults());
    String plan = quotaPlan(f, QuotaSettings.of(1_000, "DAY"));
    ApiKey a = key(f, "a", plan);
    for (int i = 0; i < 1_000; i++) {
      f.advanceMillis(1);
      assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode(), "#" + i);
    }
    ApiResponse over = f.send(f.request("GET", "/pets").apiKey(a.value()));
    assertEquals(429, over.statusCode());
    assertEquals("QUOTA_EXCEEDED", over.errorType());
    assertEquals("{\"message\":\"Limit Exceeded\"}", over.body());
    // the simulation starts at 2025-01-01T00:00Z: the next UTC day starts 24 h later
    f.sim.advanceTo(java.time.Instant.parse("2025-01-01T23:59:59.999Z"));
    assertEquals(429, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
    f.sim.advanceTo(java.time.Instant.parse("2025-01-02T00:00:00Z"));
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());

    Usage usage =
        f.gateway.getUsage(
            plan, java.time.LocalDate.parse("2025-01-01"), java.time.LocalDate.parse("2025-01-02"));
    List<UsageDay> days = usage.items().get(a.id());
    assertEquals(1_000, days.get(0).used());
    assertEquals(0, days.get(0).remaining().getAsLong());
    assertEquals(1, days.get(1).used());
    assertEquals(999, days.get(1).remaining().getAsLong());
    assertEquals(999, f.gateway.remainingQuota(plan, a.id()).getAsLong());
  }

  @Test
  void quotaOffset_isSubtractedInTheFirstPeriodOnly() {
    Fixture f = keyed(StageSettings.defaults());
    String plan = quotaPlan(f, QuotaSettings.of(10, "WEEK").withOffset(7));
    ApiKey a = key(f, "a", plan);
    assertEquals(3, f.gateway.remainingQuota(plan, a.id()).getAsLong());
    // 2025-01-01 is a Wednesday; the next week starts Sunday 2025-01-05 00:00 UTC
    f.sim.advanceTo(java.time.Instant.parse("2025-01-05T00:00:00Z"));
    assertEquals(10, f.gateway.remainingQuota(plan, a.id()).getAsLong());
  }

  @Test
  void apiKey_missingUnknownDisabledOrNotInPlan_gets403() {
    Fixture f = keyed(StageSettings.defaults());
    String plan =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of("p", ApiStage.of(f.api.id(), Fixture.STAGE)));
    ApiKey a = key(f, "a", plan);
    ApiKey outside = f.gateway.createApiKey("outside");
    assertForbidden(f.send(f.request("GET", "/pets")));
    assertForbidden(f.send(f.request("GET", "/pets").apiKey("nosuchkey0123456789012")));
    assertForbidden(f.send(f.request("GET", "/pets").apiKey(outside.value())));
    f.gateway.updateApiKey(a.id(), false);
    assertForbidden(f.send(f.request("GET", "/pets").apiKey(a.value())));
    f.gateway.updateApiKey(a.id(), true);
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
  }

  @Test
  void unknownRouteOrStage_gets403MissingAuthenticationToken() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    ApiResponse r = f.get("/cats");
    assertEquals(403, r.statusCode());
    assertEquals("MISSING_AUTHENTICATION_TOKEN", r.errorType());
    assertEquals(403, f.gateway.invoke(f.api.id(), "nostage", "GET", "/pets").statusCode());
  }

  @Test
  void httpApi_routeAndAccountLevels() {
    AwsSimulator sim = AwsSimulator.withSeed(3);
    ApiGateway gw = sim.apiGateway();
    String api = gw.createApi("http");
    gw.createRoute(api, "GET /items/{id}", Integration.mock(200, "item"));
    gw.createRoute(api, "$default", Integration.mock(404, "none"));
    gw.createStage(
        api,
        "$default",
        HttpStageSettings.defaults()
            .withDefaultRouteThrottle(new ThrottleSettings(1, 3))
            .withRouteThrottle("GET /items/{id}", new ThrottleSettings(1, 1)));
    assertEquals(200, gw.invoke(api, "$default", "GET", "/items/9").statusCode());
    ApiResponse second = gw.invoke(api, "$default", "GET", "/items/9");
    assertEquals(ThrottleLevel.ROUTE, second.throttleLevel().orElseThrow());
    assertEquals(404, gw.invoke(api, "$default", "GET", "/other").statusCode());
    double count =
        sim.metrics()
            .total(
                new MetricKey(
                    "AWS/ApiGateway", "Count", Dimensions.of("ApiId", api, "Stage", "$default")));
    assertEquals(3, count);
  }

  @Test
  void trace_recordsEachDecision_withLevelAndRemainingTokens() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(10, 2));
    f.get("/pets/1");
    f.get("/pets/1");
    f.get("/pets/1");
    List<TraceEvent> admitted = f.sim.trace().events(ApiGatewayEventType.ADMITTED);
    assertEquals(2, admitted.size());
    assertEquals("1", admitted.get(0).attributes().get("remaining.STAGE"));
    assertEquals("4999", admitted.get(0).attributes().get("remaining.ACCOUNT"));
    TraceEvent throttled = f.sim.trace().events(ApiGatewayEventType.THROTTLED).get(0);
    assertEquals("STAGE", throttled.attributes().get("level"));
    assertEquals("0", throttled.attributes().get("remaining.STAGE"));
  }

  @Test
  void accountRefusal_takesNoTokenFromThePlanOrTheStage() {
    AwsSimulator sim =
        AwsSimulator.builder()
            .seed(5)
            .apiGatewayLimits(ApiGatewayLimits.defaults().withAccountThrottle(1, 1))
            .build();
    Fixture f = new Fixture(sim, true);
    f.gateway.createStage(f.api.id(), Fixture.STAGE, f.deployment, Fixture.throttled(10, 5));
    String plan =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of("basic", ApiStage.of(f.api.id(), Fixture.STAGE))
                .withThrottle(new ThrottleSettings(10, 5)));
    ApiRequest r = f.request("GET", "/pets").apiKey(key(f, "a", plan).value()).build();
    assertEquals(200, f.gateway.invoke(r).statusCode());
    ApiResponse refused = f.gateway.invoke(r);
    assertEquals(429, refused.statusCode());
    assertEquals(ThrottleLevel.ACCOUNT, refused.throttleLevel().orElseThrow());
    List<BucketState> states = f.gateway.throttleState(r);
    assertEquals(ThrottleLevel.USAGE_PLAN, states.get(0).level());
    assertEquals(4.0, states.get(0).availableTokens(), "burst 5, one admitted request");
    assertEquals(ThrottleLevel.STAGE, states.get(1).level());
    assertEquals(4.0, states.get(1).availableTokens(), "burst 5, one admitted request");
  }

  @Test
  void throttleState_showsEveryApplicableBucket_withoutTakingTokens() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(10, 5));
    ApiRequest r = f.request("GET", "/pets/1").build();
    f.gateway.invoke(r);
    List<BucketState> states = f.gateway.throttleState(r);
    assertEquals(2, states.size());
    assertEquals(ThrottleLevel.STAGE, states.get(0).level());
    assertEquals(4.0, states.get(0).availableTokens());
    f.advanceMillis(50);
    assertEquals(4.5, f.gateway.throttleState(r).get(0).availableTokens(), 1e-9);
    assertEquals(
        5_000.0, f.gateway.accountThrottleState().availableTokens(), 1e-6, "capped at the burst");
  }

  @Test
  void integrationLatency_isRecorded_andATimeoutGives504() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    ApiResponse r = f.send(f.request("POST", "/pets"));
    assertEquals(Duration.ofMillis(20), r.latency());
    String slow = f.gateway.createResource(f.api.id(), f.api.rootResourceId(), "slow");
    f.gateway.putMethod(
        f.api.id(),
        slow,
        "GET",
        Integration.function(Duration.ofSeconds(30), q -> IntegrationResponse.of(200, "late")));
    f.gateway.updateStageDeployment(
        f.api.id(), Fixture.STAGE, f.gateway.createDeployment(f.api.id()));
    ApiResponse late = f.get("/slow");
    assertEquals(504, late.statusCode());
    assertEquals("INTEGRATION_TIMEOUT", late.errorType());
    assertEquals(1, f.metric("5XXError"));
    assertTrue(f.metric("IntegrationLatency") >= 20);
  }

  @Test
  void fractionalRate_halfARequestPerSecond_refillsOneTokenEveryTwoSeconds() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(0.5, 1));
    assertEquals(200, f.get("/pets/1").statusCode());
    f.advanceMillis(1_999);
    assertEquals(429, f.get("/pets/1").statusCode());
    f.advanceMillis(1);
    assertEquals(200, f.get("/pets/1").statusCode());
  }

  @Test
  void usagePlanQuota_isSummedAcrossTheStagesOfThePlan() {
    Fixture f = keyed(StageSettings.defaults());
    f.gateway.createStage(f.api.id(), "beta", f.deployment);
    String plan =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of(
                    "two-stages",
                    ApiStage.of(f.api.id(), Fixture.STAGE),
                    ApiStage.of(f.api.id(), "beta"))
                .withQuota(QuotaSettings.of(2, "DAY")));
    ApiKey a = key(f, "a", plan);
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
    ApiRequest beta =
        ApiRequest.builder(f.api.id(), "beta", "GET", "/pets").apiKey(a.value()).build();
    assertEquals(200, f.gateway.invoke(beta).statusCode());
    assertEquals("QUOTA_EXCEEDED", f.gateway.invoke(beta).errorType());
    assertEquals("QUOTA_EXCEEDED", f.send(f.request("GET", "/pets").apiKey(a.value())).errorType());
  }

  @Test
  void monthlyQuota_resetsOnTheFirstOfTheMonthUtc() {
    Fixture f = keyed(StageSettings.defaults());
    String plan = quotaPlan(f, QuotaSettings.of(1, "MONTH"));
    ApiKey a = key(f, "a", plan);
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
    f.sim.advanceTo(java.time.Instant.parse("2025-01-31T23:59:59.999Z"));
    assertEquals(429, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
    f.sim.advanceTo(java.time.Instant.parse("2025-02-01T00:00:00Z"));
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
  }

  @Test
  void invokeAsync_deliversTheResponseAfterItsLatency() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    List<ApiResponse> received = new java.util.ArrayList<>();
    f.gateway.invokeAsync(f.request("POST", "/pets").build(), received::add);
    f.advanceMillis(19);
    assertTrue(received.isEmpty(), "the integration takes 20 ms");
    f.advanceMillis(1);
    assertEquals(1, received.size());
  }

  @Test
  void methodSettingsKeys_acceptAwsForms() {
    MethodSettingsOverride one =
        MethodSettingsOverride.none().withThrottle(new ThrottleSettings(1, 1));
    StageSettings s =
        StageSettings.defaults().withMethodSettings("pets/GET", one).withMethodSettings("*/*", one);
    assertEquals(one, s.methodSettings().get("/pets/GET"));
    assertEquals(
        MethodSettings.defaults().withThrottle(new ThrottleSettings(1, 1)),
        s.defaultMethodSettings());
    ApiGatewayCacheTest.assertBadRequest(
        () -> StageSettings.defaults().withMethodSettings("/pets", one));
  }

  private static String quotaPlan(Fixture f, QuotaSettings quota) {
    return f.gateway.createUsagePlan(
        UsagePlanSettings.of("quota", ApiStage.of(f.api.id(), Fixture.STAGE)).withQuota(quota));
  }

  static Fixture keyed(StageSettings settings) {
    Fixture f = new Fixture(AwsSimulator.withSeed(5), true);
    f.gateway.createStage(f.api.id(), Fixture.STAGE, f.deployment, settings);
    return f;
  }

  static ApiKey key(Fixture f, String name, String plan) {
    ApiKey key = f.gateway.createApiKey(name);
    f.gateway.createUsagePlanKey(plan, key.id());
    return key;
  }

  private static void assertForbidden(ApiResponse r) {
    assertEquals(403, r.statusCode());
    assertEquals("INVALID_API_KEY", r.errorType());
  }
}
