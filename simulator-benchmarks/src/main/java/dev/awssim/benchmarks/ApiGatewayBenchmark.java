package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.ApiKey;
import dev.awssim.apigateway.ApiRequest;
import dev.awssim.apigateway.ApiStage;
import dev.awssim.apigateway.HttpStageSettings;
import dev.awssim.apigateway.Integration;
import dev.awssim.apigateway.MethodSettings;
import dev.awssim.apigateway.RestApi;
import dev.awssim.apigateway.StageSettings;
import dev.awssim.apigateway.ThrottleSettings;
import dev.awssim.apigateway.UsagePlanSettings;
import dev.awssim.internal.Scheduler;
import dev.awssim.internal.SimulatorAccess;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One API Gateway request through the account, stage and usage-plan buckets to a mock integration
 * ({@link #invoke}), or through an HTTP API route's stage and account buckets ({@link
 * #invokeHttpApi}), single thread, trace off (target: 10,000,000 requests/s). Virtual time moves
 * 100 µs per request, so every bucket (the account's 10,000/s included) admits every request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ApiGatewayBenchmark {
  private ApiGateway gateway;
  private Scheduler scheduler;
  private ApiRequest request;
  private ApiRequest httpRequest;

  /** A REST API with a throttled stage and a usage plan with a key, and a throttled HTTP API. */
  @Setup
  public void setUp() {
    AwsSimulator sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    gateway = sim.apiGateway();
    scheduler = SimulatorAccess.scheduler(sim);
    request = keyedRequest(gateway, new ThrottleSettings(1_000_000, 1_000_000));
    httpRequest = httpApiRequest(gateway, new ThrottleSettings(1_000_000, 1_000_000));
  }

  /**
   * Creates an HTTP API "bench-http" with the route GET /items (a mock integration) and a stage
   * "prod" whose routes are throttled at {@code throttle}, and returns a request to it.
   */
  static ApiRequest httpApiRequest(ApiGateway gateway, ThrottleSettings throttle) {
    String api = gateway.createApi("bench-http");
    gateway.createRoute(api, "GET /items", Integration.mock(200, "ok"));
    gateway.createStage(
        api, "prod", HttpStageSettings.defaults().withDefaultRouteThrottle(throttle));
    return ApiRequest.of(api, "prod", "GET", "/items");
  }

  /**
   * Creates a REST API "bench" with GET /items (a mock integration), a stage "prod" and a usage
   * plan with an API key, both throttled at {@code throttle}, and returns a request that uses the
   * key.
   */
  static ApiRequest keyedRequest(ApiGateway gateway, ThrottleSettings throttle) {
    RestApi api = gateway.createRestApi("bench");
    String resource = gateway.createResourcePath(api.id(), "/items");
    gateway.putMethod(api.id(), resource, "GET", Integration.mock(200, "ok"), true, List.of());
    gateway.createStage(
        api.id(),
        "prod",
        gateway.createDeployment(api.id()),
        StageSettings.defaults()
            .withDefaultMethodSettings(MethodSettings.defaults().withThrottle(throttle)));
    String plan =
        gateway.createUsagePlan(
            UsagePlanSettings.of("plan", ApiStage.of(api.id(), "prod")).withThrottle(throttle));
    ApiKey key = gateway.createApiKey("client");
    gateway.createUsagePlanKey(plan, key.id());
    return ApiRequest.builder(api.id(), "prod", "GET", "/items").apiKey(key.value()).build();
  }

  /** One request, 100 µs of virtual time after the last. */
  @Benchmark
  public int invoke() {
    scheduler.advanceToNanos(scheduler.clock().nanos() + 100_000);
    return gateway.invoke(request).statusCode();
  }

  /**
   * One request to an HTTP API route (stage and account buckets, no key), 100 µs after the last.
   */
  @Benchmark
  public int invokeHttpApi() {
    scheduler.advanceToNanos(scheduler.clock().nanos() + 100_000);
    return gateway.invoke(httpRequest).statusCode();
  }
}
