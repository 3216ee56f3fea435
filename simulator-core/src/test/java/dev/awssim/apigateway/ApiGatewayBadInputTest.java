package dev.awssim.apigateway;

import static dev.awssim.apigateway.ApiGatewayCacheTest.assertBadRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import org.junit.jupiter.api.Test;

class ApiGatewayBadInputTest {

  @Test
  void throttleAndQuota_invalidValues_areBadRequests() {
    assertBadRequest(() -> new ThrottleSettings(-1, 5));
    assertBadRequest(() -> new ThrottleSettings(10, -1));
    assertBadRequest(() -> new ThrottleSettings(Double.NaN, 1));
    assertBadRequest(() -> QuotaSettings.of(100, "YEAR"));
    assertBadRequest(() -> QuotaSettings.of(-1, "DAY"));
    assertBadRequest(() -> QuotaSettings.of(10, "DAY").withOffset(11));
    assertEquals(0.5, new ThrottleSettings(0.5, 0).rateLimit());
  }

  @Test
  void unknownApiStageDeploymentPlanOrKey_isNotFound() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    assertNotFound(() -> f.gateway.createDeployment("nope"));
    assertNotFound(() -> f.gateway.createStage(f.api.id(), "beta", "nodeployment"));
    assertNotFound(() -> f.gateway.getStage(f.api.id(), "nostage"));
    assertNotFound(
        () -> f.gateway.createUsagePlan(UsagePlanSettings.of("p", ApiStage.of(f.api.id(), "x"))));
    assertNotFound(() -> f.gateway.createUsagePlanKey("noplan", "nokey"));
    assertNotFound(() -> f.gateway.invoke("nope", "prod", "GET", "/"));
    String plan =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of("p", ApiStage.of(f.api.id(), Fixture.STAGE)));
    assertNotFound(() -> f.gateway.createUsagePlanKey(plan, "nokey"));
  }

  @Test
  void keyInTwoPlansForTheSameStage_isConflict_andChangesNothing() {
    Fixture f = ApiGatewayThrottlingTest.keyed(StageSettings.defaults());
    String first =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of("one", ApiStage.of(f.api.id(), Fixture.STAGE))
                .withQuota(QuotaSettings.of(1, "DAY")));
    String second =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of("two", ApiStage.of(f.api.id(), Fixture.STAGE)));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", first);
    ApiGatewayException e =
        assertThrows(
            ApiGatewayException.class, () -> f.gateway.createUsagePlanKey(second, key.id()));
    assertEquals("ConflictException", e.errorCode());
    assertEquals(409, e.statusCode());
    assertEquals(
        0,
        f.gateway
            .getUsage(
                second,
                java.time.LocalDate.parse("2025-01-01"),
                java.time.LocalDate.parse("2025-01-01"))
            .items()
            .size());
    f.send(f.request("GET", "/pets").apiKey(key.value()));
    assertEquals(
        "QUOTA_EXCEEDED",
        f.send(f.request("GET", "/pets").apiKey(key.value())).errorType(),
        "still governed by the first plan only");
  }

  @Test
  void apiKeyValue_mustBe20To128Alphanumeric_andUnique() {
    ApiGateway gw = AwsSimulator.withSeed(1).apiGateway();
    assertBadRequest(() -> gw.createApiKey("k", "short", true));
    assertBadRequest(() -> gw.createApiKey("k", "has-dash-0123456789012", true));
    gw.createApiKey("k", "a".repeat(20), true);
    ApiGatewayException e =
        assertThrows(ApiGatewayException.class, () -> gw.createApiKey("k2", "a".repeat(20), true));
    assertEquals("ConflictException", e.errorCode());
    assertEquals(40, gw.createApiKey("generated").value().length());
  }

  @Test
  void duplicateStageOrMethod_isConflict() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    assertEquals(
        "ConflictException",
        assertThrows(
                ApiGatewayException.class,
                () -> f.gateway.createStage(f.api.id(), Fixture.STAGE, f.deployment))
            .errorCode());
    assertEquals(
        "ConflictException",
        assertThrows(
                ApiGatewayException.class,
                () -> f.gateway.putMethod(f.api.id(), f.pets, "GET", Integration.mock(200, "")))
            .errorCode());
    assertBadRequest(
        () -> f.gateway.putMethod(f.api.id(), f.pets, "FETCH", Integration.mock(200, "")));
  }

  @Test
  void httpRouteSettingForUnknownRoute_isNotFound_andTheStageIsNotCreated() {
    ApiGateway gw = AwsSimulator.withSeed(1).apiGateway();
    String api = gw.createApi("http");
    gw.createRoute(api, "GET /a", Integration.mock(200, "a"));
    assertNotFound(
        () ->
            gw.createStage(
                api,
                "dev",
                HttpStageSettings.defaults()
                    .withRouteThrottle("GET /b", new ThrottleSettings(1, 1))));
    assertEquals(403, gw.invoke(api, "dev", "GET", "/a").statusCode());
    assertBadRequest(() -> gw.createRoute(api, "GET a", Integration.mock(200, "")));
  }

  @Test
  void httpApiStage_inAUsagePlan_isNotFound_httpApisHaveNoUsagePlansOrKeys() {
    ApiGateway gw = AwsSimulator.withSeed(1).apiGateway();
    String api = gw.createApi("http");
    gw.createRoute(api, "GET /a", Integration.mock(200, "a"));
    gw.createStage(api, "$default", HttpStageSettings.defaults());
    assertNotFound(
        () -> gw.createUsagePlan(UsagePlanSettings.of("p", ApiStage.of(api, "$default"))));
    assertEquals(0, gw.getUsagePlans().size());
  }

  private static void assertNotFound(Runnable call) {
    ApiGatewayException e = assertThrows(ApiGatewayException.class, call::run);
    assertEquals("NotFoundException", e.errorCode());
    assertEquals(404, e.statusCode());
  }
}
