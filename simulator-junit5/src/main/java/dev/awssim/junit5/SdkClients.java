package dev.awssim.junit5;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.ClientFaults;
import dev.awssim.awssdk.RetryMode;
import dev.awssim.awssdk.SimulatedAws;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients a test can ask for. Loaded only when simulator-awssdk is on the class path
 * ({@link #AVAILABLE}), so the extension works without it.
 */
final class SdkClients {
  /** Whether simulator-awssdk (and so the AWS SDK) is on the class path. */
  static final boolean AVAILABLE = present("dev.awssim.awssdk.SimulatedAws");

  private SdkClients() {}

  static boolean present(String className) {
    try {
      Class.forName(className, false, SdkClients.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static boolean supports(Class<?> type) {
    return type == SimulatedAws.class
        || type == SqsClient.class
        || type == KinesisClient.class
        || type == DynamoDbClient.class
        || type == DynamoDbStreamsClient.class
        || type == DynamoDbEnhancedClient.class;
  }

  static SimulatedAws create(AwsSimulator sim, Faults faults, boolean noRetries) {
    SimulatedAws.Builder builder =
        SimulatedAws.builder(sim).retryMode(noRetries ? RetryMode.NONE : RetryMode.LEGACY);
    if (faults != null) {
      builder.faults(
          ClientFaults.none()
              .withThrottling(faults.throttle(), Set.of(faults.throttledOperations()))
              .withAddedLatency(Duration.ofMillis(faults.latencyMillis())));
    }
    return builder.build();
  }

  static Object client(Object simulatedAws, Class<?> type) {
    SimulatedAws aws = (SimulatedAws) simulatedAws;
    if (type == SqsClient.class) {
      return aws.sqsClient();
    } else if (type == KinesisClient.class) {
      return aws.kinesisClient();
    } else if (type == DynamoDbClient.class) {
      return aws.dynamoDbClient();
    } else if (type == DynamoDbStreamsClient.class) {
      return aws.dynamoDbStreamsClient();
    } else if (type == DynamoDbEnhancedClient.class) {
      return aws.dynamoDbEnhancedClient();
    }
    return aws;
  }
}
