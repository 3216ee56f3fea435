package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.Integration;
import dev.awssim.apigateway.RestApi;
import dev.awssim.apigateway.StageSettings;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.lambda.Lambda;
import dev.awssim.lambda.awssdk.SimulatedLambdaClient;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The Region of a request's SigV4 credential scope picks the Region of the simulation that serves
 * it: one server, one clock, each Region's own queues, tables, streams and topics. Unsigned
 * requests reach the default Region; a scope that names no Region code is refused as AWS refuses a
 * credential scoped to an invalid Region ("Credential should be scoped to a valid region").
 */
class RegionTest {
  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>>
      B client(B builder, WireServer server, Region region) {
    return Loopback.configure(builder, server.endpoint(), region);
  }

  private static SqsClient sqs(WireServer server, Region region) {
    return client(SqsClient.builder(), server, region)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static DynamoDbClient dynamoDb(WireServer server, Region region) {
    return client(DynamoDbClient.builder(), server, region)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void sqsJson_sameQueueNameSignedForTwoRegions_isTwoQueues_withTheirRegionsUrlsAndArns() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start();
        SqsClient eu = sqs(server, Region.EU_WEST_1);
        SqsClient us = sqs(server, Region.US_EAST_1)) {
      String euUrl = eu.createQueue(b -> b.queueName("orders")).queueUrl();
      String usUrl = us.createQueue(b -> b.queueName("orders")).queueUrl();
      eu.sendMessage(b -> b.queueUrl(euUrl).messageBody("bonjour"));

      assertEquals("https://sqs.eu-west-1.amazonaws.com/000000000000/orders", euUrl);
      assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/orders", usUrl);
      assertEquals(
          "arn:aws:sqs:eu-west-1:000000000000:orders",
          eu.getQueueAttributes(b -> b.queueUrl(euUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN));
      assertEquals(List.of(), us.receiveMessage(b -> b.queueUrl(usUrl)).messages());
      assertEquals("bonjour", eu.receiveMessage(b -> b.queueUrl(euUrl)).messages().get(0).body());
      assertEquals(List.of(euUrl), eu.listQueues().queueUrls());
      assertEquals(List.of(usUrl), us.listQueues().queueUrls());
    }
  }

  @Test
  void sqs_queueUrlOfAnotherRegion_isQueueDoesNotExist_asAtThatRegionsEndpoint() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start();
        SqsClient eu = sqs(server, Region.EU_WEST_1);
        SqsClient us = sqs(server, Region.US_EAST_1)) {
      String euUrl = eu.createQueue(b -> b.queueName("orders")).queueUrl();
      us.createQueue(b -> b.queueName("orders"));

      QueueDoesNotExistException e =
          assertThrows(
              QueueDoesNotExistException.class,
              () -> us.sendMessage(b -> b.queueUrl(euUrl).messageBody("lost")));
      assertEquals(400, e.statusCode());
      assertEquals(List.of(), eu.receiveMessage(b -> b.queueUrl(euUrl)).messages());
    }
  }

  @Test
  void dynamoDbKinesisAndSns_ofTwoRegions_keepTheirOwnResources() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start();
        DynamoDbClient eu = dynamoDb(server, Region.EU_WEST_1);
        DynamoDbClient us = dynamoDb(server, Region.US_EAST_1);
        KinesisClient euKinesis =
            client(KinesisClient.builder(), server, Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        SnsClient euSns =
            client(SnsClient.builder(), server, Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
      String arn =
          eu.createTable(
                  b ->
                      b.tableName("carts")
                          .billingMode(BillingMode.PAY_PER_REQUEST)
                          .attributeDefinitions(
                              AttributeDefinition.builder()
                                  .attributeName("id")
                                  .attributeType(ScalarAttributeType.S)
                                  .build())
                          .keySchema(
                              KeySchemaElement.builder()
                                  .attributeName("id")
                                  .keyType(KeyType.HASH)
                                  .build()))
              .tableDescription()
              .tableArn();
      euKinesis.createStream(b -> b.streamName("clicks").shardCount(1));

      assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/carts", arn);
      assertEquals(List.of("carts"), eu.listTables().tableNames());
      assertEquals(List.of(), us.listTables().tableNames());
      assertEquals(
          "arn:aws:kinesis:eu-west-1:000000000000:stream/clicks",
          euKinesis
              .describeStreamSummary(b -> b.streamName("clicks"))
              .streamDescriptionSummary()
              .streamARN());
      assertEquals(List.of(), server.simulator().kinesis().listStreams().streamNames());
      assertEquals(
          "arn:aws:sns:eu-west-1:000000000000:t", euSns.createTopic(b -> b.name("t")).topicArn());
      assertEquals(List.of(), server.simulator().sns().listTopics());
    }
  }

  @Test
  void serverWithDefaultEuWest1_servesUsEast1SignedRequestsFromUsEast1() {
    try (WireServer server = WireServer.builder().seed(1).port(0).region("eu-west-1").start();
        SqsClient eu = sqs(server, Region.EU_WEST_1);
        SqsClient us = sqs(server, Region.US_EAST_1)) {
      String euUrl = eu.createQueue(b -> b.queueName("here")).queueUrl();
      String usUrl = us.createQueue(b -> b.queueName("here")).queueUrl();

      assertEquals("https://sqs.eu-west-1.amazonaws.com/000000000000/here", euUrl);
      assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/here", usUrl);
      assertEquals(List.of(euUrl), server.simulator().sqs().listQueues().queueUrls());
    }
  }

  @Test
  void
      queryProtocol_presignedForAnotherRegion_isServedThere_unsignedByTheDefault_malformedRefused() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start()) {
      server.simulator().region("eu-west-1").sqs().createQueue("presigned");
      HttpResponse<byte[]> presigned =
          Http.request(
              server,
              "GET",
              "/?Action=ListQueues&Version=2012-11-05&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                  + "&X-Amz-Credential=AKIDFAKE%2F20261202%2Feu-west-1%2Fsqs%2Faws4_request",
              Map.of(),
              new byte[0]);
      assertEquals(200, presigned.statusCode(), Http.text(presigned));
      assertTrue(
          Http.text(presigned)
              .contains("https://sqs.eu-west-1.amazonaws.com/000000000000/presigned"));

      HttpResponse<byte[]> unsigned =
          Http.request(
              server,
              "POST",
              "/",
              Map.of("Content-Type", "application/x-www-form-urlencoded"),
              "Action=ListQueues&Version=2012-11-05".getBytes(StandardCharsets.UTF_8));
      assertEquals(200, unsigned.statusCode(), Http.text(unsigned));
      assertTrue(!Http.text(unsigned).contains("presigned"), Http.text(unsigned));

      HttpResponse<byte[]> malformed =
          Http.request(
              server,
              "GET",
              "/?Action=CreateQueue&QueueName=nowhere&Version=2012-11-05"
                  + "&X-Amz-Credential=AKIDFAKE%2F20261202%2FMars%2Fsqs%2Faws4_request",
              Map.of(),
              new byte[0]);
      assertEquals(403, malformed.statusCode(), Http.text(malformed));
      assertTrue(Http.text(malformed).contains("<Code>SignatureDoesNotMatch</Code>"));
      assertTrue(Http.text(malformed).contains("not 'Mars'"), Http.text(malformed));
      assertEquals(2, server.simulator().regions().size());
    }
  }

  @Test
  void apiGatewayDataPlane_hostNamingARegion_reachesThatRegionsApi() throws Exception {
    AwsSimulator sim = AwsSimulator.withSeed(4);
    ApiGateway gw = sim.region("eu-west-1").apiGateway();
    RestApi api = gw.createRestApi("pets");
    String pets = gw.createResource(api.id(), api.rootResourceId(), "pets");
    gw.putMethod(api.id(), pets, "GET", Integration.mock(200, "[\"rex\"]"));
    gw.createStage(api.id(), "prod", gw.createDeployment(api.id()), StageSettings.defaults());
    try (WireServer server = WireServer.builder().simulator(sim).port(0).start()) {
      assertTrue(
          rawGet(server, api.id() + ".execute-api.eu-west-1.amazonaws.com", "/prod/pets")
              .endsWith("[\"rex\"]"));
      // The same API id is not an API of the default Region.
      assertTrue(
          rawGet(server, api.id() + ".execute-api.us-east-1.amazonaws.com", "/prod/pets")
              .startsWith("HTTP/1.1 4"));
    }
  }

  /** A GET with a Host header of our choosing (the JDK's HTTP client sets its own). */
  private static String rawGet(WireServer server, String host, String path) throws Exception {
    try (Socket socket =
        new Socket(InetAddress.getLoopbackAddress(), server.endpoint().getPort())) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static LambdaClient lambda(WireServer server, Region region) {
    return client(LambdaClient.builder(), server, region)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static void createEcho(LambdaClient lambda, String name) {
    lambda.createFunction(
        b ->
            b.functionName(name)
                .runtime("java17")
                .role("arn:aws:iam::000000000000:role/r")
                .handler("dev.awssim.wire.EchoHandler::handleRequest")
                .code(c -> c.s3Bucket("code").s3Key("echo.zip")));
  }

  private static String invoke(LambdaClient lambda, String function) {
    return lambda
        .invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String("1")))
        .payload()
        .asUtf8String();
  }

  @Test
  void lambda_sameFunctionNameSignedForTwoRegions_isTwoFunctions_withTheirRegionsArns() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start();
        LambdaClient eu = lambda(server, Region.EU_WEST_1);
        LambdaClient us = lambda(server, Region.US_EAST_1)) {
      createEcho(eu, "echo");

      assertEquals(
          "arn:aws:lambda:eu-west-1:000000000000:function:echo",
          eu.getFunction(b -> b.functionName("echo")).configuration().functionArn());
      assertThrows(
          ResourceNotFoundException.class, () -> us.getFunction(b -> b.functionName("echo")));
      createEcho(us, "echo");
      assertEquals(
          "arn:aws:lambda:us-east-1:000000000000:function:echo",
          us.listFunctions().functions().get(0).functionArn());
      assertEquals("\"echo 1\"", invoke(us, "echo"));
      // The concurrency quota is per Region: reserving 900 of eu-west-1's 1,000 leaves us-east-1's.
      eu.putFunctionConcurrency(b -> b.functionName("echo").reservedConcurrentExecutions(900));
      assertEquals(
          100, eu.getAccountSettings().accountLimit().unreservedConcurrentExecutions().intValue());
      assertEquals(
          1_000,
          us.getAccountSettings().accountLimit().unreservedConcurrentExecutions().intValue());
      us.deleteFunction(b -> b.functionName("echo"));
      assertEquals("\"echo 1\"", invoke(eu, "echo"));
    }
  }

  @Test
  void lambda_functionArnOfAnotherRegion_isResourceNotFound404_notReachableInThisRegion() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start();
        LambdaClient eu = lambda(server, Region.EU_WEST_1);
        LambdaClient us = lambda(server, Region.US_EAST_1)) {
      createEcho(us, "echo");
      createEcho(eu, "echo");

      ResourceNotFoundException e =
          assertThrows(
              ResourceNotFoundException.class,
              () -> invoke(eu, "arn:aws:lambda:us-east-1:000000000000:function:echo"));
      assertEquals(404, e.statusCode());
      assertEquals(
          "Functions from 'us-east-1' are not reachable in this region ('eu-west-1')",
          e.awsErrorDetails().errorMessage());
      assertEquals("\"echo 1\"", invoke(eu, "arn:aws:lambda:eu-west-1:000000000000:function:echo"));
    }
  }

  @Test
  void lambda_sqsMappingInEuWest1_pollsEuWest1sQueue_notTheSameNamedQueueOfUsEast1() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start();
        LambdaClient eu = lambda(server, Region.EU_WEST_1);
        SqsClient euSqs = sqs(server, Region.EU_WEST_1);
        SqsClient usSqs = sqs(server, Region.US_EAST_1)) {
      createEcho(eu, "worker");
      String euUrl = euSqs.createQueue(b -> b.queueName("jobs")).queueUrl();
      String usUrl = usSqs.createQueue(b -> b.queueName("jobs")).queueUrl();
      euSqs.sendMessage(b -> b.queueUrl(euUrl).messageBody("eu job"));
      usSqs.sendMessage(b -> b.queueUrl(usUrl).messageBody("us job"));

      InvalidParameterValueException refused =
          assertThrows(
              InvalidParameterValueException.class,
              () ->
                  eu.createEventSourceMapping(
                      b ->
                          b.functionName("worker")
                              .eventSourceArn("arn:aws:sqs:us-east-1:000000000000:jobs")));
      assertEquals(400, refused.statusCode());
      eu.createEventSourceMapping(
          b -> b.functionName("worker").eventSourceArn("arn:aws:sqs:eu-west-1:000000000000:jobs"));
      Http.admin(server, "POST", "advance?by=PT1M");

      assertEquals(List.of(), euSqs.receiveMessage(b -> b.queueUrl(euUrl)).messages());
      assertEquals("us job", usSqs.receiveMessage(b -> b.queueUrl(usUrl)).messages().get(0).body());
      String euMetrics = Http.text(Http.admin(server, "GET", "metrics?region=eu-west-1"));
      assertTrue(
          euMetrics.contains(
              "\"metricName\":\"Invocations\",\"dimensions\":{\"FunctionName\":\"worker\"},"
                  + "\"total\":1.0"),
          euMetrics);
      assertFalse(Http.text(Http.admin(server, "GET", "metrics")).contains("\"worker\""));
    }
  }

  @Test
  void lambdaPerRegion_hookMakesEachRegionsClient_andTheOldHookServesTheDefaultRegion() {
    List<String> made = new ArrayList<>();
    try (WireServer server =
            WireServer.builder()
                .seed(1)
                .port(0)
                .lambdaPerRegion(
                    region -> {
                      made.add(region.name());
                      SimulatedLambdaClient c = SimulatedLambdaClient.create(Lambda.create(region));
                      c.registerHandler("hello", new EchoHandler());
                      return c;
                    })
                .start();
        LambdaClient eu = lambda(server, Region.EU_WEST_1);
        LambdaClient us = lambda(server, Region.US_EAST_1)) {
      eu.createFunction(b -> b.functionName("hello"));
      eu.listFunctions();
      us.listFunctions();
      assertEquals(List.of("eu-west-1", "us-east-1"), made);
      assertEquals("\"echo 1\"", invoke(eu, "hello"));
    }
    try (WireServer server =
            WireServer.builder()
                .seed(1)
                .port(0)
                .lambda(
                    sim -> {
                      made.add("default of " + sim.account().region());
                      return SimulatedLambdaClient.create(Lambda.create(sim));
                    })
                .start();
        LambdaClient eu = lambda(server, Region.EU_WEST_1);
        LambdaClient us = lambda(server, Region.US_EAST_1)) {
      createEcho(eu, "echo");
      assertEquals(List.of(), us.listFunctions().functions());
      assertEquals(List.of("eu-west-1", "us-east-1", "default of us-east-1"), made);
      assertEquals("\"echo 1\"", invoke(eu, "echo"));
    }
  }

  @Test
  void admin_metricsPerRegion_regionsListed_traceHasEveryRegion_andReplayGivesTheSameHash() {
    String served;
    SessionLog log;
    try (WireServer server = WireServer.builder().seed(5).port(0).start();
        SqsClient eu = sqs(server, Region.EU_WEST_1);
        SqsClient us = sqs(server, Region.US_EAST_1)) {
      String euUrl = eu.createQueue(b -> b.queueName("orders")).queueUrl();
      String usUrl = us.createQueue(b -> b.queueName("orders")).queueUrl();
      eu.sendMessage(b -> b.queueUrl(euUrl).messageBody("a"));
      eu.sendMessage(b -> b.queueUrl(euUrl).messageBody("b"));
      us.sendMessage(b -> b.queueUrl(usUrl).messageBody("c"));
      Http.admin(server, "POST", "advance?by=PT1M");

      String euMetrics = Http.text(Http.admin(server, "GET", "metrics?region=eu-west-1"));
      assertTrue(
          euMetrics.contains(
              "\"metricName\":\"NumberOfMessagesSent\",\"dimensions\":{\"QueueName\":\"orders\"},"
                  + "\"total\":2.0"),
          euMetrics);
      String usMetrics = Http.text(Http.admin(server, "GET", "metrics"));
      assertTrue(
          usMetrics.contains(
              "\"metricName\":\"NumberOfMessagesSent\",\"dimensions\":{\"QueueName\":\"orders\"},"
                  + "\"total\":1.0"),
          usMetrics);
      assertEquals(
          "{\"metrics\":[]}", Http.text(Http.admin(server, "GET", "metrics?region=ap-south-1")));
      assertEquals(400, Http.admin(server, "GET", "metrics?region=Mars").statusCode());
      assertEquals(
          "{\"default\":\"us-east-1\",\"regions\":[\"us-east-1\",\"eu-west-1\"]}",
          Http.text(Http.admin(server, "GET", "regions")));
      assertTrue(Http.text(Http.admin(server, "GET", "trace?since=0")).contains("eu-west-1"));
      served = server.simulator().trace().hash();
      log = server.sessionLog();
    }
    AwsSimulator fresh = AwsSimulator.withSeed(5);
    log.replay(fresh);
    assertEquals(served, fresh.trace().hash());
    List<TraceEvent> euEvents =
        fresh.trace().events().stream()
            .filter(e -> "eu-west-1".equals(e.attribute("region")))
            .toList();
    assertTrue(euEvents.size() >= 3, String.valueOf(euEvents));
  }
}
