package dev.awssim.apigateway;

import static dev.awssim.apigateway.ApiGatewayCacheTest.assertBadRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Integration timeouts: REST 29 s by default, HTTP APIs 30 s at most (limits.html). */
class ApiGatewayTimeoutTest {
  private final ApiGateway gw = AwsSimulator.withSeed(1).apiGateway();

  private static Integration backend(Duration latency) {
    return Integration.function(latency, r -> IntegrationResponse.of(200, "ok"));
  }

  private ApiResponse httpCall(Integration integration) {
    String api = gw.createApi("http");
    gw.createRoute(api, "GET /slow", integration);
    gw.createStage(api, "$default", HttpStageSettings.defaults());
    return gw.invoke(api, "$default", "GET", "/slow");
  }

  @Test
  void httpRoute_timeoutOver30s_isBadRequest_30sIsAccepted() {
    String api = gw.createApi("http");
    assertBadRequest(
        () ->
            gw.createRoute(
                api, "GET /a", backend(Duration.ZERO).withTimeout(Duration.ofMillis(30_001))));
    gw.createRoute(api, "GET /a", backend(Duration.ZERO).withTimeout(Duration.ofSeconds(30)));
  }

  @Test
  void httpRoute_defaultTimeoutIs30s_backendAtExactly30s_gets504() {
    assertEquals(200, httpCall(backend(Duration.ofMillis(29_999))).statusCode());
    ApiResponse late = httpCall(backend(Duration.ofSeconds(30)));
    assertEquals(504, late.statusCode());
    assertEquals("INTEGRATION_TIMEOUT", late.errorType());
    assertEquals(Duration.ofSeconds(30), late.latency());
  }

  @Test
  void httpRoute_shorterTimeout_backendSlowerThanIt_gets504() {
    Integration i = backend(Duration.ofSeconds(2)).withTimeout(Duration.ofSeconds(1));
    assertEquals(504, httpCall(i).statusCode());
  }

  @Test
  void restMethod_defaultTimeoutIs29s_backendAtExactly29s_gets504() {
    RestApi api = gw.createRestApi("rest");
    String ok = gw.createResource(api.id(), api.rootResourceId(), "ok");
    String late = gw.createResource(api.id(), api.rootResourceId(), "late");
    gw.putMethod(api.id(), ok, "GET", backend(Duration.ofMillis(28_999)));
    gw.putMethod(api.id(), late, "GET", backend(Duration.ofSeconds(29)));
    gw.createStage(api.id(), "prod", gw.createDeployment(api.id()));
    assertEquals(200, gw.invoke(api.id(), "prod", "GET", "/ok").statusCode());
    assertEquals(504, gw.invoke(api.id(), "prod", "GET", "/late").statusCode());
  }
}
