package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The Region of a request's SigV4 credential scope. A simulation has one Region (one {@code
 * AwsAccount}); a request signed for another is refused as AWS refuses a credential scoped to the
 * wrong Region's endpoint ("Credential should be scoped to a valid region"), and changes nothing.
 */
class RegionTest {
  private static SqsClient sqs(WireServer server, Region region) {
    return Loopback.configure(SqsClient.builder(), server.endpoint(), region)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void sqsJson_signedForAnotherRegion_is403SignatureDoesNotMatch_andCreatesNothing() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start();
        SqsClient eu = sqs(server, Region.EU_WEST_1)) {
      SqsException e =
          assertThrows(SqsException.class, () -> eu.createQueue(b -> b.queueName("elsewhere")));
      assertEquals(403, e.statusCode());
      assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
      assertTrue(e.getMessage().contains("not 'eu-west-1'"), e.getMessage());
      assertEquals(List.of(), server.simulator().sqs().listQueues().queueUrls());
    }
  }

  @Test
  void dynamoDb_signedForAnotherRegion_is400InvalidSignatureException() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start();
        DynamoDbClient eu =
            Loopback.configure(DynamoDbClient.builder(), server.endpoint(), Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
      DynamoDbException e = assertThrows(DynamoDbException.class, () -> eu.listTables(b -> {}));
      assertEquals(400, e.statusCode());
      assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
    }
  }

  @Test
  void snsQuery_signedForAnotherRegion_is403SignatureDoesNotMatch() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start();
        SnsClient eu =
            Loopback.configure(SnsClient.builder(), server.endpoint(), Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
      SnsException e = assertThrows(SnsException.class, () -> eu.createTopic(b -> b.name("t")));
      assertEquals(403, e.statusCode());
      assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
      assertEquals(List.of(), server.simulator().sns().listTopics());
    }
  }

  @Test
  void serverInEuWest1_urlsAndArnsCarryEuWest1_andUsEast1IsRefused() {
    try (WireServer server = WireServer.builder().seed(1).port(0).region("eu-west-1").start();
        SqsClient eu = sqs(server, Region.EU_WEST_1);
        SqsClient us = sqs(server, Region.US_EAST_1)) {
      String url = eu.createQueue(b -> b.queueName("here")).queueUrl();
      assertTrue(url.startsWith("https://sqs.eu-west-1.amazonaws.com/"), url);
      String arn =
          eu.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      assertEquals("arn:aws:sqs:eu-west-1:000000000000:here", arn);
      assertEquals(
          "arn:aws:sns:eu-west-1:000000000000:t",
          Loopback.configure(SnsClient.builder(), server.endpoint(), Region.EU_WEST_1)
              .httpClient(UrlConnectionHttpClient.create())
              .build()
              .createTopic(b -> b.name("t"))
              .topicArn());

      SqsException e =
          assertThrows(SqsException.class, () -> us.getQueueUrl(b -> b.queueName("here")));
      assertTrue(e.getMessage().contains("not 'us-east-1'"), e.getMessage());
    }
  }

  @Test
  void presignedQueryCredential_forAnotherRegion_isRefused_unsignedIsServed() {
    try (WireServer server = WireServer.builder().seed(1).port(0).start()) {
      HttpResponse<byte[]> presigned =
          Http.request(
              server,
              "GET",
              "/?Action=ListQueues&Version=2012-11-05&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                  + "&X-Amz-Credential=AKIDFAKE%2F20261202%2Feu-west-1%2Fsqs%2Faws4_request",
              Map.of(),
              new byte[0]);
      assertEquals(403, presigned.statusCode(), Http.text(presigned));
      assertTrue(Http.text(presigned).contains("<Code>SignatureDoesNotMatch</Code>"));

      HttpResponse<byte[]> unsigned =
          Http.request(
              server,
              "POST",
              "/",
              Map.of("Content-Type", "application/x-www-form-urlencoded"),
              "Action=ListQueues&Version=2012-11-05".getBytes(StandardCharsets.UTF_8));
      assertEquals(200, unsigned.statusCode(), Http.text(unsigned));
    }
  }
}
