package dev.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.sns.PublishRequest;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.SqsException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regions of one simulation: services per Region (queues, streams, topics, metrics) on one clock,
 * the default Region unchanged by the use of another.
 */
class RegionsTest {
  private static final String EU = "eu-west-1";

  @Test
  void sameQueueName_inTwoRegions_isTwoQueues_whoseUrlsAndArnsCarryTheirRegion() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    String us = sim.sqs().createQueue("orders");
    String eu = sim.region(EU).sqs().createQueue("orders");

    assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/orders", us);
    assertEquals("https://sqs.eu-west-1.amazonaws.com/000000000000/orders", eu);
    assertEquals(
        "arn:aws:sqs:eu-west-1:000000000000:orders",
        sim.region(EU).sqs().getQueueAttributes(eu, List.of("QueueArn")).get("QueueArn"));

    sim.region(EU).sqs().sendMessage(eu, "for Europe");
    assertEquals(List.of(), sim.sqs().receiveMessage(us).messages());
    List<Message> received = sim.region(EU).sqs().receiveMessage(eu).messages();
    assertEquals("for Europe", received.get(0).body());
  }

  @Test
  void queueUrlOfAnotherRegion_isQueueDoesNotExist_asAtAnotherRegionsEndpoint() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    String eu = sim.region(EU).sqs().createQueue("orders");
    sim.sqs().createQueue("orders");

    SqsException e = assertThrows(SqsException.class, () -> sim.sqs().sendMessage(eu, "x"));
    assertEquals("AWS.SimpleQueueService.NonExistentQueue", e.queryErrorCode());
    assertEquals(0, sim.region(EU).sqs().receiveMessage(eu).messages().size());
  }

  @Test
  void defaultRegion_isTheFacadesServices_andRegionsListInFirstUseOrder() {
    AwsSimulator sim = AwsSimulator.withSeed(1);

    assertSame(sim.sqs(), sim.region("us-east-1").sqs());
    assertSame(sim.sns(), sim.region("us-east-1").sns());
    assertSame(sim.region(EU), sim.region(EU));
    sim.region("ap-southeast-2");
    assertEquals(
        List.of("us-east-1", EU, "ap-southeast-2"),
        sim.regions().stream().map(SimulatedRegion::name).toList());
    assertEquals("000000000000", sim.region(EU).account().accountId());
    assertSame(sim, sim.region(EU).simulator());
  }

  @Test
  void region_notShapedLikeARegionCode_isRefused_andNothingIsCreated() {
    AwsSimulator sim = AwsSimulator.withSeed(1);

    assertThrows(IllegalArgumentException.class, () -> sim.region("Mars"));
    assertThrows(NullPointerException.class, () -> sim.region(null));
    assertEquals(1, sim.regions().size());
  }

  @Test
  void streamsTablesAndTopics_arePerRegion_andTheirArnsCarryTheRegion() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    SimulatedRegion eu = sim.region(EU);
    eu.kinesis().createStream("clicks", 1);
    sim.kinesis().createStream("clicks", 2);

    assertEquals(
        "arn:aws:kinesis:eu-west-1:000000000000:stream/clicks",
        eu.kinesis().describeStream("clicks").streamArn());
    assertEquals(1, eu.kinesis().describeStream("clicks").shards().size());
    assertEquals(2, sim.kinesis().describeStream("clicks").shards().size());
    assertEquals("arn:aws:sns:eu-west-1:000000000000:news", eu.sns().createTopic("news"));
    assertEquals(List.of(), sim.sns().listTopics());
  }

  @Test
  void metrics_arePerRegion_asCloudWatchIs() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    String eu = sim.region(EU).sqs().createQueue("orders");
    String us = sim.sqs().createQueue("orders");
    sim.region(EU).sqs().sendMessage(eu, "a");
    sim.region(EU).sqs().sendMessage(eu, "b");
    sim.sqs().sendMessage(us, "c");
    MetricKey sent =
        new MetricKey("AWS/SQS", "NumberOfMessagesSent", Dimensions.of("QueueName", "orders"));

    assertEquals(2.0, sim.region(EU).metrics().total(sent));
    assertEquals(1.0, sim.metrics().total(sent));
  }

  @Test
  void trace_isOneTimeline_andAnotherRegionsEventsCarryTheirRegion() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    sim.sqs().sendMessage(sim.sqs().createQueue("orders"), "us");
    sim.region(EU).sqs().sendMessage(sim.region(EU).sqs().createQueue("orders"), "eu");

    List<TraceEvent> events = sim.trace().events();
    assertNull(events.get(0).attribute("region"));
    TraceEvent created =
        events.stream()
            .filter(e -> e.type() == SimulationEventType.REGION_CREATED)
            .findFirst()
            .orElseThrow();
    assertEquals(EU, created.resource());
    assertEquals(EU, created.attribute("region"));
    assertEquals(EU, events.get(events.size() - 1).attribute("region"));
    assertEquals(events.size(), sim.trace().recordedCount());
  }

  @Test
  void usingAnotherRegion_leavesTheDefaultRegionsIdsAndItsEventsAsTheyWere() {
    AwsSimulator alone = AwsSimulator.withSeed(7);
    AwsSimulator both = AwsSimulator.withSeed(7);
    both.region(EU).sqs().createQueue("orders");

    String idAlone = alone.sqs().sendMessage(alone.sqs().createQueue("orders"), "m").messageId();
    String url = both.sqs().createQueue("orders");
    both.region(EU).sqs().sendMessage(both.region(EU).sqs().getQueueUrl("orders"), "m");
    String idBoth = both.sqs().sendMessage(url, "m").messageId();

    assertEquals(idAlone, idBoth);
    String euId =
        both.region(EU)
            .sqs()
            .receiveMessage(both.region(EU).sqs().getQueueUrl("orders"))
            .messages()
            .get(0)
            .messageId();
    assertNotEquals(idAlone, euId);
    List<String> usEvents =
        both.trace().events().stream()
            .filter(e -> e.attribute("region") == null)
            .map(TraceEvent::toJson)
            .toList();
    assertEquals(alone.trace().events().stream().map(TraceEvent::toJson).toList(), usEvents);
  }

  @Test
  void sns_deliversToAQueueOfAnotherRegion_asSnsDeliversAcrossRegions() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    String eu = sim.region(EU).sqs().createQueue("inbox");
    String topic = sim.sns().createTopic("news");
    sim.sns().subscribe(topic, "sqs", "arn:aws:sqs:eu-west-1:000000000000:inbox");

    sim.sns().publish(PublishRequest.builder(topic, "hello").build());

    assertEquals(1, sim.region(EU).sqs().receiveMessage(eu).messages().size());
    assertEquals(1, sim.regions().size() - 1);
  }

  @Test
  void sns_toAQueueOfARegionNeverUsed_failsTheDelivery_andCreatesNoRegion() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    String topic = sim.sns().createTopic("news");
    sim.sns().subscribe(topic, "sqs", "arn:aws:sqs:eu-west-1:000000000000:inbox");

    sim.sns().publish(PublishRequest.builder(topic, "hello").build());

    assertEquals(1, sim.regions().size());
  }

  @Test
  void builderRegion_withLimitsLeftUnset_reachesQueueUrlsAndStreamArns() {
    AwsSimulator sim = AwsSimulator.builder().accountId("123456789012").region("eu-west-2").build();

    assertEquals("https://sqs.eu-west-2.amazonaws.com/123456789012/q", sim.sqs().createQueue("q"));
    sim.kinesis().createStream("s", 1);
    assertEquals(
        "arn:aws:kinesis:eu-west-2:123456789012:stream/s",
        sim.kinesis().describeStream("s").streamArn());
    assertEquals("eu-west-2", SimulatorAccess.context(sim.region("eu-west-2")).account().region());
  }
}
