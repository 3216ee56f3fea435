package dev.awssim.wire;

import dev.awssim.AwsSimulator;
import dev.awssim.SimulatedRegion;
import dev.awssim.awssdk.RetryMode;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.internal.Scheduler;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.lambda.Lambda;
import dev.awssim.lambda.awssdk.SimulatedLambdaClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Routes one AWS request to its protocol: {@code X-Amz-Target} means AWS JSON or CBOR; {@code
 * smithy-protocol: rpc-v2-cbor} (or a {@code /service/.../operation/...} path) Smithy RPC v2 CBOR;
 * a form body with an {@code Action} the Query protocol; a method and path of a REST-JSON service
 * (Lambda, API Gateway's control plane) that service's operation. Each request goes to the
 * simulation's Region named by its SigV4 credential scope (unsigned ones to the default Region).
 * The same dispatcher serves the HTTP server and the in-process replay of a session log.
 */
final class Dispatcher {
  /**
   * Lambda in a Region when the server is given none: a simulated client of that Region's Lambda,
   * with no handlers registered.
   */
  static final Function<SimulatedRegion, LambdaClient> DEFAULT_LAMBDA =
      region -> SimulatedLambdaClient.create(Lambda.create(region));

  /**
   * The per-Region form of a hook that makes Lambda for a simulation ({@code
   * WireServer.Builder#lambda(Function)}): its client serves the simulation's default Region, and
   * each other Region gets {@link #DEFAULT_LAMBDA}.
   */
  static Function<SimulatedRegion, LambdaClient> inDefaultRegion(
      Function<AwsSimulator, ? extends LambdaClient> lambda) {
    return region ->
        region.name().equals(region.simulator().account().region())
            ? lambda.apply(region.simulator())
            : DEFAULT_LAMBDA.apply(region);
  }

  /** The default Region's clients. */
  private final SimulatedAws aws;

  /** The clients of each Region requests have named, the default first. */
  private final Map<String, SimulatedAws> regions = new LinkedHashMap<>();

  private final Function<SimulatedRegion, ? extends LambdaClient> lambdas;

  /** The Lambda client of each Region a Lambda request has named, made at its first request. */
  private final Map<String, LambdaClient> lambda = new LinkedHashMap<>();

  /**
   * Serves {@code simulator} through simulated clients that do not retry: the client at the other
   * end of the wire retries, as it would against AWS.
   */
  Dispatcher(AwsSimulator simulator) {
    this(simulator, DEFAULT_LAMBDA);
  }

  /**
   * As {@link #Dispatcher(AwsSimulator)}, with Lambda in each Region served by the client {@code
   * lambdas} makes for that Region (at the Region's first Lambda request, so that a session that
   * never calls Lambda does not create it).
   */
  Dispatcher(AwsSimulator simulator, Function<SimulatedRegion, ? extends LambdaClient> lambdas) {
    this.aws = SimulatedAws.builder(simulator).retryMode(RetryMode.NONE).build();
    this.lambdas = lambdas;
    regions.put(aws.region().name(), aws);
  }

  /**
   * The clients of the Region {@code request} is signed for (its SigV4 credential scope), as an AWS
   * endpoint of that Region would serve it: each Region's queues, streams, tables and topics are
   * its own. A request without a scope (unsigned) goes to the default Region, and so does one whose
   * scope does not name a Region code, which the protocol then refuses as AWS does.
   */
  private synchronized SimulatedAws clients(WireRequest request) {
    CredentialScope scope = CredentialScope.of(request);
    if (scope == null) {
      return aws;
    }
    SimulatedAws known = regions.get(scope.region());
    if (known != null) {
      return known;
    }
    if (!CredentialScope.isRegionCode(scope.region())) {
      return aws;
    }
    SimulatedAws created =
        SimulatedAws.builder(aws.simulator())
            .region(scope.region())
            .retryMode(RetryMode.NONE)
            .build();
    regions.put(scope.region(), created);
    return created;
  }

  /** The simulated client of a REST-JSON service, made when first asked for. */
  private synchronized Object restClient(RestService service, SimulatedAws aws) {
    return switch (service) {
      case LAMBDA -> lambda.computeIfAbsent(aws.region().name(), r -> lambdas.apply(aws.region()));
      case APIGATEWAY -> aws.apiGatewayClient();
      case XRAY -> aws.xRayClient();
    };
  }

  AwsSimulator simulator() {
    return aws.simulator();
  }

  /**
   * The Region of an API Gateway data-plane request: the one its host names ({@code
   * {id}.execute-api.{region}.amazonaws.com}, AWS's form), else its credential scope's (the clients
   * of {@code scoped}), else the default.
   */
  private static SimulatedRegion dataPlaneRegion(WireRequest request, SimulatedAws scoped) {
    String host = request.header("host");
    String marker = ".execute-api.";
    int at = host == null ? -1 : host.indexOf(marker);
    if (at > 0) {
      int start = at + marker.length();
      int end = host.indexOf('.', start);
      String region = end < 0 ? host.substring(start) : host.substring(start, end);
      if (CredentialScope.isRegionCode(region)) {
        return scoped.simulator().region(region);
      }
    }
    return scoped.region();
  }

  /** The operation {@code request} names, for the session log ({@code AmazonSQS.SendMessage}). */
  static String operation(WireRequest request) {
    String target = request.header("x-amz-target");
    if (target != null) {
      return target;
    }
    if (ApiGatewayDataPlane.matches(request)) {
      return "ApiGateway " + request.method() + " " + request.path();
    }
    if (RpcV2Protocol.matches(request)) {
      String op = RpcV2Protocol.operation(request);
      return op != null ? op : request.method() + " " + request.path();
    }
    String action = QueryProtocol.action(request);
    if (action != null) {
      return "Query." + action;
    }
    try {
      RestJsonProtocol.Routed rest = RestJsonProtocol.route(request);
      if (rest != null && rest.match() != null) {
        return rest.service().signingName() + "." + rest.match().operation();
      }
    } catch (WireException e) {
      // a malformed path or query: logged by method and path
    }
    return request.method() + " " + request.path();
  }

  /**
   * Serves {@code request}; {@code requestId} is the id the response carries (Query responses also
   * carry it in their XML).
   */
  WireResponse dispatch(WireRequest request, String requestId) {
    return route(request, requestId, false).join();
  }

  /**
   * Serves {@code request} as {@link #dispatch} does, except that an SQS long poll (over AWS JSON
   * or the Query protocol) is parked: the future completes when virtual time reaches its answer.
   */
  CompletableFuture<WireResponse> dispatchParking(WireRequest request, String requestId) {
    CompletableFuture<WireResponse> response = route(request, requestId, true);
    // What the request made due now (a parked long poll woken by a SendMessage) runs now, without
    // moving time.
    Scheduler scheduler = SimulatorAccess.scheduler(aws.simulator());
    scheduler.advanceToNanos(scheduler.clock().nanos());
    return response;
  }

  private CompletableFuture<WireResponse> route(
      WireRequest request, String requestId, boolean park) {
    SimulatedAws aws = clients(request);
    String target = request.header("x-amz-target");
    if (target != null) {
      return JsonProtocol.handle(aws, request, target, park);
    }
    if (ApiGatewayDataPlane.matches(request)) {
      return CompletableFuture.completedFuture(
          ApiGatewayDataPlane.handle(dataPlaneRegion(request, aws).apiGateway(), request));
    }
    if (RpcV2Protocol.matches(request)) {
      return RpcV2Protocol.handle(aws, request);
    }
    if (QueryProtocol.action(request) != null) {
      return QueryProtocol.handle(aws, request, requestId, park);
    }
    RestJsonProtocol.Routed rest;
    try {
      rest = RestJsonProtocol.route(request);
    } catch (WireException e) {
      return CompletableFuture.completedFuture(
          WireResponse.json(
              e.statusCode(),
              "{\"__type\":\""
                  + e.errorCode()
                  + "\",\"message\":\""
                  + Json.escape(e.getMessage())
                  + "\"}"));
    }
    if (rest != null) {
      // Lambda and API Gateway are regional: the Region signed for has its own functions and APIs.
      Object client = restClient(rest.service(), aws);
      return RestJsonProtocol.handle(
          rest, request, aws.region().name(), client, r -> LambdaHandlers.prepare(client, r));
    }
    return CompletableFuture.completedFuture(unknown());
  }

  private static WireResponse unknown() {
    return WireResponse.json(
        400,
        "{\"__type\":\"UnknownOperationException\",\"message\":\"No X-Amz-Target header, no"
            + " Action parameter and no REST-JSON operation with this method and path: awssim"
            + " cannot tell which operation this is\"}");
  }
}
