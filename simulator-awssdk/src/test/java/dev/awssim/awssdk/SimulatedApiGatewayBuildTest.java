package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayAsyncClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationResponse;
import software.amazon.awssdk.services.apigateway.model.Resource;

/**
 * A REST API built from scratch through ApiGatewayClient, as users' SDK code and {@code aws
 * apigateway} build one (GetResources, CreateResource, PutMethod, PutIntegration,
 * PutMethodResponse, PutIntegrationResponse, CreateDeployment, UpdateStage), then served by the
 * data plane and throttled at the stage's limits.
 */
class SimulatedApiGatewayBuildTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final SimulatedAws aws = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build();
  private final ApiGatewayClient apigw = aws.apiGatewayClient();
  private final ApiGateway gateway = sim.apiGateway();

  /** The API "pets": GET /pets, a MOCK answering 200 with {@code body}; returns the API's id. */
  private String petsApi(String body) {
    String id = apigw.createRestApi(b -> b.name("pets")).id();
    List<Resource> resources = apigw.getResources(b -> b.restApiId(id)).items();
    assertEquals(1, resources.size());
    assertEquals("/", resources.get(0).path());
    String root = resources.get(0).id();
    String pets = apigw.createResource(b -> b.restApiId(id).parentId(root).pathPart("pets")).id();
    apigw.putMethod(
        b -> b.restApiId(id).resourceId(pets).httpMethod("GET").authorizationType("NONE"));
    PutIntegrationResponse integration =
        apigw.putIntegration(
            b ->
                b.restApiId(id)
                    .resourceId(pets)
                    .httpMethod("GET")
                    .type(IntegrationType.MOCK)
                    .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    assertEquals(IntegrationType.MOCK, integration.type());
    assertEquals(29_000, integration.timeoutInMillis()); // limits.html: REST default 29 s
    apigw.putMethodResponse(
        b -> b.restApiId(id).resourceId(pets).httpMethod("GET").statusCode("200"));
    apigw.putIntegrationResponse(
        b ->
            b.restApiId(id)
                .resourceId(pets)
                .httpMethod("GET")
                .statusCode("200")
                .responseTemplates(Map.of("application/json", body)));
    apigw.createDeployment(b -> b.restApiId(id).stageName("prod"));
    return id;
  }

  private ApiResponse get(String id) {
    return gateway.invoke(id, "prod", "GET", "/pets");
  }

  @Test
  void restApiBuiltThroughTheSdk_isServed_andThrottledAtTheStageLimits() {
    String id = petsApi("[\"rex\"]");
    apigw.updateStage(
        b ->
            b.restApiId(id)
                .stageName("prod")
                .patchOperations(
                    replace("/*/*/throttling/rateLimit", "5"),
                    replace("/*/*/throttling/burstLimit", "2")));

    ApiResponse first = get(id);
    assertEquals(200, first.statusCode());
    assertEquals("[\"rex\"]", first.body());
    assertEquals(200, get(id).statusCode());
    ApiResponse throttled = get(id); // the burst of 2 is spent
    assertEquals(429, throttled.statusCode());
    assertEquals("{\"message\":\"Too Many Requests\"}", throttled.body());
    sim.advanceBy(Duration.ofMillis(199));
    assertEquals(429, get(id).statusCode()); // rate 5/s: one token per 200 ms
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(200, get(id).statusCode());
    assertEquals(429, get(id).statusCode());

    Resource pets = apigw.getResources(b -> b.restApiId(id)).items().get(1);
    assertEquals("/pets", pets.path());
    assertEquals(List.of("GET"), List.copyOf(pets.resourceMethods().keySet()));
  }

  @Test
  void createDeployment_methodWithoutIntegration_isBadRequestException() {
    String id = apigw.createRestApi(b -> b.name("pets")).id();
    String root = apigw.getResources(b -> b.restApiId(id)).items().get(0).id();
    apigw.putMethod(
        b -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE"));
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () -> apigw.createDeployment(b -> b.restApiId(id).stageName("prod")));
    assertEquals(400, e.statusCode());
    assertEquals("No integration defined for method", e.awsErrorDetails().errorMessage());
  }

  @Test
  void putIntegration_typesTheSimulatorCannotReach_areBadRequestsSayingSo_andChangeNothing() {
    String id = apigw.createRestApi(b -> b.name("pets")).id();
    String root = apigw.getResources(b -> b.restApiId(id)).items().get(0).id();
    apigw.putMethod(
        b -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE"));
    for (IntegrationType type :
        List.of(
            IntegrationType.AWS_PROXY,
            IntegrationType.AWS,
            IntegrationType.HTTP,
            IntegrationType.HTTP_PROXY)) {
      BadRequestException e =
          assertThrows(
              BadRequestException.class,
              () ->
                  apigw.putIntegration(
                      b ->
                          b.restApiId(id)
                              .resourceId(root)
                              .httpMethod("GET")
                              .type(type)
                              .integrationHttpMethod("POST")
                              .uri("arn:aws:apigateway:us-east-1:lambda:path/x")));
      assertTrue(e.getMessage().contains("not modelled"), e.getMessage());
    }
    assertThrows(
        BadRequestException.class,
        () -> apigw.createDeployment(b -> b.restApiId(id).stageName("prod")));
    assertThrows(
        BadRequestException.class,
        () ->
            apigw.putMethod(
                b ->
                    b.restApiId(id)
                        .resourceId(root)
                        .httpMethod("POST")
                        .authorizationType("AWS_IAM")));
    assertThrows(
        NotFoundException.class,
        () ->
            apigw.putMethodResponse(
                b -> b.restApiId(id).resourceId(root).httpMethod("POST").statusCode("200")));
  }

  @Test
  void asyncClient_buildsAndDeploysTheSameApi() {
    ApiGatewayAsyncClient async = aws.apiGatewayAsyncClient();
    String id = async.createRestApi(b -> b.name("pets")).join().id();
    String root = async.getResources(b -> b.restApiId(id)).join().items().get(0).id();
    async
        .putMethod(
            b -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE"))
        .join();
    async
        .putIntegration(
            b -> b.restApiId(id).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK))
        .join();
    async
        .putMethodResponse(
            b -> b.restApiId(id).resourceId(root).httpMethod("GET").statusCode("200"))
        .join();
    async
        .putIntegrationResponse(
            b ->
                b.restApiId(id)
                    .resourceId(root)
                    .httpMethod("GET")
                    .statusCode("200")
                    .responseTemplates(Map.of("application/json", "{}")))
        .join();
    async.createDeployment(b -> b.restApiId(id).stageName("prod")).join();
    ApiResponse r = gateway.invoke(id, "prod", "GET", "/");
    assertEquals(200, r.statusCode());
    assertEquals("{}", r.body());

    CompletionException e =
        assertThrows(
            CompletionException.class,
            () ->
                async
                    .putIntegration(
                        b ->
                            b.restApiId(id)
                                .resourceId("nope")
                                .httpMethod("GET")
                                .type(IntegrationType.MOCK))
                    .join());
    assertTrue(e.getCause() instanceof NotFoundException, e.getCause().toString());
  }

  private static PatchOperation replace(String path, String value) {
    return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
  }
}
