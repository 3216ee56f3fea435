package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.Integration;
import dev.awssim.apigateway.MethodSettings;
import dev.awssim.apigateway.RestApi;
import dev.awssim.apigateway.StageSettings;
import dev.awssim.apigateway.ThrottleSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Plain HTTP to a simulated REST API: its answers, and its 429 when the stage throttles. */
class ApiGatewayDataPlaneTest {
  private static HttpResponse<String> get(WireServer server, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void invoke_overStageBurst_is429TooManyRequests_untilTheBucketRefills() throws Exception {
    AwsSimulator sim = AwsSimulator.withSeed(4);
    ApiGateway gw = sim.apiGateway();
    RestApi api = gw.createRestApi("pets");
    String pets = gw.createResource(api.id(), api.rootResourceId(), "pets");
    gw.putMethod(api.id(), pets, "GET", Integration.mock(200, "[\"rex\"]"));
    gw.createStage(
        api.id(),
        "prod",
        gw.createDeployment(api.id()),
        StageSettings.defaults()
            .withDefaultMethodSettings(
                MethodSettings.defaults().withThrottle(new ThrottleSettings(1, 2))));
    String path = "/restapis/" + api.id() + "/prod/_user_request_/pets";
    try (WireServer server = WireServer.builder().simulator(sim).port(0).start()) {
      assertEquals("[\"rex\"]", get(server, path).body());
      assertEquals(200, get(server, path).statusCode());
      HttpResponse<String> third = get(server, path);
      assertEquals(429, third.statusCode());
      assertEquals("{\"message\":\"Too Many Requests\"}", third.body());
      sim.advanceBy(Duration.ofSeconds(1)); // rate 1 per second: one token back
      assertEquals(200, get(server, path).statusCode());
      // REST APIs answer an unknown resource with 403 Missing Authentication Token.
      HttpResponse<String> cats =
          get(server, "/restapis/" + api.id() + "/prod/_user_request_/cats");
      assertEquals(403, cats.statusCode());
      assertEquals("{\"message\":\"Missing Authentication Token\"}", cats.body());
    }
  }
}
