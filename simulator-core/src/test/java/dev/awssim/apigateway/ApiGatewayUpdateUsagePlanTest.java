package dev.awssim.apigateway;

import static dev.awssim.apigateway.ApiGatewayCacheTest.assertBadRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * UpdateUsagePlan, UpdateApiKey and the usage-plan listings (API_UpdateUsagePlan.html,
 * API_UpdateApiKey.html): a change applies to every key of the plan from the instant it is made.
 */
class ApiGatewayUpdateUsagePlanTest {
  private final Fixture f = ApiGatewayThrottlingTest.keyed(StageSettings.defaults());

  private String plan(UsagePlanSettings settings) {
    return f.gateway.createUsagePlan(settings);
  }

  private UsagePlanSettings stage(String name) {
    return UsagePlanSettings.of(name, ApiStage.of(f.api.id(), Fixture.STAGE));
  }

  private int get(ApiKey key) {
    return f.send(f.request("GET", "/pets").apiKey(key.value())).statusCode();
  }

  @Test
  void updateUsagePlan_throttle_appliesToTheKeysFromThatInstant() {
    String plan = plan(stage("gold").withThrottle(new ThrottleSettings(100, 3)));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", plan);
    assertEquals(200, get(key));
    UsagePlanDescription after =
        f.gateway.updateUsagePlan(
            plan,
            List.of(
                PatchOperation.replace("/throttle/rateLimit", "4"),
                PatchOperation.replace("/throttle/burstLimit", "1")));
    assertEquals(Optional.of(new ThrottleSettings(4, 1)), after.settings().throttle());
    // Two tokens were left; the new burst of 1 keeps one.
    assertEquals(200, get(key));
    assertEquals(429, get(key));
    // 4 per second: the next token 250 ms after the change.
    f.advanceMillis(249);
    assertEquals(429, get(key));
    f.advanceMillis(1);
    assertEquals(200, get(key));
  }

  @Test
  void updateUsagePlan_removeThrottle_keyIsNoLongerThrottledByThePlan() {
    String plan = plan(stage("gold").withThrottle(new ThrottleSettings(1, 1)));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", plan);
    assertEquals(200, get(key));
    assertEquals(429, get(key));
    f.gateway.updateUsagePlan(plan, List.of(PatchOperation.remove("/throttle")));
    assertEquals(200, get(key));
    assertEquals(200, get(key));
  }

