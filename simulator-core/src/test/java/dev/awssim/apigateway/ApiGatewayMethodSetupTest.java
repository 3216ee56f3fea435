package dev.awssim.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A REST API built as AWS's control plane builds it, one call per piece: PutMethod, PutIntegration,
 * PutMethodResponse, PutIntegrationResponse, CreateDeployment
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html).
 */
class ApiGatewayMethodSetupTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final ApiGateway gateway = sim.apiGateway();
  private final RestApi api = gateway.createRestApi("pets");
  private final String pets = gateway.createResource(api.id(), api.rootResourceId(), "pets");

  @Test
  void createDeployment_methodWithoutIntegration_isBadRequest_andCreatesNoDeployment() {
    gateway.putMethod(api.id(), pets, "GET", false, null);
    ApiGatewayException e = error(() -> gateway.createDeployment(api.id()));
    assertEquals("BadRequestException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals("No integration defined for method", e.errorMessage());
    assertEquals(
        "NotFoundException", error(() -> gateway.createStage(api.id(), "prod", "x")).errorCode());
  }

  @Test
  void putIntegrationAndResponses_onWhatDoesNotExist_areAwsNotFounds() {
    assertEquals(
        "Invalid Method identifier specified",
        error(() -> gateway.putIntegration(api.id(), pets, "GET", Integration.mock(200), null))
            .errorMessage());
    gateway.putMethod(api.id(), pets, "GET", false, null);
    assertEquals(
        "Invalid Integration identifier specified",
        error(() -> gateway.putIntegrationResponse(api.id(), pets, "GET", 200, null, ""))
            .errorMessage());
    gateway.putIntegration(api.id(), pets, "GET", Integration.mock(200), null);
    ApiGatewayException noMethodResponse =
        error(() -> gateway.putIntegrationResponse(api.id(), pets, "GET", 200, null, ""));
    assertEquals("NotFoundException", noMethodResponse.errorCode());
    assertEquals(404, noMethodResponse.statusCode());
    assertEquals("Invalid Response status code specified", noMethodResponse.errorMessage());
    gateway.putMethodResponse(api.id(), pets, "GET", 200);
    assertEquals(
        "ConflictException",
        error(() -> gateway.putMethodResponse(api.id(), pets, "GET", 200)).errorCode());
    assertEquals(
        "BadRequestException",
        error(() -> gateway.putIntegrationResponse(api.id(), pets, "GET", 200, "5\\d{2", ""))
            .errorCode());
    assertEquals(
        "ConflictException",
        error(() -> gateway.putMethod(api.id(), pets, "GET", false, null)).errorCode());
  }

  @Test
  void mock_statusFromRequestTemplate_selectsTheMatchingIntegrationResponse_elseTheDefault() {
    String ok = gateway.createResource(api.id(), pets, "ok");
    String broken = gateway.createResource(api.id(), pets, "broken");
    for (String resource : List.of(ok, broken)) {
      gateway.putMethod(api.id(), resource, "GET", false, null);
      gateway.putIntegration(
          api.id(), resource, "GET", Integration.mock(resource.equals(ok) ? 200 : 500), null);
      gateway.putMethodResponse(api.id(), resource, "GET", 200);
      gateway.putMethodResponse(api.id(), resource, "GET", 500);
      gateway.putIntegrationResponse(api.id(), resource, "GET", 200, null, "{\"ok\":true}");
      gateway.putIntegrationResponse(api.id(), resource, "GET", 500, "5\\d{2}", "{\"ok\":false}");
    }
    gateway.createDeployment(api.id(), "prod", java.util.Map.of());

    ApiResponse fine = gateway.invoke(api.id(), "prod", "GET", "/pets/ok");
    assertEquals(200, fine.statusCode());
    assertEquals("{\"ok\":true}", fine.body());
    ApiResponse failed = gateway.invoke(api.id(), "prod", "GET", "/pets/broken");
    assertEquals(500, failed.statusCode());
    assertEquals("{\"ok\":false}", failed.body());
  }

  @Test
  void mock_withoutAMatchingOrDefaultIntegrationResponse_is500ApiConfigurationError() {
    gateway.putMethod(api.id(), pets, "GET", false, null);
    gateway.putIntegration(api.id(), pets, "GET", Integration.mock(), null);
    gateway.createDeployment(api.id(), "prod", java.util.Map.of());

    ApiResponse r = gateway.invoke(api.id(), "prod", "GET", "/pets");
    assertEquals(500, r.statusCode());
    assertEquals(GatewayResponseType.API_CONFIGURATION_ERROR, r.gatewayResponse().orElseThrow());
    assertEquals("{\"message\":\"Internal server error\"}", r.body());
  }

  @Test
  void integrationChange_isServedOnlyAfterTheNextDeployment() {
    gateway.putMethod(api.id(), pets, "GET", false, null);
    gateway.putIntegration(api.id(), pets, "GET", Integration.mock(200, "v1"), null);
    gateway.createDeployment(api.id(), "prod", java.util.Map.of());
    gateway.putIntegration(api.id(), pets, "GET", Integration.mock(200, "v2"), null);
    assertEquals("v1", gateway.invoke(api.id(), "prod", "GET", "/pets").body());
    gateway.createDeployment(api.id(), "prod", java.util.Map.of());
    assertEquals("v2", gateway.invoke(api.id(), "prod", "GET", "/pets").body());
  }

  @Test
  void getResources_listsTheRootFirst_withPathsAndMethods() {
    String byId = gateway.createResource(api.id(), pets, "{id}");
    gateway.putMethod(api.id(), byId, "GET", false, null);
    gateway.putMethod(api.id(), byId, "delete", false, null);
    List<ResourceDescription> resources = gateway.getResources(api.id());
    assertEquals(
        List.of(
            new ResourceDescription(
                api.rootResourceId(),
                null,
                null,
                "/",
                com.google.common.collect.ImmutableList.of()),
            new ResourceDescription(
                pets,
                api.rootResourceId(),
                "pets",
                "/pets",
                com.google.common.collect.ImmutableList.of()),
            new ResourceDescription(
                byId,
                pets,
                "{id}",
                "/pets/{id}",
                com.google.common.collect.ImmutableList.of("GET", "DELETE"))),
        resources);
  }

  @Test
  void httpApiRoute_withAwsMock_isBadRequest() {
    String http = gateway.createApi("h");
    assertEquals(
        "BadRequestException",
        error(() -> gateway.createRoute(http, "GET /a", Integration.mock(200))).errorCode());
  }

  private static ApiGatewayException error(Runnable call) {
    return assertThrows(ApiGatewayException.class, call::run);
  }
}
