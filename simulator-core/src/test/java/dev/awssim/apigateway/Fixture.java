package dev.awssim.apigateway;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A simulation with one REST API: GET and POST /pets (counting calls) and GET /pets/{id}. */
final class Fixture {
  static final String STAGE = "prod";

  final AwsSimulator sim;
  final ApiGateway gateway;
  final RestApi api;
  final String pets;
  final String deployment;
  final AtomicInteger integrationCalls = new AtomicInteger();

  Fixture(AwsSimulator sim, boolean apiKeyRequired) {
    this.sim = sim;
    this.gateway = sim.apiGateway();
    this.api = gateway.createRestApi("pets-api");
    this.pets = gateway.createResource(api.id(), api.rootResourceId(), "pets");
    Integration counting =
        Integration.function(
            Duration.ofMillis(20),
            r -> {
              int n = integrationCalls.incrementAndGet();
              return IntegrationResponse.of(
                  200, "call " + n + " " + r.stageVariables().getOrDefault("version", "-"));
            });
    gateway.putMethod(
        api.id(),
        pets,
        "GET",
        counting,
        apiKeyRequired,
        java.util.List.of("method.request.querystring.id"));
    gateway.putMethod(api.id(), pets, "POST", counting, apiKeyRequired, java.util.List.of());
    String byId = gateway.createResource(api.id(), pets, "{id}");
    gateway.putMethod(api.id(), byId, "GET", Integration.mock(200, "pet"));
    this.deployment = gateway.createDeployment(api.id());
  }

  static Fixture withStage(long seed, StageSettings settings) {
    Fixture f = new Fixture(AwsSimulator.withSeed(seed), false);
    f.gateway.createStage(f.api.id(), STAGE, f.deployment, settings);
    return f;
  }

  static StageSettings throttled(double rate, int burst) {
    return StageSettings.defaults()
        .withDefaultMethodSettings(
            MethodSettings.defaults().withThrottle(new ThrottleSettings(rate, burst)));
  }

  ApiResponse get(String path) {
    return gateway.invoke(api.id(), STAGE, "GET", path);
  }

  ApiResponse send(ApiRequest.Builder request) {
    return gateway.invoke(request.build());
  }

  ApiRequest.Builder request(String method, String path) {
    return ApiRequest.builder(api.id(), STAGE, method, path);
  }

  double metric(String name) {
    return sim.metrics()
        .total(
            new MetricKey(
                "AWS/ApiGateway", name, Dimensions.of("ApiName", "pets-api", "Stage", STAGE)));
  }

  void advanceMillis(long ms) {
    sim.advanceBy(Duration.ofMillis(ms));
  }
}
