package dev.awssim.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The topic quotas and the managed retry phases, as SnsLimits sets them. */
class SnsLimitsTest {
  private static final Map<String, String> FIFO = Map.of("FifoTopic", "true");

  private static AwsSimulator simulator(SnsLimits limits) {
    return AwsSimulator.builder().seed(3).traceEnabled(false).snsLimits(limits).build();
  }

  private static void assertTopicLimitExceeded(Sns sns, String name, Map<String, String> attrs) {
    SnsException e = assertThrows(SnsException.class, () -> sns.createTopic(name, attrs));
    assertEquals("TopicLimitExceeded", e.errorCode());
    assertEquals(403, e.statusCode());
  }

  @Test
  void createTopic_100000thStandardAccepted_100001stTopicLimitExceeded() {
    Sns sns = simulator(SnsLimits.defaults()).sns();
    for (int i = 0; i < 100_000; i++) {
      sns.createTopic("t" + i);
    }
    assertTopicLimitExceeded(sns, "one-more", Map.of());
    assertEquals(100_000, sns.listTopics().size());
    // FIFO topics have their own quota; an existing name is no new topic.
    sns.createTopic("f.fifo", FIFO);
    assertEquals(sns.listTopics().get(0), sns.createTopic("t0"));
  }

  @Test
  void createTopic_1000thFifoAccepted_1001stRefused_untilOneIsDeleted() {
    Sns sns = simulator(SnsLimits.defaults()).sns();
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      arns.add(sns.createTopic("f" + i + ".fifo", FIFO));
    }
    assertTopicLimitExceeded(sns, "more.fifo", FIFO);
    assertEquals(1_000, sns.listTopics().size());
    sns.createTopic("standard");
    sns.deleteTopic(arns.get(0));
    sns.createTopic("more.fifo", FIFO);
    assertTopicLimitExceeded(sns, "again.fifo", FIFO);
  }

  @Test
  void withMaxTopics_setThroughTheBuilder() {
    Sns sns = simulator(SnsLimits.defaults().withMaxTopics(2, 1)).sns();
    sns.createTopic("a");
    sns.createTopic("b");
    assertTopicLimitExceeded(sns, "c", Map.of());
    sns.createTopic("a.fifo", FIFO);
    assertTopicLimitExceeded(sns, "b.fifo", FIFO);
    assertEquals(2, sns.limits().maxStandardTopics());
  }

  @Test
  void defaults_areAwsNumbers() {
    SnsLimits d = SnsLimits.defaults();
    assertEquals(100_000, d.maxStandardTopics());
    assertEquals(1_000, d.maxFifoTopics());
    assertEquals(3, d.managedNoDelayRetries());
    assertEquals(2, d.managedMinDelayRetries());
    assertEquals(10, d.managedBackoffRetries());
    assertEquals(100_000, d.managedMaxDelayRetries());
    assertEquals(1, d.managedMinDelaySeconds());
    assertEquals(20, d.managedMaxDelaySeconds());
    assertEquals(3, d.httpDefaultNumRetries());
    assertEquals(20, d.httpDefaultDelaySeconds());
    assertEquals(100, d.httpMaxNumRetries());
    assertEquals(3_600, d.httpMaxDelaySeconds());
    assertEquals(3_600, d.httpMaxTotalRetrySeconds());
  }

  /** [SIM] Other managed phases: 1 immediate retry, 1 after 2 s, 1 after 5 s, then discarded. */
  @Test
  void managedRetryPhases_comeFromTheLimits() {
    SnsLimits d = SnsLimits.defaults();
    SnsLimits limits =
        new SnsLimits(
            d.maxMessageBytes(),
            d.maxBatchEntries(),
            d.maxFilterPolicyKeys(),
            d.maxFilterPolicyCombinations(),
            d.maxFilterPolicyBytes(),
            d.maxFilterPoliciesPerTopic(),
            d.fifoDeduplicationInterval(),
            d.maxStandardTopics(),
            d.maxFifoTopics(),
            1,
            1,
            0,
            1,
            2,
            5,
            d.httpDefaultNumRetries(),
            d.httpDefaultDelaySeconds(),
            d.httpMaxNumRetries(),
            d.httpMaxDelaySeconds(),
            d.httpMaxTotalRetrySeconds(),
            d.maxFilterPoliciesPerAccount());
    AwsSimulator sim = simulator(limits);
    Sns sns = sim.sns();
    String fn = "arn:aws:lambda:us-east-1:000000000000:function:f";
    List<Long> seconds = new ArrayList<>();
    sns.registerFunction(
        fn,
        e -> {
          seconds.add(sim.clock().elapsed().toSeconds());
          return DeliveryStatus.SERVER_ERROR;
        });
    String topic = sns.createTopic("t");
    sns.subscribe(topic, "lambda", fn);
    sns.publish(PublishRequest.builder(topic, "m").build());
    sim.advanceBy(Duration.ofHours(1));
    assertEquals(List.of(0L, 0L, 2L, 7L), seconds);
  }

  @Test
  void constructor_refusesNonsense() {
    SnsLimits d = SnsLimits.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.withMaxTopics(0, 1));
    assertThrows(IllegalArgumentException.class, () -> d.withMaxTopics(1, -1));
  }
}
