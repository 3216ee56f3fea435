package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The AWS CLI and boto3 the machine has (CI installs them from the OS packages: .ci/run), run as
 * subprocesses against a server on 127.0.0.1, with fake static credentials, a region, no instance
 * metadata and no configuration files from the home directory. Every call is bounded.
 */
class RealClientsTest {
  private static final Path WORK = Path.of("target", "real-clients");
  private static final long TIMEOUT_SECONDS = 300;

  private WireServer server;

  @BeforeAll
  static void files() throws IOException {
    Files.createDirectories(WORK);
    Files.writeString(WORK.resolve("config"), "[default]\nregion = eu-west-1\n");
    Files.writeString(
        WORK.resolve("credentials"),
        "[default]\naws_access_key_id = AKIDFAKE\naws_secret_access_key = fake\n");
  }

  @BeforeEach
  void start() {
    server = WireServer.builder().seed(21).port(0).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(List<String> command) {
    try {
      Path out = Files.createTempFile(WORK, "out", ".txt");
      Path err = Files.createTempFile(WORK, "err", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("AWS_"));
      env.put("AWS_ACCESS_KEY_ID", "AKIDFAKE");
      env.put("AWS_SECRET_ACCESS_KEY", "fake");
      env.put("AWS_DEFAULT_REGION", "eu-west-1");
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      env.put("AWS_CONFIG_FILE", WORK.resolve("config").toAbsolutePath().toString());
      env.put(
          "AWS_SHARED_CREDENTIALS_FILE", WORK.resolve("credentials").toAbsolutePath().toString());
      env.put("AWS_PAGER", "");
      env.put("AWS_MAX_ATTEMPTS", "1");
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean available(String... probe) {
    try {
      return run(List.of(probe)).exit() == 0;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private Result aws(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of("aws", "--endpoint-url", server.endpoint().toString(), "--output", "json"));
    command.addAll(List.of(args));
    return run(command);
  }

  private JsonNode awsOk(String... args) {
    Result r = aws(args);
    assertEquals(0, r.exit(), r.err());
    return r.out().isBlank() ? JsonNode.emptyObjectNode() : JsonNode.parser().parse(r.out());
  }

  private void advance(String query) {
    assertEquals(200, Http.admin(server, "POST", "advance?" + query).statusCode());
  }

  @Test
  void awsCli_sqs_visibilityTimeoutAt30Seconds_andErrors() {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    String url =
        awsOk("sqs", "create-queue", "--queue-name", "cli-jobs").field("QueueUrl").get().asString();
    awsOk("sqs", "send-message", "--queue-url", url, "--message-body", "job");
    assertEquals(
        1,
        awsOk("sqs", "receive-message", "--queue-url", url)
            .field("Messages")
            .get()
            .asArray()
            .size());
    advance("seconds=29.999");
    assertEquals(
        0,
        awsOk("sqs", "receive-message", "--queue-url", url)
            .field("Messages")
            .map(m -> m.asArray().size())
            .orElse(0));
    advance("seconds=0.001");
    JsonNode again =
        awsOk("sqs", "receive-message", "--queue-url", url, "--attribute-names", "All");
    assertEquals(
        "2",
        again
            .field("Messages")
            .get()
            .asArray()
            .get(0)
            .field("Attributes")
            .get()
            .field("ApproximateReceiveCount")
            .get()
            .asString());

    Result missing = aws("sqs", "get-queue-url", "--queue-name", "nope");
    assertTrue(missing.exit() != 0);
    assertTrue(
        missing.err().contains("AWS.SimpleQueueService.NonExistentQueue")
            || missing.err().contains("QueueDoesNotExist"),
        missing.err());
  }

  @Test
  void awsCli_dynamoDbConditionalWrite_failsWithConditionalCheckFailed() {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    awsOk(
        "dynamodb",
        "create-table",
        "--table-name",
        "cli-users",
        "--billing-mode",
        "PAY_PER_REQUEST",
        "--attribute-definitions",
        "AttributeName=id,AttributeType=S",
        "--key-schema",
        "AttributeName=id,KeyType=HASH");
    awsOk("dynamodb", "put-item", "--table-name", "cli-users", "--item", "{\"id\":{\"S\":\"1\"}}");
    Result again =
        aws(
            "dynamodb",
            "put-item",
            "--table-name",
            "cli-users",
            "--item",
            "{\"id\":{\"S\":\"1\"}}",
            "--condition-expression",
            "attribute_not_exists(id)");
    assertTrue(again.exit() != 0);
    assertTrue(again.err().contains("ConditionalCheckFailedException"), again.err());
  }

  @Test
  void boto3_sqsDynamoDbKinesis_behaveAsAwsDocuments_andMatchBotocoreShapes() throws IOException {
    assumeTrue(available("python3", "-c", "import boto3"), "boto3 is not installed");
    Path script = WORK.resolve("boto3_scenarios.py");
    try (InputStream in = getClass().getResourceAsStream("/boto3_scenarios.py")) {
      Files.write(script, in.readAllBytes());
    }
    Result r = run(List.of("python3", script.toString(), server.endpoint().toString()));
    assertEquals(0, r.exit(), r.err());
    JsonNode out = JsonNode.parser().parse(r.out());
    assertFalse(out.field("failures").isPresent(), r.out());
    assertEquals(List.of(), out.field("shape_errors").get().asArray(), r.out());

    // SQS: visibility timeout 30 s (AWS default), FIFO group order, DLQ after maxReceiveCount.
    assertEquals("0", out.field("sqs_visible_at_29_999").get().asNumber());
    assertEquals("1", out.field("sqs_visible_at_30_000").get().asNumber());
    assertEquals("2", out.field("sqs_receive_count").get().asString());
    assertEquals("[\"a1\",\"a2\",\"b1\"]", text(out.field("fifo_first_receive").get()));
    assertEquals("0", out.field("fifo_while_in_flight").get().asNumber());
    assertEquals("[\"poison\"]", text(out.field("dlq_bodies").get()));
    assertEquals(
        "[\"AWS.SimpleQueueService.NonExistentQueue\",400]",
        text(out.field("sqs_missing_queue").get()));

    // DynamoDB: conditional write, Query paging by Limit, throttling of a 1-WCU table.
    assertEquals(
        "[\"ConditionalCheckFailedException\",400]", text(out.field("ddb_conditional").get()));
    assertEquals("[[0,1],[2,3],[4]]", text(out.field("ddb_query_pages").get()));
    assertTrue(
        text(out.field("ddb_small_table_writes").get())
            .contains("[\"ProvisionedThroughputExceededException\",400]"),
        r.out());

    // Kinesis: 1,000 records per second per shard; the 1,001st+ fail record by record.
    assertEquals("[0,0,500]", text(out.field("kinesis_failed_per_batch").get()));
    assertEquals(
        "[\"ProvisionedThroughputExceededException\"]",
        text(out.field("kinesis_error_codes").get()));
    assertEquals("0", out.field("kinesis_failed_next_second").get().asNumber());
    assertEquals("[\"r0\",\"r1\",\"r2\"]", text(out.field("kinesis_first_records").get()));
  }

  private static String text(JsonNode node) {
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode e : node.asArray()) {
        parts.add(text(e));
      }
      return "[" + String.join(",", parts) + "]";
    }
    return node.isString() ? "\"" + node.asString() + "\"" : node.text();
  }
}
