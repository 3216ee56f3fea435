package dev.awssim.wire;

import dev.awssim.awssdk.SimulatedAws;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The AWS JSON 1.0 / 1.1 and CBOR 1.1 protocols: {@code POST /} with {@code X-Amz-Target:
 * Prefix.Operation}; the body becomes the SDK request object, which the simulated client of the
 * service handles; its response (or its modelled exception) is encoded back the same way.
 *
 * <p>Errors are sent as AWS sends them: {@code {"__type": ..., "message": ...}} with the model's
 * HTTP status (clients read the type from the body, not from a header alone).
 * https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html
 */
final class JsonProtocol {
  static final String CBOR_CONTENT_TYPE = "application/x-amz-cbor-1.1";

  private JsonProtocol() {}

  /** The operation name of {@code target} ({@code AmazonSQS.SendMessage}), for logs. */
  static String operationName(String target) {
    return target.substring(target.lastIndexOf('.') + 1);
  }

  /**
   * Serves {@code request}. With {@code park}, an SQS {@code ReceiveMessage} goes to the async
   * client, whose future completes on virtual time (a long poll holds no thread); every other
   * request, and every request without {@code park}, is answered before this returns (an operation
   * served by an async client, such as CloudWatch's, completes at once).
   *
   * <p>{@code aws} are the clients of the Region the request is signed for (see {@link
   * Dispatcher}); a scope that names no Region code is refused (see {@link CredentialScope}).
   */
  static CompletableFuture<WireResponse> handle(
      SimulatedAws aws, WireRequest request, String target, boolean park) {
    String contentType = request.header("content-type");
    boolean cbor = contentType != null && contentType.startsWith("application/x-amz-cbor");
    StructuredCodec codec = cbor ? StructuredCodec.CBOR : StructuredCodec.JSON;
    int dot = target.lastIndexOf('.');
    WireService service = dot < 0 ? null : WireService.byTargetPrefix(target.substring(0, dot));
    String responseType =
        cbor
            ? CBOR_CONTENT_TYPE
            : service == null ? "application/x-amz-json-1.0" : service.jsonContentType();
    if (service == null) {
      return done(
          failure(
              null,
              codec,
              responseType,
              WireException.unknownOperation("Unknown target: " + target)));
    }
    CompletableFuture<Object> response;
    try {
      response = service.call(aws, request, target.substring(dot + 1), codec, park);
    } catch (RuntimeException e) {
      return done(failure(service, codec, responseType, e));
    }
    return response.handle(
        (r, e) ->
            e == null
                ? withCrc(service, WireResponse.of(200, responseType, codec.encode((SdkPojo) r)))
                : failure(service, codec, responseType, Operations.unwrap(e)));
  }

  private static CompletableFuture<WireResponse> done(WireResponse r) {
    return CompletableFuture.completedFuture(r);
  }

  /** The error response AWS sends for {@code e}. */
  private static WireResponse failure(
      WireService service, StructuredCodec codec, String responseType, RuntimeException e) {
    if (e instanceof WireException w) {
      return error(
          service, codec, responseType, w.errorCode(), null, w.statusCode(), w.getMessage(), null);
    }
    if (e instanceof AwsServiceException a) {
      String code =
          a.getCause() instanceof dev.awssim.engine.AwsServiceException sim
              ? sim.errorCode()
              : a.awsErrorDetails().errorCode();
      return error(
          service,
          codec,
          responseType,
          code,
          a.awsErrorDetails().errorCode(),
          a.statusCode(),
          a.awsErrorDetails().errorMessage(),
          a);
    }
    if (e instanceof UnsupportedOperationException) {
      return error(
          service,
          codec,
          responseType,
          "UnknownOperationException",
          null,
          400,
          e.getMessage(),
          null);
    }
    // The simulated client failed on input it should have rejected (a missing required member):
    // answer as AWS answers invalid input, never with a 5xx that clients would retry.
    return error(
        service,
        codec,
        responseType,
        service == null ? "ValidationException" : service.validationErrorCode(),
        null,
        400,
        "awssim rejected the request: " + e,
        null);
  }

  private static WireResponse error(
      WireService service,
      StructuredCodec codec,
      String contentType,
      String code,
      String queryCode,
      int status,
      String message,
      SdkPojo members) {
    String type = service == null ? code : service.errorType(code);
    WireResponse r =
        WireResponse.of(status, contentType, codec.encodeError(type, message, members));
    if (service != null) {
      r = service.withQueryError(r, queryCode == null ? code : queryCode);
    }
    return withCrc(service, r);
  }

  private static WireResponse withCrc(WireService service, WireResponse r) {
    if (service == null || !service.crc32()) {
      return r;
    }
    CRC32 crc = new CRC32();
    crc.update(r.body());
    return r.withHeader("x-amz-crc32", Long.toString(crc.getValue()));
  }
}
