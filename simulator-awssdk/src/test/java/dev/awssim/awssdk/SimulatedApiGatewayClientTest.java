package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.Integration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateStageResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsageResponse;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;
import software.amazon.awssdk.services.apigateway.model.UpdateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.apigateway.model.UsagePlanKey;

/** API Gateway's control plane through ApiGatewayClient, and its effect on the data plane. */
class SimulatedApiGatewayClientTest {
  private static final String ALL = "/*" + "/*";

  private final AwsSimulator sim = AwsSimulator.withSeed(1);
  private final SimulatedAws aws = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build();
  private final ApiGatewayClient apigw = aws.apiGatewayClient();
  private final ApiGateway gateway = sim.apiGateway();

  /** A REST API "pets" with GET /pets (mock 200), deployed to stage "prod"; returns its id. */
  private String petsApi() {
    String id = apigw.createRestApi(b -> b.name("pets")).id();
    String root = apigw.getRestApi(b -> b.restApiId(id)).rootResourceId();
    String pets = apigw.createResource(b -> b.restApiId(id).parentId(root).pathPart("pets")).id();
    gateway.putMethod(id, pets, "GET", Integration.mock(200, "[]"));
    apigw.createDeployment(b -> b.restApiId(id).stageName("prod"));
    return id;
  }

  private int get(String apiId) {
    return gateway.invoke(apiId, "prod", "GET", "/pets").statusCode();
  }

  private static PatchOperation replace(String path, String value) {
    return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
  }

  @Test
  void updateStage_rateLimit_dataPlaneThrottlesAtTheNewRateFromThatInstant() {
    String id = petsApi();
    UpdateStageResponse updated =
        apigw.updateStage(
            b ->
                b.restApiId(id)
                    .stageName("prod")
                    .patchOperations(
                        replace(ALL + "/throttling/rateLimit", "1"),
                        replace(ALL + "/throttling/burstLimit", "2")));
    MethodSetting all = updated.methodSettings().get("*/*");
    assertEquals(1.0, all.throttlingRateLimit());
    assertEquals(2, all.throttlingBurstLimit());
    assertEquals(200, get(id));
    assertEquals(200, get(id));
    assertEquals(429, get(id));
    // One request per second: the next token at t = 1 s, not before.
    sim.advanceBy(Duration.ofMillis(999));
    assertEquals(429, get(id));
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(200, get(id));
  }

  @Test
  void updateStage_methodSetting_isReportedUnderItsEscapedKey() {
    String id = petsApi();
    apigw.updateStage(
        b ->
            b.restApiId(id)
                .stageName("prod")
                .patchOperations(
                    replace("/~1pets/GET/throttling/burstLimit", "7"),
                    replace("/~1pets/GET/metrics/enabled", "true"),
                    PatchOperation.builder()
                        .op(Op.ADD)
                        .path("/variables/version")
                        .value("v2")
                        .build()));
    GetStageResponse stage = apigw.getStage(b -> b.restApiId(id).stageName("prod"));
    MethodSetting pets = stage.methodSettings().get("~1pets/GET");
    assertEquals(7, pets.throttlingBurstLimit());
    assertEquals(10_000.0, pets.throttlingRateLimit());
    assertTrue(pets.metricsEnabled());
    assertEquals(Map.of("version", "v2"), stage.variables());
    assertEquals(Map.of("~1pets/GET", pets), stage.methodSettings());
  }

  @Test
  void updateStage_badPathOrValue_isBadRequestException400_andTheStageIsUnchanged() {
    String id = petsApi();
    GetStageResponse before = apigw.getStage(b -> b.restApiId(id).stageName("prod"));
    for (PatchOperation bad :
        List.of(
            replace("/nonsense", "1"),
            replace(ALL + "/throttling/rateLimit", "-5"),
            replace(ALL + "/throttling/burstLimit", "lots"),
            PatchOperation.builder().path(ALL + "/throttling/rateLimit").value("5").build(),
            PatchOperation.builder().op(Op.REPLACE).value("5").build(),
            PatchOperation.builder().op("frobnicate").path("/cacheClusterEnabled").build())) {
      BadRequestException e =
          assertThrows(
              BadRequestException.class,
              () ->
                  apigw.updateStage(
                      b ->
                          b.restApiId(id)
                              .stageName("prod")
                              .patchOperations(replace(ALL + "/throttling/rateLimit", "3"), bad)));
      assertEquals(400, e.statusCode());
      assertEquals("BadRequestException", e.awsErrorDetails().errorCode());
      assertEquals("ApiGateway", e.awsErrorDetails().serviceName());
    }
    assertEquals(before, apigw.getStage(b -> b.restApiId(id).stageName("prod")));
  }

  @Test
  void unknownApiOrStage_isNotFoundException404() {
    String id = petsApi();
    NotFoundException stage =
        assertThrows(
            NotFoundException.class,
            () ->
                apigw.updateStage(
                    b ->
                        b.restApiId(id)
                            .stageName("nope")
                            .patchOperations(replace("/cacheClusterEnabled", "true"))));
    assertEquals(404, stage.statusCode());
    assertThrows(NotFoundException.class, () -> apigw.getStages(b -> b.restApiId("nope")));
    assertThrows(NotFoundException.class, () -> apigw.getRestApi(b -> b.restApiId("nope")));
    assertThrows(
        NotFoundException.class, () -> apigw.getStage(b -> b.restApiId(id).stageName(null)));
  }

