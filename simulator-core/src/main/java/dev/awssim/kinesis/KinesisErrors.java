package dev.awssim.kinesis;

import java.util.Locale;

/**
 * The one factory of Kinesis errors, with AWS's codes ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html} and each action's
 * page) and kinesalite's wording.
 */
final class KinesisErrors {
  static final String THROUGHPUT_EXCEEDED = "ProvisionedThroughputExceededException";
  static final String LIMIT_EXCEEDED = "LimitExceededException";

  private KinesisErrors() {}

  static KinesisException streamNotFound(String streamName, String account) {
    return new KinesisException(
        "ResourceNotFoundException",
        400,
        "Stream " + streamName + " under account " + account + " not found.");
  }

  static KinesisException resourceNotFound(String message) {
    return new KinesisException("ResourceNotFoundException", 400, message);
  }

  static KinesisException resourceInUse(String message) {
    return new KinesisException("ResourceInUseException", 400, message);
  }

  static KinesisException invalidArgument(String message) {
    return new KinesisException("InvalidArgumentException", 400, message);
  }

  static KinesisException validation(String member, Object value, String constraint) {
    return new KinesisException(
        "ValidationException",
        400,
        String.format(
            Locale.ROOT,
            "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s",
            value,
            member,
            constraint));
  }

  static KinesisException limitExceeded(String message) {
    return new KinesisException(LIMIT_EXCEEDED, 400, message);
  }

  static KinesisException expiredNextToken(String message) {
    return new KinesisException("ExpiredNextTokenException", 400, message);
  }

  static KinesisException expiredIterator(String message) {
    return new KinesisException("ExpiredIteratorException", 400, message);
  }

  static KinesisException writeThrottled(String shardId, String streamName, String account) {
    return new KinesisException(
        THROUGHPUT_EXCEEDED, 400, writeThrottleMessage(shardId, streamName, account));
  }

  static String writeThrottleMessage(String shardId, String streamName, String account) {
    return "Rate exceeded for shard "
        + shardId
        + " in stream "
        + streamName
        + " under account "
        + account
        + ".";
  }

  static KinesisException readThrottled(String shardId, String streamName, String account) {
    return new KinesisException(
        THROUGHPUT_EXCEEDED,
        400,
        "Rate exceeded for Shard - " + account + ":" + streamName + ":" + shardId);
  }
}
