package dev.awssim.junit5;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.ClientFaults;
import dev.awssim.awssdk.RetryMode;
import dev.awssim.awssdk.SimulatedAws;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayAsyncClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.xray.XRayAsyncClient;
import software.amazon.awssdk.services.xray.XRayClient;

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

  /** Every client {@link SimulatedAws} makes, by the type a test asks for. */
  private static final Map<Class<?>, Function<SimulatedAws, Object>> CLIENTS =
      Map.ofEntries(
          Map.entry(SimulatedAws.class, aws -> aws),
          Map.entry(SqsClient.class, SimulatedAws::sqsClient),
          Map.entry(SqsAsyncClient.class, SimulatedAws::sqsAsyncClient),
          Map.entry(SnsClient.class, SimulatedAws::snsClient),
          Map.entry(SnsAsyncClient.class, SimulatedAws::snsAsyncClient),
          Map.entry(KinesisClient.class, SimulatedAws::kinesisClient),
          Map.entry(KinesisAsyncClient.class, SimulatedAws::kinesisAsyncClient),
          Map.entry(DynamoDbClient.class, SimulatedAws::dynamoDbClient),
          Map.entry(DynamoDbAsyncClient.class, SimulatedAws::dynamoDbAsyncClient),
          Map.entry(DynamoDbStreamsClient.class, SimulatedAws::dynamoDbStreamsClient),
          Map.entry(DynamoDbStreamsAsyncClient.class, SimulatedAws::dynamoDbStreamsAsyncClient),
          Map.entry(DynamoDbEnhancedClient.class, SimulatedAws::dynamoDbEnhancedClient),
          Map.entry(DynamoDbEnhancedAsyncClient.class, SimulatedAws::dynamoDbEnhancedAsyncClient),
          Map.entry(CloudWatchClient.class, SimulatedAws::cloudWatchClient),
          Map.entry(CloudWatchAsyncClient.class, SimulatedAws::cloudWatchAsyncClient),
          Map.entry(XRayClient.class, SimulatedAws::xRayClient),
          Map.entry(XRayAsyncClient.class, SimulatedAws::xRayAsyncClient),
          Map.entry(ApiGatewayClient.class, SimulatedAws::apiGatewayClient),
          Map.entry(ApiGatewayAsyncClient.class, SimulatedAws::apiGatewayAsyncClient));

  static boolean supports(Class<?> type) {
    return CLIENTS.containsKey(type);
  }

  /** The clients of Region {@code region} (null: the default Region) of {@code sim}. */
  static SimulatedAws create(AwsSimulator sim, Faults faults, boolean noRetries, String region) {
    SimulatedAws.Builder builder =
        SimulatedAws.builder(sim).retryMode(noRetries ? RetryMode.NONE : RetryMode.LEGACY);
    if (region != null) {
      builder.region(region);
    }
    if (faults != null) {
      builder.faults(
          ClientFaults.none()
              .withThrottling(faults.throttle(), Set.of(faults.throttledOperations()))
              .withAddedLatency(Duration.ofMillis(faults.latencyMillis())));
    }
    return builder.build();
  }

  static Object client(Object simulatedAws, Class<?> type) {
    return CLIENTS.get(type).apply((SimulatedAws) simulatedAws);
  }
}
