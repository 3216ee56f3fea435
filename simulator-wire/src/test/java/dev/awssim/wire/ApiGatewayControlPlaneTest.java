package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.Integration;
import dev.awssim.apigateway.RestApi;
import dev.awssim.apigateway.StageSettings;
import dev.awssim.awssdk.RetryMode;
import dev.awssim.awssdk.SimulatedAws;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/**
 * API Gateway's control plane on the wire (REST-JSON): the Java SDK's ApiGatewayClient over
 * loopback gives what the simulated client gives in-process, and a stage throttle changed by
 * UpdateStage over the wire is the data plane's from that instant.
 */
class ApiGatewayControlPlaneTest {
  private static final long SEED = 13;

  private static List<String> script(ApiGatewayClient gw, AwsSimulator sim) {
    List<String> seen = new ArrayList<>();
    String id = gw.createRestApi(b -> b.name("pets")).id();
    seen.add(id);
    seen.add(
        gw.getRestApis(b -> {}).items().stream()
            .map(software.amazon.awssdk.services.apigateway.model.RestApi::name)
            .toList()
            .toString());
    String root = gw.getRestApi(b -> b.restApiId(id)).rootResourceId();
    var pets = gw.createResource(b -> b.restApiId(id).parentId(root).pathPart("pets"));
    seen.add(pets.toString());
    seen.add(gw.getResources(b -> b.restApiId(id)).items().toString());
    seen.add(
        gw.putMethod(
                b ->
                    b.restApiId(id)
                        .resourceId(pets.id())
                        .httpMethod("GET")
                        .authorizationType("NONE"))
            .toString());
    seen.add(
        gw.putIntegration(
                b ->
                    b.restApiId(id)
                        .resourceId(pets.id())
                        .httpMethod("GET")
                        .type(IntegrationType.MOCK)
                        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")))
            .toString());
    gw.putMethodResponse(
        b -> b.restApiId(id).resourceId(pets.id()).httpMethod("GET").statusCode("200"));
    gw.putIntegrationResponse(
        b ->
            b.restApiId(id)
                .resourceId(pets.id())
                .httpMethod("GET")
                .statusCode("200")
                .responseTemplates(Map.of("application/json", "[]")));
    seen.add(gw.createDeployment(b -> b.restApiId(id).stageName("prod")).id());
    seen.add(gw.getStages(b -> b.restApiId(id)).item().toString());
    seen.add(
        gw.updateStage(
                b ->
                    b.restApiId(id)
                        .stageName("prod")
                        .patchOperations(
                            patch("/*/*/throttling/rateLimit", "5"),
                            patch("/*/*/throttling/burstLimit", "2")))
            .methodSettings()
            .toString());
    seen.add(gw.getStage(b -> b.restApiId(id).stageName("prod")).methodSettings().toString());
    seen.add(SdkOverLoopbackTest.outcome(() -> gw.getStage(b -> b.restApiId(id).stageName("x"))));
    seen.add(
        SdkOverLoopbackTest.outcome(
            () ->
                gw.updateStage(
                    b ->
                        b.restApiId(id)
                            .stageName("prod")
                            .patchOperations(patch("/*/*/throttling/rateLimit", "fast")))));
    seen.add(sim.trace().hash());
    return seen;
  }

  static PatchOperation patch(String path, String value) {
    return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
  }

  @Test
  void javaSdk_overLoopback_sameResultsAndTraceHashAsInProcess() {
    AwsSimulator local = AwsSimulator.withSeed(SEED);
    List<String> inProcess =
        script(
            SimulatedAws.builder(local).retryMode(RetryMode.NONE).build().apiGatewayClient(),
            local);
    List<String> overWire;
    try (WireServer server = WireServer.builder().seed(SEED).port(0).start();
        ApiGatewayClient gw =
            Loopback.configure(ApiGatewayClient.builder(), server.endpoint())
                .httpClient(ApacheHttpClient.create()) // PATCH: not the URL-connection client
                .build()) {
      overWire = script(gw, server.simulator());
    }
    assertEquals(inProcess, overWire);
    assertTrue(overWire.get(3).contains("Path=/"), overWire.get(3));
    assertTrue(overWire.get(5).contains("Type=MOCK"), overWire.get(5));
    assertTrue(overWire.get(8).contains("ThrottlingRateLimit=5.0"), overWire.get(8));
    assertTrue(overWire.get(10).startsWith("NotFoundException NotFoundException 404"));
    assertTrue(overWire.get(11).startsWith("BadRequestException BadRequestException 400"));
  }

  /** An API {@code pets} with a mock {@code GET /pets} deployed to stage {@code prod}. */
  static String petsApi(AwsSimulator sim) {
    ApiGateway gw = sim.apiGateway();
    RestApi api = gw.createRestApi("pets");
    String pets = gw.createResource(api.id(), api.rootResourceId(), "pets");
    gw.putMethod(api.id(), pets, "GET", Integration.mock(200, "[\"rex\"]"));
    gw.createStage(api.id(), "prod", gw.createDeployment(api.id()), StageSettings.defaults());
    return api.id();
  }

  @Test
  void updateStage_rawPatch_throttlesTheDataPlaneAtTheNewRateFromThatInstant() {
    AwsSimulator sim = AwsSimulator.withSeed(SEED);
    String id = petsApi(sim);
    try (WireServer server = WireServer.builder().simulator(sim).port(0).start()) {
      String auth =
          "AWS4-HMAC-SHA256 Credential=AKIDFAKE/20261202/us-east-1/apigateway/aws4_request,"
              + " SignedHeaders=host, Signature=0";
      HttpResponse<byte[]> updated =
          Http.request(
              server,
              "PATCH",
              "/restapis/" + id + "/stages/prod",
              Map.of("Authorization", auth, "Content-Type", "application/json"),
              ("{\"patchOperations\":["
                      + "{\"op\":\"replace\",\"path\":\"/*/*/throttling/rateLimit\",\"value\":\"1\"},"
                      + "{\"op\":\"replace\",\"path\":\"/*/*/throttling/burstLimit\",\"value\":\"1\"}]}")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(200, updated.statusCode(), Http.text(updated));
      String pets = "/restapis/" + id + "/prod/_user_request_/pets";
      assertEquals(200, dataPlane(server, pets));
      assertEquals(
          429, dataPlane(server, pets)); // burst 1: the second request at once is throttled
      sim.advanceBy(Duration.ofMillis(999));
      assertEquals(429, dataPlane(server, pets)); // rate 1/s: no token back before 1 s
      sim.advanceBy(Duration.ofMillis(1));
      assertEquals(200, dataPlane(server, pets));

      HttpResponse<byte[]> missing =
          Http.request(
              server,
              "GET",
              "/restapis/" + id + "/stages/nope",
              Map.of("Authorization", auth),
              new byte[0]);
      assertEquals(404, missing.statusCode());
      assertEquals("NotFoundException", missing.headers().firstValue("x-amzn-ErrorType").get());
      assertTrue(Http.text(missing).startsWith("{\"message\":"), Http.text(missing));
    }
  }

  private static int dataPlane(WireServer server, String path) {
    return Http.request(server, "GET", path, Map.of(), new byte[0]).statusCode();
  }
}
