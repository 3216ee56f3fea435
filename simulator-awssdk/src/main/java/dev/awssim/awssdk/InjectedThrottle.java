package dev.awssim.awssdk;

import dev.awssim.engine.AwsServiceException;

/** The throttling error a {@link ClientFaults} profile injects, in the client's service's terms. */
final class InjectedThrottle extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  private InjectedThrottle(String service, String code, int status) {
    super(service, code, status, "Rate exceeded (injected by the test's fault profile)");
  }

  /** SQS RequestThrottled (403), Kinesis and DynamoDB throughput errors (400). */
  static InjectedThrottle forClient(String clientName) {
    return switch (clientName) {
      case "sqs" -> new InjectedThrottle("Sqs", "RequestThrottled", 403);
      case "kinesis" ->
          new InjectedThrottle("Kinesis", "ProvisionedThroughputExceededException", 400);
      case "dynamodb" -> new InjectedThrottle("DynamoDb", "ThrottlingException", 400);
      case "cloudwatch" -> new InjectedThrottle("CloudWatch", "Throttling", 400);
      default -> new InjectedThrottle("DynamoDbStreams", "LimitExceededException", 400);
    };
  }

  @Override
  public boolean isThrottling() {
    return true;
  }
}
