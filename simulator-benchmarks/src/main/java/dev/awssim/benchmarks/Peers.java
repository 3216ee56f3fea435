package dev.awssim.benchmarks;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Starts the peers that awssim is measured against, the way their users embed them. */
final class Peers {
  private Peers() {}

  /**
   * DynamoDB Local 2.6.1, embedded in this JVM. It reports usage to AWS unless {@code
   * DDB_LOCAL_TELEMETRY=0} is set, so it refuses to start without that.
   */
  static AmazonDynamoDBLocal dynamoDbLocal() {
    if (!"0".equals(System.getenv("DDB_LOCAL_TELEMETRY"))) {
      throw new IllegalStateException(
          "DynamoDB Local reports usage to AWS unless DDB_LOCAL_TELEMETRY=0 is set;"
              + " run the benchmarks through `mvn ... exec:exec` (which sets it) or export it");
    }
    Path natives = Path.of("target", "native");
    if (!Files.isDirectory(natives)) {
      throw new IllegalStateException(
          "sqlite4java's native library is missing from "
              + natives.toAbsolutePath()
              + "; build with `mvn -pl simulator-benchmarks -am package` first");
    }
    System.setProperty("sqlite4java.library.path", natives.toAbsolutePath().toString());
    return DynamoDBEmbedded.create();
  }

  /** ElasticMQ 1.6.14 on 127.0.0.1 with a dynamic port. */
  static SQSRestServer elasticMq() {
    return SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
  }

  /** An {@link SqsClient} over HTTP to a running ElasticMQ. */
  static SqsClient elasticMqClient(SQSRestServer server) {
    int port = server.waitUntilStarted().localAddress().getPort();
    return SqsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
