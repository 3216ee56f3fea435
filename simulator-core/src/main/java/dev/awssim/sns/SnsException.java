package dev.awssim.sns;

import dev.awssim.engine.AwsServiceException;

/**
 * An error that simulated Amazon SNS returns, with AWS's query error code (such as {@code
 * InvalidParameter} or {@code NotFound}) and HTTP status
 * (https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html and each action's Errors section).
 *
 * <pre>{@code
 * try {
 *   sns.publish(PublishRequest.builder(topicArn, "x".repeat(262_145)).build());
 * } catch (SnsException e) {
 *   assert e.errorCode().equals("InvalidParameter") && e.statusCode() == 400;
 * }
 * }</pre>
 */
public final class SnsException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  SnsException(String errorCode, int statusCode, String message) {
    super("Sns", errorCode, statusCode, message);
  }

  /** Whether the caller is at fault (type {@code Sender}); only InternalError is not. */
  public boolean isSenderFault() {
    return statusCode() < 500;
  }
}