  @Test
  void updateUsagePlan_quotaLowered_requestsAlreadyMadeCountAgainstTheNewLimit() {
    String plan = plan(stage("gold").withQuota(QuotaSettings.of(10, "DAY")));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", plan);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get(key));
    }
    f.gateway.updateUsagePlan(plan, List.of(PatchOperation.replace("/quota/limit", "4")));
    assertEquals(OptionalLong.of(1), f.gateway.remainingQuota(plan, key.id()));
    assertEquals(200, get(key));
    assertEquals(429, get(key));
    f.gateway.updateUsagePlan(plan, List.of(PatchOperation.replace("/quota/period", "WEEK")));
    assertEquals(OptionalLong.of(0), f.gateway.remainingQuota(plan, key.id()));
  }

  @Test
  void updateUsagePlan_newQuota_needsALimitAndAPeriod() {
    String plan = plan(stage("gold"));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", plan);
    assertEquals(200, get(key));
    assertBadRequest(
        () ->
            f.gateway.updateUsagePlan(plan, List.of(PatchOperation.replace("/quota/limit", "1"))));
    f.gateway.updateUsagePlan(
        plan,
        List.of(
            PatchOperation.add("/quota/limit", "2"), PatchOperation.add("/quota/period", "DAY")));
    // The request made before the quota existed counts in today's period.
    assertEquals(200, get(key));
    assertEquals(429, get(key));
  }

  @Test
  void updateUsagePlan_methodThrottleOfAStage_throttlesThatMethodForTheKey() {
    String plan = plan(stage("gold").withThrottle(new ThrottleSettings(100, 100)));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", plan);
    String path = "/apiStages/" + f.api.id() + ":" + Fixture.STAGE + "/throttle/~1pets/GET";
    UsagePlanDescription after =
        f.gateway.updateUsagePlan(
            plan,
            List.of(
                PatchOperation.replace(path + "/rateLimit", "1"),
                PatchOperation.replace(path + "/burstLimit", "1")));
    assertEquals(
        new ThrottleSettings(1, 1),
        after.settings().apiStages().get(0).throttle().get("/pets/GET"));
    assertEquals(200, get(key));
    assertEquals(429, get(key));
    assertEquals(200, f.send(f.request("POST", "/pets").apiKey(key.value())).statusCode());
    f.gateway.updateUsagePlan(plan, List.of(PatchOperation.remove(path)));
    assertEquals(200, get(key));
  }

  @Test
  void updateUsagePlan_removeAndAddApiStage_movesTheKeysSubscription() {
    String plan = plan(stage("gold"));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", plan);
    String apiStage = f.api.id() + ":" + Fixture.STAGE;
    f.gateway.updateUsagePlan(
        plan, List.of(new PatchOperation("remove", "/apiStages", apiStage, null)));
    assertEquals(403, get(key));
    f.gateway.updateUsagePlan(plan, List.of(PatchOperation.add("/apiStages", apiStage)));
    assertEquals(200, get(key));
    assertBadRequest(
        () -> f.gateway.updateUsagePlan(plan, List.of(PatchOperation.add("/apiStages", apiStage))));
  }

  @Test
  void updateUsagePlan_addStageWhereTheKeyIsInAnotherPlan_isConflict_andChangesNothing() {
    String first = plan(stage("first"));
    String second = plan(UsagePlanSettings.of("second"));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", first);
    f.gateway.createUsagePlanKey(second, key.id());
    UsagePlanDescription before = f.gateway.getUsagePlan(second);
    ApiGatewayException e =
        assertThrows(
            ApiGatewayException.class,
            () ->
                f.gateway.updateUsagePlan(
                    second,
                    List.of(PatchOperation.add("/apiStages", f.api.id() + ":" + Fixture.STAGE))));
    assertEquals("ConflictException", e.errorCode());
    assertEquals(409, e.statusCode());
    assertEquals(before, f.gateway.getUsagePlan(second));
  }

  @Test
  void updateUsagePlan_refused_isBadRequest_andThePlanIsUnchanged() {
    String plan = plan(stage("gold").withThrottle(new ThrottleSettings(5, 5)));
    UsagePlanDescription before = f.gateway.getUsagePlan(plan);
    for (PatchOperation bad :
        List.of(
            PatchOperation.replace("/throttle/rateLimit", "-1"),
            PatchOperation.replace("/throttle/burstLimit", "x"),
            PatchOperation.replace("/quota/period", "YEAR"),
            PatchOperation.replace("/throttle", "1"),
            PatchOperation.replace("/nonsense", "1"),
            PatchOperation.add("/apiStages", "nocolon"))) {
      assertBadRequest(
          () ->
              f.gateway.updateUsagePlan(
                  plan, List.of(PatchOperation.replace("/name", "renamed"), bad)));
    }
    assertEquals(before, f.gateway.getUsagePlan(plan));
    ApiGatewayException unknown =
        assertThrows(
            ApiGatewayException.class,
            () ->
                f.gateway.updateUsagePlan("noplan", List.of(PatchOperation.replace("/name", "x"))));
    assertEquals("NotFoundException", unknown.errorCode());
  }

  @Test
  void updateApiKey_disabled_isRefusedFromThatInstant_andListingsShowIt() {
    String plan = plan(stage("gold"));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", plan);
    assertEquals(200, get(key));
    ApiKey disabled =
        f.gateway.updateApiKey(
            key.id(),
            List.of(
                PatchOperation.replace("/enabled", "false"),
                PatchOperation.replace("/name", "renamed")));
    assertEquals(new ApiKey(key.id(), "renamed", key.value(), false), disabled);
    assertEquals(403, get(key));
    assertEquals(List.of(disabled), f.gateway.getApiKeys());
    assertEquals(List.of(disabled), f.gateway.getUsagePlanKeys(plan));
    assertEquals(List.of(f.gateway.getUsagePlan(plan)), f.gateway.getUsagePlans());
    assertBadRequest(
        () -> f.gateway.updateApiKey(key.id(), List.of(PatchOperation.replace("/value", "x"))));
  }
}
