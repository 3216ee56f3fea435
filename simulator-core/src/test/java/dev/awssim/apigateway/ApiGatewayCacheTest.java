package dev.awssim.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiGatewayCacheTest {
  private static final StageSettings CACHED =
      StageSettings.defaults().withCacheCluster(true, "0.5");

  @Test
  void cachedGet_withinTtl_doesNotReachTheIntegration() {
    Fixture f = Fixture.withStage(1, CACHED);
    ApiResponse first = f.get("/pets");
    assertFalse(first.fromCache());
    f.advanceMillis(299_999);
    ApiResponse second = f.get("/pets");
    assertTrue(second.fromCache());
    assertEquals(first.body(), second.body());
    assertEquals(1, f.integrationCalls.get());
    f.advanceMillis(1);
    assertFalse(f.get("/pets").fromCache(), "the default TTL of 300 s is over");
    assertEquals(2, f.integrationCalls.get());
    assertEquals(1, f.metric("CacheHitCount"));
    assertEquals(2, f.metric("CacheMissCount"));
  }

  @Test
  void ttlZero_disablesCaching() {
    Fixture f =
        Fixture.withStage(
            1,
            CACHED.withDefaultMethodSettings(MethodSettings.defaults().withCacheTtlInSeconds(0)));
    f.get("/pets");
    f.get("/pets");
    assertEquals(2, f.integrationCalls.get());
  }

  @Test
  void post_isNotCachedByDefault_butAMethodOverrideCachesIt() {
    Fixture f = Fixture.withStage(1, CACHED);
    f.send(f.request("POST", "/pets"));
    f.send(f.request("POST", "/pets"));
    assertEquals(2, f.integrationCalls.get());
    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        CACHED.withMethodSettings(
            "/pets/POST", MethodSettings.defaults().withCacheTtlInSeconds(60)));
    f.send(f.request("POST", "/pets"));
    assertTrue(f.send(f.request("POST", "/pets")).fromCache());
  }

  @Test
  void cacheKey_usesMarkedParametersOnly() {
    Fixture f = Fixture.withStage(1, CACHED);
    f.send(f.request("GET", "/pets").queryParameter("id", "1").queryParameter("x", "a"));
    assertTrue(
        f.send(f.request("GET", "/pets").queryParameter("id", "1").queryParameter("x", "b"))
            .fromCache(),
        "x is not a cache key: shares the entry");
    assertFalse(f.send(f.request("GET", "/pets").queryParameter("id", "2")).fromCache());
  }

  @Test
  void maxAgeZero_authorized_replacesTheEntry() {
    Fixture f = Fixture.withStage(1, CACHED);
    f.get("/pets");
    ApiResponse fresh =
        f.send(
            f.request("GET", "/pets")
                .header("Cache-Control", "max-age=0")
                .authorizedToInvalidateCache(true));
    assertFalse(fresh.fromCache());
    assertEquals("call 2 -", fresh.body());
    assertEquals("call 2 -", f.get("/pets").body());
  }

  @Test
  void maxAgeZero_unauthorized_followsTheStrategy() {
    Fixture f = Fixture.withStage(1, CACHED);
    f.get("/pets");
    ApiResponse warned = f.send(f.request("GET", "/pets").header("Cache-Control", "max-age=0"));
    assertTrue(warned.fromCache());
    assertTrue(warned.headers().containsKey("Warning"));

    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        CACHED.withDefaultMethodSettings(
            MethodSettings.defaults()
                .withUnauthorizedCacheControlHeaderStrategy(
                    UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403)));
    assertEquals(
        403, f.send(f.request("GET", "/pets").header("Cache-Control", "max-age=0")).statusCode());

    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        CACHED.withDefaultMethodSettings(
            MethodSettings.defaults().withRequireAuthorizationForCacheControl(false)));
    assertFalse(
        f.send(f.request("GET", "/pets").header("Cache-Control", "max-age=0")).fromCache(),
        "without required authorization any client can invalidate");
  }

  @Test
  void changingCapacity_dropsAllEntries() {
    Fixture f = Fixture.withStage(1, CACHED);
    f.get("/pets");
    f.gateway.updateStage(
        f.api.id(), Fixture.STAGE, StageSettings.defaults().withCacheCluster(true, "1.6"));
    assertFalse(f.get("/pets").fromCache());
    assertTrue(f.get("/pets").fromCache());
    f.gateway.flushStageCache(f.api.id(), Fixture.STAGE);
    assertFalse(f.get("/pets").fromCache());
  }

  @Test
  void invalidSettings_areBadRequests() {
    assertBadRequest(() -> MethodSettings.defaults().withCacheTtlInSeconds(3_601));
    assertBadRequest(() -> MethodSettings.defaults().withCacheTtlInSeconds(-1));
    assertBadRequest(() -> StageSettings.defaults().withCacheCluster(true, "1.0"));
    assertEquals(3_600, MethodSettings.defaults().withCacheTtlInSeconds(3_600).cacheTtlInSeconds());
  }

  static void assertBadRequest(Runnable call) {
    ApiGatewayException e =
        org.junit.jupiter.api.Assertions.assertThrows(ApiGatewayException.class, call::run);
    assertEquals("BadRequestException", e.errorCode());
    assertEquals(400, e.statusCode());
  }
}
