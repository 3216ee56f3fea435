package dev.awssim.wire;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.RetryMode;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.internal.Scheduler;
import dev.awssim.internal.SimulatorAccess;
import java.util.concurrent.CompletableFuture;

/**
 * Routes one AWS request to its protocol: {@code X-Amz-Target} means AWS JSON or CBOR; {@code
 * smithy-protocol: rpc-v2-cbor} (or a {@code /service/.../operation/...} path) Smithy RPC v2 CBOR;
 * a form body with an {@code Action} the Query protocol. The same dispatcher serves the HTTP server
 * and the in-process replay of a session log.
 */
final class Dispatcher {
  private final SimulatedAws aws;

  /**
   * Serves {@code simulator} through simulated clients that do not retry: the client at the other
   * end of the wire retries, as it would against AWS.
   */
  Dispatcher(AwsSimulator simulator) {
    this.aws = SimulatedAws.builder(simulator).retryMode(RetryMode.NONE).build();
  }

  AwsSimulator simulator() {
    return aws.simulator();
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
    return action == null ? request.method() + " " + request.path() : "Query." + action;
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
    String target = request.header("x-amz-target");
    if (target != null) {
      return JsonProtocol.handle(aws, request, target, park);
    }
    if (ApiGatewayDataPlane.matches(request)) {
      return CompletableFuture.completedFuture(
          ApiGatewayDataPlane.handle(aws.simulator(), request));
    }
    if (RpcV2Protocol.matches(request)) {
      return RpcV2Protocol.handle(aws, request);
    }
    if (QueryProtocol.action(request) != null) {
      return QueryProtocol.handle(aws, request, requestId, park);
    }
    return CompletableFuture.completedFuture(unknown());
  }

  private static WireResponse unknown() {
    return WireResponse.json(
        400,
        "{\"__type\":\"UnknownOperationException\",\"message\":\"No X-Amz-Target header and no"
            + " Action parameter: awssim cannot tell which operation this is\"}");
  }
}
