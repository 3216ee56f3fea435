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
    assertEquals(
        "variable", gw.invoke(api, "dev", "GET", String.join("/", "", "pets", "7")).body());
    assertEquals("greedy", gw.invoke(api, "dev", "POST", "/pets/7").body());
    assertEquals("greedy", gw.invoke(api, "dev", "GET", "/pets/7/toys").body());
    assertEquals("greedy", gw.invoke(api, "dev", "GET", "/pets/").body());
    assertEquals("default", gw.invoke(api, "dev", "GET", "/").body());
  }

  @Test
  void requestsAlternatingBetweenApisAndStages_eachReachTheirOwnStage() {
    Fixture f = new Fixture(AwsSimulator.withSeed(1), false);
    f.gateway.createStage(f.api.id(), "prod", f.deployment, Fixture.throttled(1, 1));
    f.gateway.createStage(f.api.id(), "beta", f.deployment, StageSettings.defaults());
    String http = f.gateway.createApi("http");
    f.gateway.createRoute(http, "GET /pets/{id}", Integration.mock(200, "http"));
    f.gateway.createStage(http, "prod", HttpStageSettings.defaults());
    assertEquals(200, f.gateway.invoke(f.api.id(), "prod", "GET", "/pets/1").statusCode());
    assertEquals(200, f.gateway.invoke(f.api.id(), "beta", "GET", "/pets/1").statusCode());
    assertEquals(429, f.gateway.invoke(f.api.id(), "prod", "GET", "/pets/1").statusCode());
    assertEquals(200, f.gateway.invoke(f.api.id(), "beta", "GET", "/pets/1").statusCode());
    assertEquals("http", f.gateway.invoke(http, "prod", "GET", "/pets/1").body());
    assertEquals(429, f.gateway.invoke(f.api.id(), "prod", "GET", "/pets/1").statusCode());
    assertEquals(
        "MISSING_AUTHENTICATION_TOKEN",
        f.gateway.invoke(f.api.id(), "gamma", "GET", "/pets/1").errorType());
    assertEquals(200, f.gateway.invoke(f.api.id(), "beta", "GET", "/pets/1").statusCode());
    f.gateway.createStage(f.api.id(), "gamma", f.deployment, StageSettings.defaults());
    assertEquals(200, f.gateway.invoke(f.api.id(), "gamma", "GET", "/pets/1").statusCode());
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
