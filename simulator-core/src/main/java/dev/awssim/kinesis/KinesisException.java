package dev.awssim.kinesis;

import dev.awssim.engine.AwsServiceException;

/**
 * An error of simulated Kinesis Data Streams, with AWS's error code and HTTP status (400 for every
 * client error, {@code https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html}).
 * Built by {@link KinesisErrors}.
 *
 * <pre>{@code
 * try {
 *   kinesis.putRecord(PutRecordRequest.of("orders", data, "customer-1"));
 * } catch (KinesisException e) {
 *   if (e.isThrottling()) { ... } // ProvisionedThroughputExceededException
 * }
 * }</pre>
 */
public final class KinesisException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  KinesisException(String errorCode, int statusCode, String message) {
    super("Kinesis", errorCode, statusCode, message);
  }

  @Override
  public boolean isThrottling() {
    return errorCode().equals(KinesisErrors.THROUGHPUT_EXCEEDED)
        || errorCode().equals(KinesisErrors.LIMIT_EXCEEDED);
  }
}
