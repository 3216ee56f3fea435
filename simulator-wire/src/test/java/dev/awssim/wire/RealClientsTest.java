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
import java.time.Instant;
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
    Files.writeString(WORK.resolve("config"), "[default]\nregion = us-east-1\n");
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
      env.put("AWS_DEFAULT_REGION", "us-east-1");
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
  void awsCli_sqs_queueUrlOfThisEndpoint_namesTheQueue_anotherHostsDoesNot() {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    String url = at(awsOk("sqs", "create-queue", "--queue-name", "orders"), "QueueUrl").asString();
    assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/orders", url);
    String local = server.endpoint().toString().replaceAll("/$", "") + "/000000000000/orders";
    awsOk("sqs", "send-message", "--queue-url", local, "--message-body", "one");
    String localhost = local.replace("127.0.0.1", "localhost");
    awsOk("sqs", "send-message", "--queue-url", localhost, "--message-body", "two");
    JsonNode attributes =
        awsOk(
            "sqs",
            "get-queue-attributes",
            "--queue-url",
            url,
            "--attribute-names",
            "ApproximateNumberOfMessages");
    assertEquals(
        "2",
        at(attributes, "Attributes", "ApproximateNumberOfMessages").asString(),
        attributes.toString());
    Result other =
        aws(
            "sqs",
            "send-message",
            "--queue-url",
            "http://example.com/000000000000/orders",
            "--message-body",
            "three");
    assertTrue(other.err().contains("NonExistentQueue"), other.err());
  }

  @Test
  void awsCli_xray_samplingRulesAndTargets() {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    JsonNode rules = awsOk("xray", "get-sampling-rules");
    JsonNode rule = at(rules, "SamplingRuleRecords", 0, "SamplingRule");
    // AWS's default rule: the first request each second and 5% of the rest
    // (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html).
    assertEquals("Default", at(rule, "RuleName").asString(), rules.toString());
    assertEquals("1", at(rule, "ReservoirSize").asNumber(), rules.toString());
    assertEquals(0.05, Double.parseDouble(at(rule, "FixedRate").asNumber()), rules.toString());
    JsonNode targets =
        awsOk(
            "xray",
            "get-sampling-targets",
            "--sampling-statistics-documents",
            "RuleName=Default,ClientID=0123456789abcdef01234567,Timestamp=0,RequestCount=10,"
                + "SampledCount=1,BorrowCount=0");
    assertEquals(
        "Default",
        at(targets, "SamplingTargetDocuments", 0, "RuleName").asString(),
        targets.toString());
    Result bad = aws("xray", "delete-sampling-rule", "--rule-name", "no-such-rule");
    assertFalse(bad.exit() == 0, bad.out());
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
    JsonNode out = boto3("boto3_scenarios.py", server.endpoint().toString());

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
        String.valueOf(out));

    // Kinesis: 1,000 records per second per shard; the 1,001st+ fail record by record.
    assertEquals("[0,0,500]", text(out.field("kinesis_failed_per_batch").get()));
    assertEquals(
        "[\"ProvisionedThroughputExceededException\"]",
        text(out.field("kinesis_error_codes").get()));
    assertEquals("0", out.field("kinesis_failed_next_second").get().asNumber());
    assertEquals("[\"r0\",\"r1\",\"r2\"]", text(out.field("kinesis_first_records").get()));
  }

  @Test
  void awsCli_snsToSqs_publishIsReceived_andCloudWatchPutMetricDataIsCounted() {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    String url =
        awsOk("sqs", "create-queue", "--queue-name", "cli-fanout")
            .field("QueueUrl")
            .get()
            .asString();
    String queueArn = queueArn(url);
    String topic =
        awsOk("sns", "create-topic", "--name", "cli-news").field("TopicArn").get().asString();
    assertEquals("arn:aws:sns:us-east-1:000000000000:cli-news", topic);
    awsOk(
        "sns",
        "subscribe",
        "--topic-arn",
        topic,
        "--protocol",
        "sqs",
        "--notification-endpoint",
        queueArn,
        "--attributes",
        "RawMessageDelivery=true");
    awsOk("sns", "publish", "--topic-arn", topic, "--message", "from the cli");
    JsonNode got = awsOk("sqs", "receive-message", "--queue-url", url);
    assertEquals(
        "from the cli",
        got.field("Messages").get().asArray().get(0).field("Body").get().asString());

    java.time.Instant start = server.simulator().now();
    awsOk(
        "cloudwatch",
        "put-metric-data",
        "--namespace",
        "Cli/App",
        "--metric-name",
        "Orders",
        "--dimensions",
        "Shop=north",
        "--value",
        "5");
    String stats = Http.sumPerMinute(server, "Cli/App", "Orders", "Shop", "north", start);
    assertTrue(stats.contains("\"value\":5.0"), stats);
    Result reserved =
        aws(
            "cloudwatch",
            "put-metric-data",
            "--namespace",
            "AWS/SQS",
            "--metric-name",
            "Fake",
            "--value",
            "1");
    assertTrue(reserved.exit() != 0);
    assertTrue(reserved.err().contains("InvalidParameterValue"), reserved.err());
  }

  @Test
  void awsCli_twoRegions_oneServer_eachRegionHasItsOwnQueueOfTheSameName() {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    String eu =
        awsOk("--region", "eu-west-1", "sqs", "create-queue", "--queue-name", "here")
            .field("QueueUrl")
            .get()
            .asString();
    String us =
        awsOk("--region", "us-east-1", "sqs", "create-queue", "--queue-name", "here")
            .field("QueueUrl")
            .get()
            .asString();
    awsOk("--region", "eu-west-1", "sqs", "send-message", "--queue-url", eu, "--message-body", "b");

    assertEquals("https://sqs.eu-west-1.amazonaws.com/000000000000/here", eu);
    assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/here", us);
    assertEquals(
        List.of(eu),
        awsOk("--region", "eu-west-1", "sqs", "list-queues")
            .field("QueueUrls")
            .get()
            .asArray()
            .stream()
            .map(JsonNode::asString)
            .toList());
    Result usReceive = aws("--region", "us-east-1", "sqs", "receive-message", "--queue-url", us);
    assertEquals(0, usReceive.exit(), usReceive.err());
    assertFalse(usReceive.out().contains("MessageId"), usReceive.out());
    Result euReceive = aws("--region", "eu-west-1", "sqs", "receive-message", "--queue-url", eu);
    assertTrue(euReceive.out().contains("\"Body\": \"b\""), euReceive.out() + euReceive.err());
    assertEquals(
        "arn:aws:sqs:eu-west-1:000000000000:here",
        server.simulator().region("eu-west-1").sqs().getQueueAttributes(eu).get("QueueArn"));
    Result crossRegion =
        aws(
            "--region",
            "us-east-1",
            "sqs",
            "send-message",
            "--queue-url",
            eu,
            "--message-body",
            "x");
    assertTrue(crossRegion.exit() != 0);
    assertTrue(crossRegion.err().contains("NonExistentQueue"), crossRegion.err());
  }

  @Test
  void boto3_snsCloudWatchAndRegions_behaveAsAwsDocuments_andMatchBotocoreShapes()
      throws IOException {
    assumeTrue(available("python3", "-c", "import boto3"), "boto3 is not installed");
    java.time.Instant start = server.simulator().now();
    JsonNode out = boto3("boto3_sns_cloudwatch.py", server.endpoint().toString());

    assertEquals(
        "arn:aws:sns:us-east-1:000000000000:news", out.field("topic_arn").get().asString());
    assertEquals("true", out.field("subscription_attrs_raw").get().asString());
    assertEquals("News", out.field("topic_display_name").get().asString());
    assertEquals("[\"breaking\"]", text(out.field("sqs_bodies").get()));
    assertEquals("alert", out.field("sqs_kind").get().asString());
    assertEquals("[\"NotFound\",404]", text(out.field("sns_missing_topic").get()));

    // botocore 1.4x sends CloudWatch Smithy RPC v2 CBOR (first in its model's protocols).
    assertEquals("smithy-rpc-v2-cbor", out.field("cloudwatch_protocol").get().asString());
    assertEquals("[\"InvalidParameterValue\",400]", text(out.field("cloudwatch_reserved").get()));
    String stats = Http.sumPerMinute(server, "Shop/App", "Orders", "Shop", "north", start);
    assertTrue(stats.contains("\"value\":7.0"), stats);

    assertEquals(
        "https://sqs.eu-west-1.amazonaws.com/000000000000/here",
        out.field("eu_queue_url").get().asString());
    assertEquals(
        "https://sqs.us-east-1.amazonaws.com/000000000000/here",
        out.field("us_queue_url").get().asString());
    assertEquals(
        "arn:aws:sqs:eu-west-1:000000000000:here", out.field("eu_queue_arn").get().asString());
    assertEquals("0", out.field("us_received").get().text());
    assertEquals("[\"bonjour\"]", text(out.field("eu_received").get()));
    assertEquals(
        "[\"AWS.SimpleQueueService.NonExistentQueue\",400]",
        text(out.field("eu_url_on_us_endpoint").get()));
    assertEquals(
        "arn:aws:sns:eu-west-1:000000000000:t", out.field("eu_topic_arn").get().asString());
    assertEquals(
        "[\"arn:aws:sns:us-east-1:000000000000:news\"]",
        text(out.field("us_topics_after_eu").get()));
    assertEquals(
        "arn:aws:dynamodb:eu-west-1:000000000000:table/carts",
        out.field("eu_table_arn").get().asString());
    assertEquals("[]", text(out.field("us_tables").get()));
    String euStats =
        Http.text(
            Http.admin(
                server,
                "GET",
                "metrics/statistics?region=eu-west-1&namespace=Shop/App&metricName=Orders"
                    + "&dimension.Shop=north&period=60&statistic=Sum&start="
                    + start
                    + "&end="
                    + start.plusSeconds(3600)));
    assertTrue(euStats.contains("\"value\":5.0"), euStats);
    assertEquals("[\"SignatureDoesNotMatch\",403]", text(out.field("malformed_region").get()));
  }

  private String queueArn(String url) {
    return awsOk("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn")
        .field("Attributes")
        .get()
        .field("QueueArn")
        .get()
        .asString();
  }

  private static final String HANDLER = "dev.awssim.wire.EchoHandler::handleRequest";

  private JsonNode createEchoFunction(String name) {
    return createEchoFunction("us-east-1", name);
  }

  private JsonNode createEchoFunction(String region, String name) {
    return awsOk(
        "--region",
        region,
        "lambda",
        "create-function",
        "--function-name",
        name,
        "--runtime",
        "java17",
        "--role",
        "arn:aws:iam::000000000000:role/r",
        "--handler",
        HANDLER,
        "--code",
        "S3Bucket=code,S3Key=echo.zip");
  }

  @Test
  void awsCli_lambda_listInvokeSyncAndEvent_throttledAtReservedZero() throws IOException {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    assertEquals("echo", createEchoFunction("echo").field("FunctionName").get().asString());
    assertEquals(
        "echo",
        awsOk("lambda", "list-functions")
            .field("Functions")
            .get()
            .asArray()
            .get(0)
            .field("FunctionName")
            .get()
            .asString());

    Path out = WORK.resolve("invoke-out.json");
    JsonNode sync =
        awsOk(
            "lambda",
            "invoke",
            "--function-name",
            "echo",
            "--payload",
            "{\"id\":1}",
            out.toString());
    assertEquals("200", sync.field("StatusCode").get().asNumber());
    assertEquals("$LATEST", sync.field("ExecutedVersion").get().asString());
    assertEquals("\"echo {\\\"id\\\":1}\"", Files.readString(out, StandardCharsets.UTF_8));
    JsonNode event =
        awsOk(
            "lambda",
            "invoke",
            "--function-name",
            "echo",
            "--invocation-type",
            "Event",
            "--payload",
            "{}",
            out.toString());
    assertEquals("202", event.field("StatusCode").get().asNumber());

    assertEquals(
        "0",
        awsOk(
                "lambda",
                "put-function-concurrency",
                "--function-name",
                "echo",
                "--reserved-concurrent-executions",
                "0")
            .field("ReservedConcurrentExecutions")
            .get()
            .asNumber());
    Result throttled =
        aws("lambda", "invoke", "--function-name", "echo", "--payload", "{}", out.toString());
    assertTrue(throttled.exit() != 0);
    assertTrue(
        throttled.err().contains("(TooManyRequestsException)")
            && throttled.err().contains("ReservedFunctionConcurrentInvocationLimitExceeded"),
        throttled.err());
  }

  @Test
  void awsCli_lambda_twoRegions_sameNameIsTwoFunctions_andAnEuMappingPollsTheEuQueue()
      throws IOException {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    String eu = "eu-west-1";
    assertEquals(
        "arn:aws:lambda:eu-west-1:000000000000:function:echo",
        createEchoFunction(eu, "echo").field("FunctionArn").get().asString());
    assertEquals(
        "[]", awsOk("lambda", "list-functions").field("Functions").get().asArray().toString());
    createEchoFunction("echo");
    assertEquals(
        "arn:aws:lambda:us-east-1:000000000000:function:echo",
        awsOk("lambda", "get-function", "--function-name", "echo")
            .field("Configuration")
            .get()
            .field("FunctionArn")
            .get()
            .asString());
    Path out = WORK.resolve("region-invoke-out.json");
    Result across =
        aws(
            "--region",
            eu,
            "lambda",
            "invoke",
            "--function-name",
            "arn:aws:lambda:us-east-1:000000000000:function:echo",
            out.toString());
    assertTrue(across.exit() != 0);
    assertTrue(
        across.err().contains("(ResourceNotFoundException)")
            && across
                .err()
                .contains(
                    "Functions from 'us-east-1' are not reachable in this region ('eu-west-1')"),
        across.err());

    String euUrl =
        awsOk("--region", eu, "sqs", "create-queue", "--queue-name", "jobs")
            .field("QueueUrl")
            .get()
            .asString();
    String usUrl =
        awsOk("sqs", "create-queue", "--queue-name", "jobs").field("QueueUrl").get().asString();
    awsOk("--region", eu, "sqs", "send-message", "--queue-url", euUrl, "--message-body", "eu");
    awsOk("sqs", "send-message", "--queue-url", usUrl, "--message-body", "us");
    awsOk(
        "--region",
        eu,
        "lambda",
        "create-event-source-mapping",
        "--function-name",
        "echo",
        "--event-source-arn",
        "arn:aws:sqs:eu-west-1:000000000000:jobs");
    advance("seconds=60");

    assertEquals("0", approximateMessages(eu, euUrl));
    assertEquals("1", approximateMessages("us-east-1", usUrl));
  }

  private String approximateMessages(String region, String url) {
    return awsOk(
            "--region",
            region,
            "sqs",
            "get-queue-attributes",
            "--queue-url",
            url,
            "--attribute-names",
            "ApproximateNumberOfMessages")
        .field("Attributes")
        .get()
        .field("ApproximateNumberOfMessages")
        .get()
        .asString();
  }

  @Test
  void awsCli_lambda_sqsEventSourceMapping_consumesTheQueue() {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    createEchoFunction("worker");
    String url =
        awsOk("sqs", "create-queue", "--queue-name", "work").field("QueueUrl").get().asString();
    String arn = queueArn(url);
    JsonNode mapping =
        awsOk(
            "lambda",
            "create-event-source-mapping",
            "--function-name",
            "worker",
            "--event-source-arn",
            arn,
            "--batch-size",
            "1");
    assertEquals(arn, mapping.field("EventSourceArn").get().asString());
    Instant start = server.simulator().now();
    for (int i = 0; i < 3; i++) {
      awsOk("sqs", "send-message", "--queue-url", url, "--message-body", "job " + i);
    }
    advance("seconds=60");
    JsonNode attrs =
        awsOk(
                "sqs",
                "get-queue-attributes",
                "--queue-url",
                url,
                "--attribute-names",
                "ApproximateNumberOfMessages",
                "ApproximateNumberOfMessagesNotVisible")
            .field("Attributes")
            .get();
    assertEquals("0", attrs.field("ApproximateNumberOfMessages").get().asString());
    assertEquals("0", attrs.field("ApproximateNumberOfMessagesNotVisible").get().asString());
    String invocations =
        Http.sumPerMinute(server, "AWS/Lambda", "Invocations", "FunctionName", "worker", start);
    assertTrue(invocations.contains("\"value\":3.0"), invocations);
  }

  @Test
  void boto3_lambda_invokeThrottleAndSqsEventSource_matchBotocoreShapes() throws IOException {
    assumeTrue(available("python3", "-c", "import boto3"), "boto3 is not installed");
    JsonNode out = boto3("boto3_lambda.py", server.endpoint().toString());
    assertEquals("[\"echo\",512,30,201]", text(out.field("created").get()));
    assertEquals("[\"echo\"]", text(out.field("listed").get()));
    assertEquals("[200,\"$LATEST\",\"\"echo {\\\"id\\\":7}\"\"]", text(out.field("sync").get()));
    assertEquals("202", out.field("event").get().asNumber());
    assertEquals("0", out.field("put_concurrency").get().asNumber());
    assertEquals(
        "[\"TooManyRequestsException\",429,"
            + "\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"User\"]",
        text(out.field("throttled").get()));
    assertEquals("[\"ResourceNotFoundException\",404]", text(out.field("missing").get()));
    assertTrue(text(out.field("mapping").get()).endsWith(",1,202]"), String.valueOf(out));
    assertEquals("[\"0\",\"0\"]", text(out.field("queue_after").get()));
    assertEquals("Enabled", out.field("mapping_state").get().asString());
  }

  private int pets(String id) {
    return Http.request(
            server, "GET", "/restapis/" + id + "/prod/_user_request_/pets", Map.of(), new byte[0])
        .statusCode();
  }

  @Test
  void awsCli_apiGateway_buildsAMockApiFromScratch_servedAndThrottledAtTheStageLimits() {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    String id =
        awsOk("apigateway", "create-rest-api", "--name", "pets").field("id").get().asString();
    String root =
        awsOk("apigateway", "get-resources", "--rest-api-id", id)
            .field("items")
            .get()
            .asArray()
            .get(0)
            .field("id")
            .get()
            .asString();
    String pets =
        awsOk(
                "apigateway",
                "create-resource",
                "--rest-api-id",
                id,
                "--parent-id",
                root,
                "--path-part",
                "pets")
            .field("id")
            .get()
            .asString();
    List<String> method =
        List.of("--rest-api-id", id, "--resource-id", pets, "--http-method", "GET");
    awsOk(with(method, "apigateway", "put-method", "--authorization-type", "NONE"));
    awsOk(
        with(
            method,
            "apigateway",
            "put-integration",
            "--type",
            "MOCK",
            "--request-templates",
            "{\"application/json\":\"{\\\"statusCode\\\": 200}\"}"));
    awsOk(with(method, "apigateway", "put-method-response", "--status-code", "200"));
    awsOk(
        with(
            method,
            "apigateway",
            "put-integration-response",
            "--status-code",
            "200",
            "--response-templates",
            "{\"application/json\":\"[\\\"rex\\\"]\"}"));
    awsOk("apigateway", "create-deployment", "--rest-api-id", id, "--stage-name", "prod");
    awsOk(
        "apigateway",
        "update-stage",
        "--rest-api-id",
        id,
        "--stage-name",
        "prod",
        "--patch-operations",
        "op=replace,path=/*/*/throttling/rateLimit,value=1",
        "op=replace,path=/*/*/throttling/burstLimit,value=1");

    var served =
        Http.request(
            server, "GET", "/restapis/" + id + "/prod/_user_request_/pets", Map.of(), new byte[0]);
    assertEquals(200, served.statusCode());
    assertEquals("[\"rex\"]", Http.text(served));
    assertEquals(429, pets(id)); // burst 1
    advance("seconds=0.999");
    assertEquals(429, pets(id)); // rate 1 per second
    advance("seconds=0.001");
    assertEquals(200, pets(id));
  }

  private static String[] with(List<String> tail, String... head) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(tail);
    return all.toArray(new String[0]);
  }

  @Test
  void awsCli_apiGateway_getStagesAndUpdateStage_dataPlaneThrottlesAtTheNewRate() {
    assumeTrue(available("aws", "--version"), "the AWS CLI is not installed");
    String id = ApiGatewayControlPlaneTest.petsApi(server.simulator());
    assertEquals(
        "pets",
        awsOk("apigateway", "get-rest-apis")
            .field("items")
            .get()
            .asArray()
            .get(0)
            .field("name")
            .get()
            .asString());
    assertEquals(
        "prod",
        awsOk("apigateway", "get-stages", "--rest-api-id", id)
            .field("item")
            .get()
            .asArray()
            .get(0)
            .field("stageName")
            .get()
            .asString());
    JsonNode updated =
        awsOk(
            "apigateway",
            "update-stage",
            "--rest-api-id",
            id,
            "--stage-name",
            "prod",
            "--patch-operations",
            "op=replace,path=/*/*/throttling/rateLimit,value=1",
            "op=replace,path=/*/*/throttling/burstLimit,value=1");
    JsonNode all = updated.field("methodSettings").get().field("*/*").get();
    assertEquals("1.0", all.field("throttlingRateLimit").get().asNumber());
    assertEquals("1", all.field("throttlingBurstLimit").get().asNumber());

    assertEquals(200, pets(id));
    assertEquals(429, pets(id)); // burst 1
    advance("seconds=0.999");
    assertEquals(429, pets(id)); // rate 1 per second: the token is back at 1.000 s, not before
    advance("seconds=0.001");
    assertEquals(200, pets(id));

    Result missing = aws("apigateway", "get-stage", "--rest-api-id", id, "--stage-name", "nope");
    assertTrue(missing.exit() != 0);
    assertTrue(missing.err().contains("(NotFoundException)"), missing.err());
  }

  @Test
  void boto3_apiGateway_updateStage_dataPlaneThrottlesAtTheNewRate_matchBotocoreShapes()
      throws IOException {
    assumeTrue(available("python3", "-c", "import boto3"), "boto3 is not installed");
    String id = ApiGatewayControlPlaneTest.petsApi(server.simulator());
    JsonNode out = boto3("boto3_apigateway.py", server.endpoint().toString(), id);
    assertEquals("[\"pets\"]", text(out.field("apis").get()));
    assertEquals("[\"prod\"]", text(out.field("stages").get()));
    assertEquals("[1.0,1]", text(out.field("updated").get()));
    assertEquals("[200,429,429,200]", text(out.field("data_plane").get()));
    assertEquals("[\"NotFoundException\",404]", text(out.field("missing_stage").get()));
  }

  /**
   * Runs the boto3 script {@code name} with {@code args} (after its path) and returns what it
   * printed, once it has exited 0 with no failed scenario and no response outside botocore's
   * shapes.
   */
  private JsonNode boto3(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("python3", script(name).toString()));
    command.addAll(List.of(args));
    Result r = run(command);
    assertEquals(0, r.exit(), r.err());
    JsonNode out = JsonNode.parser().parse(r.out());
    assertFalse(out.field("failures").isPresent(), r.out());
    assertEquals(List.of(), out.field("shape_errors").get().asArray(), r.out());
    return out;
  }

  /** Copies the Python script {@code name} and the helpers it imports into the work directory. */
  private Path script(String name) throws IOException {
    for (String file : List.of("awssim_boto3.py", name)) {
      try (InputStream in = getClass().getResourceAsStream("/" + file)) {
        Files.write(WORK.resolve(file), in.readAllBytes());
      }
    }
    return WORK.resolve(name);
  }

  /** The node at {@code path} below {@code node}: member names and array indexes. */
  private static JsonNode at(JsonNode node, Object... path) {
    JsonNode n = node;
    for (Object step : path) {
      n =
          step instanceof Integer i
              ? n.asArray().get(i)
              : n.field((String) step).orElseThrow(() -> new AssertionError(step + " in " + node));
    }
    return n;
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
