package dev.awssim.wire;

import dev.awssim.awssdk.SimulatedAws;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Smithy RPC v2 CBOR: {@code POST /service/{ServiceName}/operation/{Operation}} with {@code
 * smithy-protocol: rpc-v2-cbor} and a CBOR body, which newer AWS CLIs and boto3 send to CloudWatch
 * (its model lists {@code smithy-rpc-v2-cbor} first). The body is decoded through the SDK's field
 * metadata, as every other protocol, and goes to the same simulated client; the answer carries
 * {@code smithy-protocol} back, errors {@code __type} in the body and, CloudWatch being
 * query-compatible, {@code x-amzn-query-error} with the Query error code.
 * https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html
 */
final class RpcV2Protocol {
  static final String PROTOCOL_HEADER = "smithy-protocol";
  static final String PROTOCOL = "rpc-v2-cbor";
  static final String CONTENT_TYPE = "application/cbor";

  private static final String SERVICE = "/service/";
  private static final String OPERATION = "/operation/";

  private RpcV2Protocol() {}

  /** Whether {@code request} is an RPC v2 CBOR request. */
  static boolean matches(WireRequest request) {
    return PROTOCOL.equals(request.header(PROTOCOL_HEADER))
        || (request.path().contains(SERVICE) && request.path().contains(OPERATION));
  }

  /** {@code ServiceName.Operation}, for the session log, or null when the path is not RPC v2. */
  static String operation(WireRequest request) {
    String path = request.path();
    int s = path.lastIndexOf(SERVICE);
    int o = path.lastIndexOf(OPERATION);
    if (s < 0 || o < s) {
      return null;
    }
    return path.substring(s + SERVICE.length(), o) + "." + path.substring(o + OPERATION.length());
  }

  /** Serves {@code request}; an operation served by an async client completes at once. */
  static CompletableFuture<WireResponse> handle(SimulatedAws aws, WireRequest request) {
    StructuredCodec codec = StructuredCodec.RPC_V2_CBOR;
    String target = operation(request);
    int dot = target == null ? -1 : target.indexOf('.');
    WireService service = dot < 0 ? null : WireService.byTargetPrefix(target.substring(0, dot));
    if (service == null || !request.method().equals("POST")) {
      return done(
          error(
              null,
              codec,
              "UnknownOperationException",
              null,
              400,
              "Unknown RPC v2 service or operation: " + request.method() + " " + request.path()));
    }
    CompletableFuture<Object> response;
    try {
      response = service.call(aws, request, target.substring(dot + 1), codec, false);
    } catch (RuntimeException e) {
      return done(failure(service, codec, e));
    }
    return response.handle(
        (r, e) ->
            e == null
                ? WireResponse.of(200, CONTENT_TYPE, codec.encode((SdkPojo) r))
                    .withHeader(PROTOCOL_HEADER, PROTOCOL)
                : failure(service, codec, Operations.unwrap(e)));
  }

  private static CompletableFuture<WireResponse> done(WireResponse r) {
    return CompletableFuture.completedFuture(r);
  }

  private static WireResponse failure(
      WireService service, StructuredCodec codec, RuntimeException e) {
    if (e instanceof WireException w) {
      return error(service, codec, w.errorCode(), null, w.statusCode(), w.getMessage());
    }
    if (e instanceof AwsServiceException a) {
      return error(
          service,
          codec,
          a.awsErrorDetails().errorCode(),
          a.awsErrorDetails().errorCode(),
          a.statusCode(),
          a.awsErrorDetails().errorMessage());
    }
    if (e instanceof UnsupportedOperationException) {
      return error(service, codec, "UnknownOperationException", null, 400, e.getMessage());
    }
    return error(
        service,
        codec,
        service.validationErrorCode(),
        null,
        400,
        "awssim rejected the request: " + e);
  }

  private static WireResponse error(
      WireService service,
      StructuredCodec codec,
      String code,
      String queryCode,
      int status,
      String message) {
    WireResponse r =
        WireResponse.of(status, CONTENT_TYPE, codec.encodeError(code, message, null))
            .withHeader(PROTOCOL_HEADER, PROTOCOL);
    if (service != null) {
      r = service.withQueryError(r, queryCode == null ? code : queryCode);
    }
    return r;
  }
}
