package dev.awssim.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.internal.SimulatorAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP/S confirmation and delivery, and the retry phases per protocol on virtual time. */
class SnsDeliveryTest {
  private static final String URL = "https://example.com/hook";
  private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:f";

  private final AwsSimulator sim = AwsSimulator.withSeed(11);
  private final Sns sns = sim.sns();
  private final List<HttpDelivery> posts = new ArrayList<>();
  private final List<Long> attemptSeconds = new ArrayList<>();

  private String confirmedHttp(String topic, int status) {
    sns.registerHttpEndpoint(
        URL,
        post -> {
          posts.add(post);
          if (post.messageType().equals("Notification")) {
            attemptSeconds.add(sim.clock().elapsed().toMillis() / 1000);
          }
          return post.messageType().equals("SubscriptionConfirmation") ? 200 : status;
        });
    assertEquals("pending confirmation", sns.subscribe(topic, "https", URL));
    String token = (String) ((Map<?, ?>) Json.parse(posts.get(0).body())).get("Token");
    return sns.confirmSubscription(topic, token);
  }

  @Test
  void subscribeHttps_postsConfirmation_pendingUntilConfirmed() {
    String topic = sns.createTopic("t");
    sns.registerHttpEndpoint(
        URL,
        post -> {
          posts.add(post);
          return 200;
        });
    sns.subscribe(topic, "https", URL);
    assertEquals(
        "PendingConfirmation", sns.listSubscriptionsByTopic(topic).get(0).subscriptionArn());
    sns.publish(PublishRequest.builder(topic, "before").build());
    assertEquals(1, posts.size());
    HttpDelivery confirmation = posts.get(0);
    assertEquals("SubscriptionConfirmation", confirmation.messageType());
    Map<?, ?> body = (Map<?, ?>) Json.parse(confirmation.body());
    String token = (String) body.get("Token");
    assertTrue(((String) body.get("SubscribeURL")).contains("Action=ConfirmSubscription"));
    assertEquals(
        "InvalidParameter",
        assertThrows(SnsException.class, () -> sns.confirmSubscription(topic, "nope")).errorCode());
    String arn = sns.confirmSubscription(topic, token);
    assertEquals(arn, sns.confirmSubscription(topic, token));
    sns.publish(PublishRequest.builder(topic, "after").build());
    assertEquals(2, posts.size());
    HttpDelivery n = posts.get(1);
    assertEquals("Notification", n.messageType());
    assertEquals(arn, n.headers().get("x-amz-sns-subscription-arn"));
    assertEquals("after", ((Map<?, ?>) Json.parse(n.body())).get("Message"));
  }

  @Test
  void http_rawDelivery_setsRawHeaderAndBody() {
    String topic = sns.createTopic("t");
    String arn = confirmedHttp(topic, 200);
    sns.setSubscriptionAttributes(arn, "RawMessageDelivery", "true");
    sns.publish(PublishRequest.builder(topic, "plain").build());
    HttpDelivery n = posts.get(posts.size() - 1);
    assertEquals("plain", n.body());
    assertEquals("true", n.headers().get("x-amz-sns-rawdelivery"));
  }

  @Test
  void http_status499_isDeliveredWithoutRetry() {
    String topic = sns.createTopic("t");
    confirmedHttp(topic, 499);
    sns.publish(PublishRequest.builder(topic, "m").build());
    sim.advanceBy(Duration.ofMinutes(5));
    assertEquals(List.of(0L), attemptSeconds);
    assertEquals(1.0, metric("t", "NumberOfNotificationsDelivered"));
  }

  @Test
  void http_defaultPolicy_threeRetries20sApart_thenFailed() {
    String topic = sns.createTopic("t");
    confirmedHttp(topic, 500);
    sns.publish(PublishRequest.builder(topic, "m").build());
    sim.advanceBy(Duration.ofMillis(19_999));
    assertEquals(List.of(0L), attemptSeconds);
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(List.of(0L, 20L), attemptSeconds);
    sim.advanceBy(Duration.ofHours(1));
    assertEquals(List.of(0L, 20L, 40L, 60L), attemptSeconds);
    // HTTP/S: every failed attempt counts.
    assertEquals(4.0, metric("t", "NumberOfNotificationsFailed"));
  }

  @Test
  void http_customPolicy_followsItsPhases() {
    String topic = sns.createTopic("t");
    String arn = confirmedHttp(topic, 503);
    sns.setSubscriptionAttributes(
        arn,
        "DeliveryPolicy",
        "{\"healthyRetryPolicy\":{\"minDelayTarget\":2,\"maxDelayTarget\":10,\"numRetries\":5,"
            + "\"numNoDelayRetries\":1,\"numMinDelayRetries\":1,\"numMaxDelayRetries\":1,"
            + "\"backoffFunction\":\"linear\"}}");
    sns.publish(PublishRequest.builder(topic, "m").build());
    sim.advanceBy(Duration.ofHours(1));
    // 0 first, 0 immediate, +2 pre-backoff, +2 and +10 backoff, +10 post-backoff.
    assertEquals(List.of(0L, 0L, 2L, 4L, 14L, 24L), attemptSeconds);
  }

