package dev.awssim.dynamodb;

import dev.awssim.engine.AwsServiceException;

/**
 * A rejected capacity change (CreateTable/UpdateTable), with DynamoDB's error code and HTTP 400:
 * {@code LimitExceededException} or {@code ValidationException}.
 *
 * <pre>{@code
 * try { account.checkUpdate(table, TableCapacity.provisioned(1, 1), now); }
 * catch (CapacityException e) { e.errorCode(); }  // "LimitExceededException"
 * }</pre>
 */
final class CapacityException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  CapacityException(String errorCode, String message) {
    super("dynamodb", errorCode, 400, message);
  }

  static CapacityException limitExceeded(String message) {
    return new CapacityException("LimitExceededException", message);
  }

  static CapacityException validation(String message) {
    return new CapacityException("ValidationException", message);
  }
}
