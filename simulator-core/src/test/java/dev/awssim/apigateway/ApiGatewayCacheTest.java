package dev.awssim.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
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
            "/pets/POST",
            MethodSettingsOverride.none().withCachingEnabled(true).withCacheTtlInSeconds(60)));
    f.send(f.request("POST", "/pets"));
    assertTrue(f.send(f.request("POST", "/pets")).fromCache());
  }

  @Test
  void methodOverride_throttleOnlyForPost_doesNotTurnCachingOnForPost() {
    Fixture f =
        Fixture.withStage(
            1,
            CACHED.withMethodSettings(
                "/pets/POST",
                MethodSettingsOverride.none().withThrottle(new ThrottleSettings(100, 100))));
    f.send(f.request("POST", "/pets"));
    assertFalse(f.send(f.request("POST", "/pets")).fromCache());
    assertEquals(2, f.integrationCalls.get());
    f.get("/pets");
    assertTrue(f.get("/pets").fromCache(), "GET still cached by the stage default");
  }

  @Test
  void methodOverride_ttlOnlyForGet_inheritsCachingAndLaterStageChanges() {
    Fixture f =
        Fixture.withStage(
            1,
            CACHED.withMethodSettings(
                "/pets/GET", MethodSettingsOverride.none().withCacheTtlInSeconds(10)));
    f.get("/pets");
    f.advanceMillis(9_999);
    assertTrue(f.get("/pets").fromCache(), "the override's TTL of 10 s");
    f.advanceMillis(1);
    assertFalse(f.get("/pets").fromCache(), "expired at exactly 10 s");
    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        f.gateway
            .getStage(f.api.id(), Fixture.STAGE)
            .withDefaultMethodSettings(MethodSettings.defaults().withCachingEnabled(false)));
    f.get("/pets");
    assertFalse(f.get("/pets").fromCache(), "caching off inherited from the new stage default");
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

  /** A cached GET whose mock body is {@code body}; true if the second GET comes from the cache. */
  private static boolean secondGetFromCache(String body) {
    AwsSimulator sim = AwsSimulator.withSeed(3);
    ApiGateway gateway = sim.apiGateway();
    RestApi api = gateway.createRestApi("big");
    String big = gateway.createResource(api.id(), api.rootResourceId(), "big");
    gateway.putMethod(api.id(), big, "GET", Integration.mock(200, body));
    gateway.createStage(api.id(), "prod", gateway.createDeployment(api.id()), CACHED);
    gateway.invoke(api.id(), "prod", "GET", "/big");
    return gateway.invoke(api.id(), "prod", "GET", "/big").fromCache();
  }

  @Test
  void responseSize_isCountedInBytes_600000AsciiBytesAreCached() {
    assertTrue(secondGetFromCache("a".repeat(600_000)));
  }

  @Test
  void responseSize_atTheLimit1048576Bytes_cached_oneByteMore_notCached() {
    assertTrue(secondGetFromCache("a".repeat(1_048_576)));
    assertFalse(secondGetFromCache("a".repeat(1_048_577)));
  }

  @Test
  void responseSize_multiByteCharacters_countTheirUtf8Bytes() {
    assertFalse(secondGetFromCache("\u20ac".repeat(400_000)), "1,200,000 bytes in 400,000 chars");
    assertTrue(secondGetFromCache("\u20ac".repeat(349_525)), "1,048,575 bytes");
  }
}
