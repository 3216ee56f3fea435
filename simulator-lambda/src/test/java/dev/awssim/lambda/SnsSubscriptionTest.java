package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.sns.MessageAttributeValue;
import dev.awssim.sns.PublishRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A function subscribed to an SNS topic (protocol {@code lambda}) gets an {@link SNSEvent} through
 * an asynchronous invocation: https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
 */
class SnsSubscriptionTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(2);
  private final Lambda lambda = Lambda.create(sim);
  private final List<SNSEvent.SNSRecord> seen = new ArrayList<>();
  private final List<Duration> attempts = new ArrayList<>();

  private String function(boolean fail) {
    RequestHandler<SNSEvent, Object> handler =
        (event, context) -> {
          seen.addAll(event.getRecords());
          attempts.add(Duration.between(sim.clock().start(), sim.now()));
          if (fail) {
            throw new IllegalStateException("boom");
          }
          return null;
        };
    return lambda.createFunction(FunctionConfig.of("notify", handler));
  }

  @Test
  void publish_invokesTheSubscribedFunction_withTheSnsEventAwsDelivers() {
    String arn = function(false);
    String topic = sim.sns().createTopic("orders");
    String subscription = sim.sns().subscribe(topic, "lambda", arn);

    var published =
        sim.sns()
            .publish(
                PublishRequest.builder(topic, "hello")
                    .subject("greeting")
                    .messageAttributes(Map.of("store", MessageAttributeValue.ofString("corp")))
                    .build());
    sim.advanceBy(Duration.ZERO);

    assertEquals(1, seen.size());
    SNSEvent.SNSRecord r = seen.get(0);
    assertEquals("aws:sns", r.getEventSource());
    assertEquals("1.0", r.getEventVersion());
    assertEquals(subscription, r.getEventSubscriptionArn());
    assertEquals("Notification", r.getSNS().getType());
    assertEquals(published.messageId(), r.getSNS().getMessageId());
    assertEquals(topic, r.getSNS().getTopicArn());
    assertEquals("greeting", r.getSNS().getSubject());
    assertEquals("hello", r.getSNS().getMessage());
    assertEquals("corp", r.getSNS().getMessageAttributes().get("store").getValue());
    assertEquals("String", r.getSNS().getMessageAttributes().get("store").getType());
    assertTrue(r.getSNS().getTimestamp() != null);
  }

  @Test
  void publish_functionFails_lambdasAsyncRetriesApply_60sThen120sLater() {
    String arn = function(true);
    String topic = sim.sns().createTopic("orders");
    sim.sns().subscribe(topic, "lambda", arn);

    sim.sns().publish(PublishRequest.builder(topic, "hello").build());
    sim.advanceBy(Duration.ofMinutes(10));

    assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(180)), attempts);
  }

  @Test
  void publish_afterTheFunctionIsDeleted_invokesNothing() {
    String arn = function(false);
    String topic = sim.sns().createTopic("orders");
    sim.sns().subscribe(topic, "lambda", arn);
    lambda.deleteFunction("notify");

    sim.sns().publish(PublishRequest.builder(topic, "hello").build());
    sim.advanceBy(Duration.ofMinutes(1));

    assertTrue(seen.isEmpty());
  }
}
