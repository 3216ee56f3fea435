package dev.awssim.wire;

/**
 * An error the wire layer answers itself, before or instead of the simulated client: an unknown
 * operation, a body it cannot decode. Carries the AWS error code and HTTP status it is sent with.
 */
final class WireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final int statusCode;

  WireException(String errorCode, int statusCode, String message) {
    super(message);
    this.errorCode = errorCode;
    this.statusCode = statusCode;
  }

  /** 400 SerializationException: the body is not well-formed or does not match the model. */
  static WireException serialization(String message) {
    return new WireException("SerializationException", 400, message);
  }

  /** 400 UnknownOperationException: never a 5xx, which SDK clients would retry. */
  static WireException unknownOperation(String message) {
    return new WireException("UnknownOperationException", 400, message);
  }

  String errorCode() {
    return errorCode;
  }

  int statusCode() {
    return statusCode;
  }
}