  @Test
  void createStage_existing_isConflictException() {
    String id = petsApi();
    String deployment = apigw.getStage(b -> b.restApiId(id).stageName("prod")).deploymentId();
    assertThrows(
        ConflictException.class,
        () -> apigw.createStage(b -> b.restApiId(id).stageName("prod").deploymentId(deployment)));
    CreateStageResponse beta =
        apigw.createStage(
            b ->
                b.restApiId(id)
                    .stageName("beta")
                    .deploymentId(deployment)
                    .variables(Map.of("color", "blue"))
                    .cacheClusterEnabled(true)
                    .cacheClusterSize("1.6"));
    assertEquals("AVAILABLE", beta.cacheClusterStatusAsString());
    assertEquals("1.6", beta.cacheClusterSize());
    assertEquals(Map.of("color", "blue"), beta.variables());
    assertEquals(
        List.of("prod", "beta"),
        apigw.getStages(b -> b.restApiId(id)).item().stream().map(Stage::stageName).toList());
  }

  @Test
  void getRestApis_pagesOf25ByDefault_andThePaginatorWalksThemAll() {
    for (int i = 0; i < 30; i++) {
      int n = i;
      apigw.createRestApi(b -> b.name("api-" + n));
    }
    var first = apigw.getRestApis(b -> {});
    assertEquals(25, first.items().size());
    assertEquals("25", first.position());
    var last = apigw.getRestApis(b -> b.position(first.position()));
    assertEquals(5, last.items().size());
    assertNull(last.position());
    List<String> names =
        apigw.getRestApisPaginator(b -> b.limit(7)).items().stream().map(RestApi::name).toList();
    assertEquals(30, names.size());
    assertEquals("api-0", names.get(0));
    assertEquals("api-29", names.get(29));
    assertEquals(30, apigw.getRestApis(b -> b.limit(500)).items().size());
    assertThrows(BadRequestException.class, () -> apigw.getRestApis(b -> b.limit(501)));
    assertThrows(BadRequestException.class, () -> apigw.getRestApis(b -> b.limit(0)));
    assertThrows(BadRequestException.class, () -> apigw.getRestApis(b -> b.position("x")));
  }

