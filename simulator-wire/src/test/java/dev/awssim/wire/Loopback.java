package dev.awssim.wire;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Real SDK clients (URL-connection HTTP client, fake static credentials, no retries) pointed at a
 * {@link WireServer} on 127.0.0.1.
 */
final class Loopback {
  private Loopback() {}

  static <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
    return configure(builder, endpoint, Region.US_EAST_1);
  }

  /** As {@link #configure(AwsClientBuilder, URI)}, signing for {@code region}. */
  static <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint, Region region) {
    return builder
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "secret")))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
  }

  static SqsClient sqs(WireServer server) {
    return configure(SqsClient.builder(), server.endpoint())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static DynamoDbClient dynamoDb(WireServer server) {
    return configure(DynamoDbClient.builder(), server.endpoint())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static DynamoDbStreamsClient dynamoDbStreams(WireServer server) {
    return configure(DynamoDbStreamsClient.builder(), server.endpoint())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static SnsClient sns(WireServer server) {
    return configure(SnsClient.builder(), server.endpoint())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static CloudWatchClient cloudWatch(WireServer server) {
    return configure(CloudWatchClient.builder(), server.endpoint())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static KinesisClient kinesis(WireServer server) {
    return configure(KinesisClient.builder(), server.endpoint())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
