package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.cbor.internal.AwsStructuredCborFactory;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What no SDK would send: AWS's errors come back, nothing changes halfway, and the server keeps
 * serving.
 */
class BadInputTest {
  private static final String JSON10 = "application/x-amz-json-1.0";

  private WireServer server;

  @BeforeEach
  void start() {
    server = WireServer.builder().seed(3).port(0).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonNode json(HttpResponse<byte[]> r) {
    return JsonNode.parser().parse(r.body());
  }

  private static String type(HttpResponse<byte[]> r) {
    return json(r).field("__type").orElseThrow().asString();
  }

  private int queueCount() {
    return server.simulator().sqs().listQueues().queueUrls().size();
  }

  @Test
  void unknownOperation_is400UnknownOperationException() {
    HttpResponse<byte[]> r = Http.post(server, "AmazonSQS.Frobnicate", JSON10, "{}");
    assertEquals(400, r.statusCode());
    assertEquals("com.amazonaws.sqs#UnknownOperationException", type(r));
    assertTrue(r.headers().firstValue("x-amzn-RequestId").isPresent());
  }

  @Test
  void unknownTargetPrefix_is400UnknownOperationException() {
    HttpResponse<byte[]> r = Http.post(server, "AmazonSNS.Publish", JSON10, "{}");
    assertEquals(400, r.statusCode());
    assertEquals("UnknownOperationException", type(r));
  }

  @Test
  void noTargetNoAction_is400UnknownOperationException() {
    HttpResponse<byte[]> r = Http.post(server, null, "text/plain", "hello");
    assertEquals(400, r.statusCode());
    assertEquals("UnknownOperationException", type(r));
  }

  @Test
  void malformedJson_is400SerializationException_andChangesNothing() {
    HttpResponse<byte[]> r =
        Http.post(server, "AmazonSQS.CreateQueue", JSON10, "{\"QueueName\": \"q\"");
    assertEquals(400, r.statusCode());
    assertEquals("com.amazonaws.sqs#SerializationException", type(r));
    assertEquals(0, queueCount());
  }

  @Test
  void memberOfWrongType_is400SerializationException_andChangesNothing() {
    HttpResponse<byte[]> r =
        Http.post(
            server,
            "AmazonSQS.CreateQueue",
            JSON10,
            "{\"QueueName\": \"q\", \"Attributes\": [\"VisibilityTimeout\"]}");
    assertEquals(400, r.statusCode());
    assertEquals("com.amazonaws.sqs#SerializationException", type(r));
    assertEquals(0, queueCount());
  }

  @Test
  void modelledError_carriesTypeStatusAndQueryErrorHeader() {
    HttpResponse<byte[]> r =
        Http.post(server, "AmazonSQS.GetQueueUrl", JSON10, "{\"QueueName\": \"missing\"}");
    assertEquals(400, r.statusCode());
    assertEquals("com.amazonaws.sqs#QueueDoesNotExist", type(r));
    assertTrue(json(r).field("message").isPresent());
    assertEquals(
        "AWS.SimpleQueueService.NonExistentQueue;Sender",
        r.headers().firstValue("x-amzn-query-error").orElseThrow());
  }

  @Test
  void malformedCbor_is400SerializationExceptionInCbor() {
    HttpResponse<byte[]> r =
        Http.post(
            server,
            "/",
            "Kinesis_20131202.DescribeStream",
            JsonProtocol.CBOR_CONTENT_TYPE,
            new byte[] {(byte) 0xBF, 0x6A, 'S', 't'});
    assertEquals(400, r.statusCode());
    assertEquals(JsonProtocol.CBOR_CONTENT_TYPE, r.headers().firstValue("Content-Type").get());
    JsonNode body =
        JsonNodeParser.builder()
            .jsonFactory(AwsStructuredCborFactory.SDK_CBOR_FACTORY.getJsonFactory())
            .build()
            .parse(r.body());
    assertEquals("SerializationException", body.field("__type").orElseThrow().asString());
  }

  @Test
  void dynamoDbResponse_carriesCrc32OfTheBody() {
    HttpResponse<byte[]> r = Http.post(server, "DynamoDB_20120810.ListTables", JSON10, "{}");
    assertEquals(200, r.statusCode());
    CRC32 crc = new CRC32();
    crc.update(r.body());
    assertEquals(
        Long.toString(crc.getValue()), r.headers().firstValue("x-amz-crc32").orElseThrow());
  }

  @Test
  void hugeBody_is413_andServerKeepsServing() {
    byte[] huge = new byte[WireServer.MAX_BODY_BYTES + 1];
    HttpResponse<byte[]> r = Http.post(server, "/", "DynamoDB_20120810.PutItem", JSON10, huge);
    assertEquals(413, r.statusCode());
    assertEquals(200, Http.post(server, "DynamoDB_20120810.ListTables", JSON10, "{}").statusCode());
  }

  @Test
  void thirtyTwoConcurrentClients_noMessageLost() throws Exception {
    int clients = 32;
    int perClient = 10;
    SqsClient setup = Loopback.sqs(server);
    String url = setup.createQueue(b -> b.queueName("shared")).queueUrl();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        done.add(
            pool.submit(
                () -> {
                  try (SqsClient sqs = Loopback.sqs(server)) {
                    for (int i = 0; i < perClient; i++) {
                      int n = i;
                      sqs.sendMessage(b -> b.queueUrl(url).messageBody(client + "-" + n));
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> bodies = new HashSet<>();
    while (true) {
      List<Message> batch =
          setup
              .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(20))
              .messages();
      if (batch.isEmpty()) {
        break;
      }
      for (Message m : batch) {
        assertTrue(bodies.add(m.body()), "delivered twice: " + m.body());
        setup.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
    assertEquals(clients * perClient, bodies.size());
  }
}
