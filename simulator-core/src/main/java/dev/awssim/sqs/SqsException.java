package dev.awssim.sqs;

import dev.awssim.engine.AwsServiceException;

/**
 * An error that simulated Amazon SQS returns, with AWS's error code, legacy query-protocol code and
 * HTTP status ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html}).
 *
 * <p>{@link #errorCode()} is the error shape name of the JSON protocol (such as {@code
 * QueueDoesNotExist}); {@link #queryErrorCode()} is the legacy code of the query protocol, which
 * query-compatible clients see (such as {@code AWS.SimpleQueueService.NonExistentQueue}).
 *
 * <pre>{@code
 * try {
 *   sqs.getQueueUrl("missing");
 * } catch (SqsException e) {
 *   assert e.errorCode().equals("QueueDoesNotExist") && e.statusCode() == 400;
 * }
 * }</pre>
 */
public final class SqsException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  private final String queryErrorCode;
  private final boolean throttling;

  SqsException(
      String errorCode, String queryErrorCode, int statusCode, boolean throttling, String message) {
    super("Sqs", errorCode, statusCode, message);
    this.queryErrorCode = queryErrorCode;
    this.throttling = throttling;
  }

  /** The legacy query-protocol code, such as {@code AWS.SimpleQueueService.NonExistentQueue}. */
  public String queryErrorCode() {
    return queryErrorCode;
  }

  /** Whether the caller is at fault (every SQS error except a throttle is a sender fault). */
  public boolean isSenderFault() {
    return true;
  }

  @Override
  public boolean isThrottling() {
    return throttling;
  }
}
