package dev.awssim.apigateway;

import static dev.awssim.apigateway.ApiGatewayCacheTest.assertBadRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * UpdateStage's patch operations (API_UpdateStage.html, patch-operations.html): each changes the
 * stage and its token buckets from the instant it is made; a refused batch changes nothing.
 */
class ApiGatewayUpdateStageTest {
  private static final String ALL = "/*" + "/*";

  @Test
  void updateStage_stageRateAndBurstReplaced_throttlesAtTheNewRateFromThatInstant() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(10, 5));
    for (int i = 0; i < 5; i++) {
      assertEquals(200, f.get("/pets/1").statusCode());
    }
    assertEquals(429, f.get("/pets/1").statusCode());

    StageDescription after =
        f.gateway.updateStage(
            f.api.id(),
            Fixture.STAGE,
            List.of(
                PatchOperation.replace(ALL + "/throttling/rateLimit", "2"),
                PatchOperation.replace(ALL + "/throttling/burstLimit", "1")));

    assertEquals(
        Optional.of(new ThrottleSettings(2, 1)),
        after.settings().defaultMethodSettings().throttle());
    // 2 requests per second: one token every 500 ms, the first at t = 500 ms.
    f.advanceMillis(499);
    assertEquals(429, f.get("/pets/1").statusCode());
    f.advanceMillis(1);
    assertEquals(200, f.get("/pets/1").statusCode());
    f.advanceMillis(499);
    assertEquals(429, f.get("/pets/1").statusCode());
    f.advanceMillis(1);
    assertEquals(200, f.get("/pets/1").statusCode());
  }

  @Test
  void updateStage_burstRaisedOnAnEmptyBucket_grantsNoNewBurst() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(10, 1));
    assertEquals(200, f.get("/pets/1").statusCode());
    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        List.of(PatchOperation.replace(ALL + "/throttling/burstLimit", "50")));
    assertEquals(429, f.get("/pets/1").statusCode());
    // The bucket refills at 10 per second from the change: one token after 100 ms.
    f.advanceMillis(99);
    assertEquals(429, f.get("/pets/1").statusCode());
    f.advanceMillis(1);
    assertEquals(200, f.get("/pets/1").statusCode());
  }

  @Test
  void updateStage_burstLowered_keepsNoMoreTokensThanTheNewBurst() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(1, 10));
    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        List.of(PatchOperation.replace(ALL + "/throttling/burstLimit", "3")));
    for (int i = 0; i < 3; i++) {
      assertEquals(200, f.get("/pets/1").statusCode());
    }
    assertEquals(429, f.get("/pets/1").statusCode());
  }

  @Test
  void updateStage_methodRate_throttlesThatMethodOnly_withTheStageBurst() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(100, 4));
    StageDescription after =
        f.gateway.updateStage(
            f.api.id(),
            Fixture.STAGE,
            List.of(PatchOperation.replace("/~1pets~1{id}/GET/throttling/rateLimit", "1")));
    assertEquals(
        Optional.of(new ThrottleSettings(1, 4)),
        after.settings().methodSettings().get("/pets/{id}/GET").throttle());
    for (int i = 0; i < 4; i++) {
      assertEquals(200, f.get("/pets/" + i).statusCode());
    }
    assertEquals(429, f.get("/pets/9").statusCode());
    assertEquals(200, f.get("/pets").statusCode());
    f.advanceMillis(999);
    assertEquals(429, f.get("/pets/9").statusCode());
    f.advanceMillis(1);
    assertEquals(200, f.get("/pets/9").statusCode());
  }

  @Test
  void updateStage_rateOnAStageWithoutThrottle_startsFromTheAccountBurstOf5000() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    StageDescription after =
        f.gateway.updateStage(
            f.api.id(),
            Fixture.STAGE,
            List.of(PatchOperation.replace(ALL + "/throttling/rateLimit", "20")));
    assertEquals(
        Optional.of(new ThrottleSettings(20, 5_000)),
        after.settings().defaultMethodSettings().throttle());
  }

  @Test
  void updateStage_removeMethodSetting_inheritsTheStageDefaultAgain() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(100, 4));
    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        List.of(PatchOperation.replace("/~1pets/GET/throttling/burstLimit", "1")));
    StageDescription after =
        f.gateway.updateStage(
            f.api.id(), Fixture.STAGE, List.of(PatchOperation.remove("/~1pets/GET")));
    assertTrue(after.settings().methodSettings().isEmpty());
    assertBadRequest(
        () ->
            f.gateway.updateStage(
                f.api.id(), Fixture.STAGE, List.of(PatchOperation.remove("/~1pets/GET"))));
  }

  @Test
  void updateStage_variablesCacheAndTtl_areReplaced_ttlUpTo3600() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    StageDescription after =
        f.gateway.updateStage(
            f.api.id(),
            Fixture.STAGE,
            List.of(
                PatchOperation.add("/variables/version", "v2"),
                PatchOperation.replace("/variables/region", "eu"),
                PatchOperation.remove("/variables/region"),
                PatchOperation.replace("/cacheClusterEnabled", "true"),
                PatchOperation.replace("/cacheClusterSize", "1.6"),
                PatchOperation.replace(ALL + "/caching/ttlInSeconds", "3600"),
                PatchOperation.replace("/~1pets/POST/caching/enabled", "true"),
                PatchOperation.replace("/description", "ignored")));
    StageSettings s = after.settings();
    assertEquals(Map.of("version", "v2"), s.variables());
    assertTrue(s.cacheClusterEnabled());
    assertEquals("1.6", s.cacheClusterSize());
    assertEquals(3_600, s.defaultMethodSettings().cacheTtlInSeconds());
    assertEquals(Optional.of(true), s.methodSettings().get("/pets/POST").cachingEnabled());
    assertEquals(s, f.gateway.getStage(f.api.id(), Fixture.STAGE));
    assertBadRequest(
        () ->
            f.gateway.updateStage(
                f.api.id(),
                Fixture.STAGE,
                List.of(PatchOperation.replace(ALL + "/caching/ttlInSeconds", "3601"))));
  }

  @Test
  void updateStage_refusedOperation_isBadRequest_andLeavesTheStageAndItsBucketsUnchanged() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(1, 2));
    StageDescription before = f.gateway.getStageDescription(f.api.id(), Fixture.STAGE);
    List<List<PatchOperation>> refused =
        List.of(
            List.of(
                PatchOperation.replace(ALL + "/throttling/rateLimit", "50"),
                PatchOperation.replace("/nonsense", "1")),
            List.of(PatchOperation.replace(ALL + "/throttling/rateLimit", "-1")),
            List.of(PatchOperation.replace("", "1")),
            List.of(PatchOperation.replace("nonsense", "1")),
            List.of(PatchOperation.replace(ALL + "/throttling/burstLimit", "-1")),
            List.of(PatchOperation.replace(ALL + "/throttling/rateLimit", "fast")),
            List.of(PatchOperation.replace(ALL + "/throttling/rateLimit", "NaN")),
            List.of(PatchOperation.add(ALL + "/throttling/rateLimit", "5")),
            List.of(new PatchOperation("delete", "/cacheClusterEnabled", "true", null)),
            List.of(PatchOperation.replace("/cacheClusterEnabled", "yes")),
            List.of(PatchOperation.replace("/cacheClusterSize", "2")),
            List.of(PatchOperation.replace("/~1pets/FETCH/throttling/rateLimit", "1")),
            List.of(PatchOperation.replace("/pets/GET/throttling/rateLimit", "1")),
            List.of(PatchOperation.replace(ALL + "/throttling/speed", "1")),
            List.of(PatchOperation.replace("/canarySettings/percentTraffic", "5")),
            List.of(PatchOperation.replace("/variables/bad name", "x")));
    for (List<PatchOperation> ops : refused) {
      assertBadRequest(() -> f.gateway.updateStage(f.api.id(), Fixture.STAGE, ops));
    }
    assertEquals(before, f.gateway.getStageDescription(f.api.id(), Fixture.STAGE));
    // The bucket still holds its burst of 2 at the old settings.
    assertEquals(200, f.get("/pets/1").statusCode());
    assertEquals(200, f.get("/pets/1").statusCode());
    assertEquals(429, f.get("/pets/1").statusCode());
  }

  @Test
  void updateStage_unknownStageOrDeployment_isNotFound() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    ApiGatewayException stage =
        assertThrows(
            ApiGatewayException.class,
            () ->
                f.gateway.updateStage(
                    f.api.id(),
                    "nostage",
                    List.of(PatchOperation.replace("/cacheClusterEnabled", "true"))));
    assertEquals("NotFoundException", stage.errorCode());
    assertEquals(404, stage.statusCode());
    ApiGatewayException deployment =
        assertThrows(
            ApiGatewayException.class,
            () ->
                f.gateway.updateStage(
                    f.api.id(),
                    Fixture.STAGE,
                    List.of(PatchOperation.replace("/deploymentId", "nodeployment"))));
    assertEquals("NotFoundException", deployment.errorCode());
    assertEquals(f.deployment, f.gateway.getStageDeploymentId(f.api.id(), Fixture.STAGE));
  }

  @Test
  void updateStage_canaryPatches_promoteByCopyingTheCanaryDeployment() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    String next = f.gateway.createDeployment(f.api.id());
    String other = f.gateway.createDeployment(f.api.id());
    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        StageSettings.defaults()
            .withCanary(
                CanarySettings.of(10, next)
                    .withStageVariableOverrides(
                        com.google.common.collect.ImmutableMap.of("version", "v2"))));
    assertBadRequest(
        () ->
            f.gateway.updateStage(
                f.api.id(),
                Fixture.STAGE,
                List.of(PatchOperation.replace("/deploymentId", other))));
    StageDescription promoted =
        f.gateway.updateStage(
            f.api.id(),
            Fixture.STAGE,
            List.of(
                PatchOperation.replace("/canarySettings/percentTraffic", "0.0"),
                PatchOperation.copy("/canarySettings/stageVariableOverrides", "/variables"),
                PatchOperation.copy("/canarySettings/deploymentId", "/deploymentId"),
                PatchOperation.remove("/canarySettings")));
    assertEquals(next, promoted.deploymentId());
    assertEquals(Map.of("version", "v2"), promoted.settings().variables());
    assertTrue(promoted.settings().canary().isEmpty());
  }

  @Test
  void getRestApisAndGetStages_listInCreationOrder() {
    Fixture f = Fixture.withStage(1, StageSettings.defaults());
    RestApi second = f.gateway.createRestApi("second");
    f.gateway.createStage(f.api.id(), "beta", f.deployment);
    assertEquals(List.of(f.api, second), f.gateway.getRestApis());
    assertEquals(second, f.gateway.getRestApi(second.id()));
    assertEquals(
        List.of(Fixture.STAGE, "beta"),
        f.gateway.getStages(f.api.id()).stream().map(StageDescription::stageName).toList());
    assertEquals(List.of(), f.gateway.getStages(second.id()));
  }
}