  @Test
  void asyncClient_updateStage_sameTranslationAndErrors() {
    String id = petsApi();
    var async = aws.apiGatewayAsyncClient();
    UpdateStageResponse r =
        async
            .updateStage(
                b ->
                    b.restApiId(id)
                        .stageName("prod")
                        .patchOperations(replace(ALL + "/throttling/burstLimit", "1")))
            .join();
    assertEquals(1, r.methodSettings().get("*/*").throttlingBurstLimit());
    assertEquals(200, get(id));
    assertEquals(429, get(id));
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () ->
                async
                    .updateStage(
                        b ->
                            b.restApiId(id)
                                .stageName("prod")
                                .patchOperations(replace("/nonsense", "1")))
                    .join());
    assertTrue(e.getCause() instanceof BadRequestException, e.getCause().toString());
  }

  @Test
  void asyncClient_getRestApisPaginator_publishesEveryPage() {
    for (int i = 0; i < 3; i++) {
      int n = i;
      apigw.createRestApi(b -> b.name("api-" + n));
    }
    List<String> names = new java.util.ArrayList<>();
    aws.apiGatewayAsyncClient()
        .getRestApisPaginator(b -> b.limit(2))
        .items()
        .subscribe(a -> names.add(a.name()))
        .join();
    assertEquals(List.of("api-0", "api-1", "api-2"), names);
  }

  /** A REST API whose GET /orders needs an API key, deployed to "prod"; returns its id. */
  private String keyedApi() {
    String id = apigw.createRestApi(b -> b.name("orders")).id();
    String root = apigw.getRestApi(b -> b.restApiId(id)).rootResourceId();
    String orders =
        apigw.createResource(b -> b.restApiId(id).parentId(root).pathPart("orders")).id();
    gateway.putMethod(id, orders, "GET", Integration.mock(200, "[]"), true, List.of());
    apigw.createDeployment(b -> b.restApiId(id).stageName("prod"));
    return id;
  }

  private int getWithKey(String apiId, String keyValue) {
    return gateway
        .invoke(
            dev.awssim.apigateway.ApiRequest.builder(apiId, "prod", "GET", "/orders")
                .apiKey(keyValue)
                .build())
        .statusCode();
  }

  @Test
  void updateUsagePlan_throttle_keysAreThrottledAtTheNewRateFromThatInstant() {
    String id = keyedApi();
    CreateUsagePlanResponse plan =
        apigw.createUsagePlan(
            b ->
                b.name("gold")
                    .apiStages(s -> s.apiId(id).stage("prod"))
                    .throttle(t -> t.rateLimit(100.0).burstLimit(100))
                    .quota(q -> q.limit(1_000).period(QuotaPeriodType.DAY)));
    assertEquals(100.0, plan.throttle().rateLimit());
    assertEquals("DAY", plan.quota().periodAsString());
    CreateApiKeyResponse key = apigw.createApiKey(b -> b.name("customer-a").enabled(true));
    assertEquals(40, key.value().length());
    CreateUsagePlanKeyResponse planKey =
        apigw.createUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY"));
    assertEquals(key.value(), planKey.value());

    UpdateUsagePlanResponse updated =
        apigw.updateUsagePlan(
            b ->
                b.usagePlanId(plan.id())
                    .patchOperations(
                        replace("/throttle/rateLimit", "2"), replace("/throttle/burstLimit", "1")));
    assertEquals(2.0, updated.throttle().rateLimit());
    assertEquals(1, updated.throttle().burstLimit());
    assertEquals(200, getWithKey(id, key.value()));
    assertEquals(429, getWithKey(id, key.value()));
    // 2 per second: the next token 500 ms later.
    sim.advanceBy(Duration.ofMillis(499));
    assertEquals(429, getWithKey(id, key.value()));
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(200, getWithKey(id, key.value()));

    assertEquals(
        List.of(plan.id()),
        apigw.getUsagePlans(b -> b.keyId(key.id())).items().stream().map(UsagePlan::id).toList());
    assertEquals(List.of(), apigw.getUsagePlans(b -> b.keyId("other")).items());
    assertEquals(2.0, apigw.getUsagePlan(b -> b.usagePlanId(plan.id())).throttle().rateLimit());
    assertEquals(
        List.of(key.id()),
        apigw.getUsagePlanKeys(b -> b.usagePlanId(plan.id())).items().stream()
            .map(UsagePlanKey::id)
            .toList());
    GetUsageResponse usage =
        apigw.getUsage(b -> b.usagePlanId(plan.id()).startDate("2025-01-01").endDate("2025-01-01"));
    assertEquals(Map.of(key.id(), List.of(List.of(2L, 998L))), usage.items());
  }

  @Test
  void apiKeys_valuesOnlyWhenAsked_andADisabledKeyIsRefused() {
    String id = keyedApi();
    String plan =
        apigw.createUsagePlan(b -> b.name("free").apiStages(s -> s.apiId(id).stage("prod"))).id();
    CreateApiKeyResponse key =
        apigw.createApiKey(b -> b.name("customer-b").value("abcdefghij0123456789").enabled(true));
    apigw.createUsagePlanKey(b -> b.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
    assertNull(apigw.getApiKey(b -> b.apiKey(key.id())).value());
    assertEquals(
        "abcdefghij0123456789",
        apigw.getApiKey(b -> b.apiKey(key.id()).includeValue(true)).value());
    assertNull(apigw.getApiKeys(b -> {}).items().get(0).value());
    assertEquals(
        "abcdefghij0123456789",
        apigw.getApiKeys(b -> b.includeValues(true).nameQuery("customer")).items().get(0).value());
    assertEquals(List.of(), apigw.getApiKeys(b -> b.nameQuery("nobody")).items());
    assertEquals(200, getWithKey(id, key.value()));
    apigw.updateApiKey(b -> b.apiKey(key.id()).patchOperations(replace("/enabled", "false")));
    assertEquals(403, getWithKey(id, key.value()));
    assertThrows(
        ConflictException.class,
        () -> apigw.createApiKey(b -> b.name("dup").value("abcdefghij0123456789").enabled(true)));
    assertThrows(
        BadRequestException.class,
        () -> apigw.createUsagePlanKey(b -> b.usagePlanId(plan).keyId(key.id()).keyType("OTHER")));
    assertThrows(
        NotFoundException.class,
        () ->
            apigw.createUsagePlanKey(
                b -> b.usagePlanId("nope").keyId(key.id()).keyType("API_KEY")));
  }

  @Test
  void updateUsagePlan_badPath_isBadRequestException_andThePlanIsUnchanged() {
    String id = keyedApi();
    String plan =
        apigw
            .createUsagePlan(
                b ->
                    b.name("gold")
                        .apiStages(s -> s.apiId(id).stage("prod"))
                        .throttle(t -> t.rateLimit(5.0).burstLimit(5)))
            .id();
    var before = apigw.getUsagePlan(b -> b.usagePlanId(plan));
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () ->
                apigw.updateUsagePlan(
                    b ->
                        b.usagePlanId(plan)
                            .patchOperations(
                                replace("/throttle/rateLimit", "50"), replace("/bogus", "1"))));
    assertEquals(400, e.statusCode());
    assertEquals(before, apigw.getUsagePlan(b -> b.usagePlanId(plan)));
    assertThrows(
        NotFoundException.class,
        () ->
            apigw.updateUsagePlan(
                b -> b.usagePlanId("nope").patchOperations(replace("/name", "x"))));
    assertThrows(
        BadRequestException.class,
        () ->
            apigw.createUsagePlan(
                b ->
                    b.name("bad")
                        .quota(q -> q.limit(10))
                        .apiStages(s -> s.apiId(id).stage("prod"))));
  }
}