  @Test
  void http_deliveryPolicyOutOfRange_invalidParameter() {
    String topic = sns.createTopic("t");
    String arn = confirmedHttp(topic, 200);
    assertThrows(
        SnsException.class,
        () ->
            sns.setSubscriptionAttributes(
                arn, "DeliveryPolicy", "{\"healthyRetryPolicy\":{\"numRetries\":101}}"));
    assertThrows(
        SnsException.class,
        () ->
            sns.setSubscriptionAttributes(
                arn,
                "DeliveryPolicy",
                "{\"healthyRetryPolicy\":{\"minDelayTarget\":1,\"maxDelayTarget\":3601}}"));
    // 100 retries at 37 s = 3,700 s > the 3,600 s total limit.
    assertThrows(
        SnsException.class,
        () ->
            sns.setSubscriptionAttributes(
                arn,
                "DeliveryPolicy",
                "{\"healthyRetryPolicy\":{\"minDelayTarget\":37,\"maxDelayTarget\":37,"
                    + "\"numRetries\":100}}"));
    sns.setSubscriptionAttributes(
        arn,
        "DeliveryPolicy",
        "{\"healthyRetryPolicy\":{\"minDelayTarget\":36,\"maxDelayTarget\":36,\"numRetries\":100}}");
  }

  /**
   * sns-message-delivery-retries.html: an HTTP/S throttle policy's maxReceivesPerSecond is at least
   * 1, on a subscription ({@code throttlePolicy}) and a topic ({@code defaultThrottlePolicy}).
   */
  @Test
  void http_throttlePolicyBelowOnePerSecond_invalidParameter() {
    String topic = sns.createTopic("t");
    String arn = confirmedHttp(topic, 200);
    for (String zero :
        List.of(
            "{\"throttlePolicy\":{\"maxReceivesPerSecond\":0}}",
            "{\"throttlePolicy\":{\"maxReceivesPerSecond\":1.5}}")) {
      SnsException e =
          assertThrows(
              SnsException.class, () -> sns.setSubscriptionAttributes(arn, "DeliveryPolicy", zero));
      assertEquals("InvalidParameter", e.errorCode());
    }
    sns.setSubscriptionAttributes(
        arn, "DeliveryPolicy", "{\"throttlePolicy\":{\"maxReceivesPerSecond\":1}}");
    assertThrows(
        SnsException.class,
        () ->
            sns.setTopicAttributes(
                topic,
                "DeliveryPolicy",
                "{\"http\":{\"defaultThrottlePolicy\":{\"maxReceivesPerSecond\":0}}}"));
    sns.setTopicAttributes(
        topic,
        "DeliveryPolicy",
        "{\"http\":{\"defaultThrottlePolicy\":{\"maxReceivesPerSecond\":1}}}");
  }

  @Test
  void lambda_serverErrors_followManagedPhases_100016AttemptsOver23Days() {
    String topic = sns.createTopic("t");
    List<Long> nanos = new ArrayList<>();
    sns.registerFunction(
        FN,
        e -> {
          nanos.add(sim.clock().nanos());
          return DeliveryStatus.SERVER_ERROR;
        });
    sns.subscribe(topic, "lambda", FN);
    sns.publish(PublishRequest.builder(topic, "m").build());
    // The first attempt and 3 immediate retries.
    assertEquals(4, nanos.size());
    sim.advanceBy(Duration.ofMillis(999));
    assertEquals(4, nanos.size());
    sim.advanceBy(Duration.ofMillis(1));
    assertEquals(5, nanos.size());
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(6, nanos.size());
    sim.advanceBy(Duration.ofDays(30));
    // 1 first attempt + 3 + 2 + 10 + 100,000 retries.
    assertEquals(100_016, nanos.size());
    // The backoff phase ends at the 20 s maximum and the post-backoff phase keeps 20 s.
    long s = 1_000_000_000L;
    assertEquals(20 * s, nanos.get(15) - nanos.get(14));
    assertEquals(20 * s, nanos.get(16) - nanos.get(15));
    assertEquals(20 * s, nanos.get(100_015) - nanos.get(100_014));
    // The backoff starts at the 1 s minimum.
    assertEquals(1 * s, nanos.get(6) - nanos.get(5));
    double days = (nanos.get(100_015) - nanos.get(0)) / (86_400.0 * s);
    assertTrue(days > 23 && days < 24, "took " + days + " days");
    assertEquals(1.0, metric("t", "NumberOfNotificationsFailed"));
  }

  @Test
  void lambda_clientError_notRetried() {
    String topic = sns.createTopic("t");
    sns.subscribe(topic, "lambda", FN);
    sns.publish(PublishRequest.builder(topic, "m").build());
    assertEquals(0, SimulatorAccess.scheduler(sim).pendingCount());
    assertEquals(1.0, metric("t", "NumberOfNotificationsFailed"));
  }

  @Test
  void unsubscribe_duringRetries_stopsThem() {
    String topic = sns.createTopic("t");
    String arn = confirmedHttp(topic, 500);
    sns.publish(PublishRequest.builder(topic, "m").build());
    sns.unsubscribe(arn);
    sim.advanceBy(Duration.ofMinutes(5));
    assertEquals(List.of(0L), attemptSeconds);
  }

  private double metric(String topic, String name) {
    return sim.metrics()
        .total(new MetricKey(Sns.NAMESPACE, name, Dimensions.of("TopicName", topic)));
  }
}
