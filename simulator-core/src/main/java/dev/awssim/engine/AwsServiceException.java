package dev.awssim.engine;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * An error that a simulated AWS service returns: the AWS error code (such as {@code
 * ReceiptHandleIsInvalid}), the HTTP status, and the service name. Each service model has its own
 * subclass and one factory that builds them, so that the SDK adapter can map them one to one.
 *
 * <pre>{@code
 * try {
 *   sqs.deleteMessage(queueUrl, handle);
 * } catch (SqsException e) {
 *   assert e.errorCode().equals("ReceiptHandleIsInvalid") && e.statusCode() == 400;
 * }
 * }</pre>
 */
public abstract class AwsServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String serviceName;
  private final String errorCode;
  private final int statusCode;

  /**
   * Creates an error.
   *
   * @param serviceName such as {@code Sqs}
   * @param errorCode the AWS error code
   * @param statusCode the HTTP status AWS returns with it
   * @param message a message in the spirit of AWS's wording
   */
  protected AwsServiceException(
      String serviceName, String errorCode, int statusCode, String message) {
    super(errorCode + ": " + message);
    this.serviceName = checkNotNull(serviceName, "serviceName");
    this.errorCode = checkNotNull(errorCode, "errorCode");
    this.statusCode = statusCode;
  }

  /** The service, such as {@code Sqs}, {@code Kinesis}, {@code DynamoDb}, {@code ApiGateway}. */
  public String serviceName() {
    return serviceName;
  }

  /** The AWS error code, such as {@code QueueDoesNotExist}. */
  public String errorCode() {
    return errorCode;
  }

  /** The HTTP status AWS returns with this error, such as 400 or 429. */
  public int statusCode() {
    return statusCode;
  }

  /** Whether this is a throttling error that the AWS SDK would retry with backoff. */
  public boolean isThrottling() {
    return false;
  }

  /** The message without the error code prefix. */
  public String errorMessage() {
    String message = getMessage();
    return message.substring(errorCode.length() + 2);
  }
}
