package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SNS and CloudWatch on the wire, driven by the Java SDK v2's own clients, which speak the Query
 * protocol to both (form in, XML out, lists as {@code member.N}, maps as {@code entry.N}).
 */
class SnsAndCloudWatchTest {
  private WireServer server;
  private SnsClient sns;
  private SqsClient sqs;
  private CloudWatchClient cloudWatch;

  @BeforeEach
  void start() {
    server = WireServer.builder().seed(5).port(0).start();
    sns = Loopback.sns(server);
    sqs = Loopback.sqs(server);
    cloudWatch = Loopback.cloudWatch(server);
  }

  @AfterEach
  void stop() {
    sns.close();
    sqs.close();
    cloudWatch.close();
    server.close();
  }

  @Test
  void sns_publishToAnSqsSubscription_isReceivedFromTheQueue() {
    String url = sqs.createQueue(b -> b.queueName("orders-q")).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String topicArn = sns.createTopic(b -> b.name("orders")).topicArn();
    assertEquals("arn:aws:sns:us-east-1:000000000000:orders", topicArn);
    String subscriptionArn =
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn))
            .subscriptionArn();
    assertTrue(subscriptionArn.startsWith(topicArn + ":"), subscriptionArn);

    List<Subscription> subs =
        sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions();
    assertEquals(List.of(queueArn), subs.stream().map(Subscription::endpoint).toList());
    Map<String, String> attrs =
        sns.getSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn)).attributes();
    assertEquals("false", attrs.get("RawMessageDelivery"));

    String messageId = sns.publish(b -> b.topicArn(topicArn).message("order 42")).messageId();
    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url)).messages();
    assertEquals(1, got.size());
    JsonNode envelope = JsonNode.parser().parse(got.get(0).body());
    assertEquals("order 42", envelope.field("Message").orElseThrow().asString());
    assertEquals(messageId, envelope.field("MessageId").orElseThrow().asString());
    assertEquals(topicArn, envelope.field("TopicArn").orElseThrow().asString());
  }

  @Test
  void sns_publishToAMissingTopic_is404NotFound_asTheInProcessClient() {
    SnsException e =
        assertThrows(
            SnsException.class,
            () ->
                sns.publish(
                    b -> b.topicArn("arn:aws:sns:us-east-1:000000000000:nope").message("x")));
    assertEquals(404, e.statusCode());
    assertEquals("NotFound", e.awsErrorDetails().errorCode());
  }

  @Test
  void cloudWatch_putMetricData_isSummedByTheStatisticsEndpoint() {
    Instant start = server.simulator().now();
    MetricDatum three =
        MetricDatum.builder()
            .metricName("Orders")
            .dimensions(Dimension.builder().name("Shop").value("north").build())
            .value(3.0)
            .build();
    cloudWatch.putMetricData(
        b -> b.namespace("Shop/App").metricData(three, three.toBuilder().value(4.0).build()));
    String sum = Http.sumPerMinute(server, "Shop/App", "Orders", "Shop", "north", start);
    assertTrue(sum.contains("\"value\":7.0"), sum);
  }

  @Test
  void cloudWatch_putMetricDataTimestamp_landsInItsMinute_twoWeeksOld_is400() {
    Instant now = server.simulator().now();
    Instant tenMinutesAgo = now.minus(Duration.ofMinutes(10));
    cloudWatch.putMetricData(
        b ->
            b.namespace("Shop/App")
                .metricData(m -> m.metricName("Late").value(5.0).timestamp(tenMinutesAgo)));

    List<Datapoint> points =
        cloudWatch
            .getMetricStatistics(
                b ->
                    b.namespace("Shop/App")
                        .metricName("Late")
                        .startTime(now.minus(Duration.ofHours(1)))
                        .endTime(now.plusSeconds(60))
                        .period(60)
                        .statistics(Statistic.SUM))
            .datapoints();
    CloudWatchException e =
        assertThrows(
            CloudWatchException.class,
            () ->
                cloudWatch.putMetricData(
                    b ->
                        b.namespace("Shop/App")
                            .metricData(
                                m ->
                                    m.metricName("Late")
                                        .value(1.0)
                                        .timestamp(now.minus(Duration.ofDays(14))))));

    assertEquals(1, points.size());
    assertEquals(tenMinutesAgo, points.get(0).timestamp());
    assertEquals(5.0, points.get(0).sum());
    assertEquals(400, e.statusCode());
    assertEquals("InvalidParameterValue", e.awsErrorDetails().errorCode());
  }

  @Test
  void cloudWatch_reservedNamespace_is400InvalidParameterValue_andRecordsNothing() {

    CloudWatchException e =
        assertThrows(
            CloudWatchException.class,
            () ->
                cloudWatch.putMetricData(
                    b ->
                        b.namespace("AWS/SQS")
                            .metricData(
                                MetricDatum.builder().metricName("Fake").value(1.0).build())));
    assertEquals(400, e.statusCode());
    assertEquals("InvalidParameterValue", e.awsErrorDetails().errorCode());
    assertEquals(List.of(), server.simulator().metrics().listMetrics("AWS/SQS"));
  }

  @Test
  void cloudWatch_anOperationTheClientDoesNotModel_is400InvalidAction() {
    CloudWatchException e =
        assertThrows(CloudWatchException.class, () -> cloudWatch.listDashboards(b -> {}));
    assertEquals(400, e.statusCode());
    assertEquals("InvalidAction", e.awsErrorDetails().errorCode());
  }

  @Test
  void cloudWatchJson10_putMetricData_isRecorded_andErrorsCarryTheQueryCode() {
    Instant start = server.simulator().now();
    HttpResponse<byte[]> ok =
        Http.post(
            server,
            "GraniteServiceVersion20100801.PutMetricData",
            "application/x-amz-json-1.0",
            "{\"Namespace\":\"Json/App\",\"MetricData\":[{\"MetricName\":\"Orders\","
                + "\"Dimensions\":[{\"Name\":\"Shop\",\"Value\":\"south\"}],\"Value\":2}]}");
    assertEquals(200, ok.statusCode(), Http.text(ok));
    String sum = Http.sumPerMinute(server, "Json/App", "Orders", "Shop", "south", start);
    assertTrue(sum.contains("\"value\":2.0"), sum);

    HttpResponse<byte[]> reserved =
        Http.post(
            server,
            "GraniteServiceVersion20100801.PutMetricData",
            "application/x-amz-json-1.0",
            "{\"Namespace\":\"AWS/SQS\",\"MetricData\":[{\"MetricName\":\"X\",\"Value\":1}]}");
    assertEquals(400, reserved.statusCode());
    assertEquals(
        "InvalidParameterValue;Sender",
        reserved.headers().firstValue("x-amzn-query-error").orElseThrow());
  }

  @Test
  void rpcV2Cbor_unknownService_is400UnknownOperation() {
    HttpResponse<byte[]> r =
        Http.request(
            server,
            "POST",
            "/service/NoSuchService/operation/Frobnicate",
            Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor"),
            new byte[] {(byte) 0xa0});
    assertEquals(400, r.statusCode());
    assertEquals("rpc-v2-cbor", r.headers().firstValue("smithy-protocol").orElseThrow());
  }
}
