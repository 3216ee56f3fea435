package dev.awssim.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.awssim.AwsSimulator;
import org.junit.jupiter.api.Test;

class ApiGatewayRoutingTest {

  @Test
  void httpRoutes_literalBeforeVariableBeforeGreedy_thenDefault() {
    ApiGateway gw = AwsSimulator.withSeed(1).apiGateway();
    String api = gw.createApi("routes");
    gw.createRoute(api, "GET /pets/{id}", Integration.mock(200, "variable"));
    gw.createRoute(api, "GET /pets/mine", Integration.mock(200, "literal"));
    gw.createRoute(api, "ANY /{proxy+}", Integration.mock(200, "greedy"));
    gw.createRoute(api, "$default", Integration.mock(200, "default"));
    gw.createStage(api, "dev", HttpStageSettings.defaults());
    assertEquals("literal", gw.invoke(api, "dev", "GET", "/pets/mine").body());
    assertEquals("variable", gw.invoke(api, "dev", "GET", "/pets/7").body());
    assertEquals("greedy", gw.invoke(api, "dev", "POST", "/pets/7").body());
    assertEquals("greedy", gw.invoke(api, "dev", "GET", "/pets/7/toys").body());
    assertEquals("greedy", gw.invoke(api, "dev", "GET", "/pets/").body());
    assertEquals("default", gw.invoke(api, "dev", "GET", "/").body());
  }

  @Test
  void restPathParameters_reachTheIntegration() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    ApiGateway gw = sim.apiGateway();
    RestApi api = gw.createRestApi("params");
    String owner = gw.createResourcePath(api.id(), "/owners/{owner}/pets/{pet}");
    gw.putMethod(
        api.id(),
        owner,
        "GET",
        Integration.function(
            java.time.Duration.ZERO,
            r -> IntegrationResponse.of(200, r.pathParameters().toString())));
    gw.createStage(api.id(), "prod", gw.createDeployment(api.id()));
    assertEquals(
        "{owner=ann, pet=rex}", gw.invoke(api.id(), "prod", "GET", "/owners/ann/pets/rex").body());
    assertEquals(403, gw.invoke(api.id(), "prod", "GET", "/owners/ann/pets").statusCode());
    assertEquals(403, gw.invoke(api.id(), "prod", "GET", "/owners//pets/rex").statusCode());
    assertEquals(403, gw.invoke(api.id(), "prod", "DELETE", "/owners/ann/pets/rex").statusCode());
  }
}
