package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.sns.MessageAttributeValue;
import dev.awssim.sns.PublishRequest;
import dev.awssim.sns.PublishResult;
import dev.awssim.sns.Sns;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SNS fan-out through the core API, single thread, trace off: one Publish to a standard topic with
 * 10 SQS subscriptions, each with an attribute filter policy; every message matches exactly one
 * subscription, so the other nine evaluate and reject it (issue 22's target: at least 500,000
 * publishes/s).
 *
 * <p>Nothing reads the queues. With {@code drain=false} they grow for the whole run, so the score
 * also pays for a growing heap (the queues' maps resizing, the collector copying live messages): a
 * system whose consumers never keep up. With {@code drain=true} every 1,000th publish also advances
 * virtual time by 61 s and purges the ten queues (SQS allows one PurgeQueue per queue per 60 s), so
 * each queue holds at most 100 messages, as when consumers keep up; the cost of the advance and the
 * ten purges is in the score, spread over the 1,000 publishes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnsFanOutBenchmark {
  private static final int SUBSCRIPTIONS = 10;
  private static final int DRAIN_EVERY = 1_000;

  /** Whether the queues are purged every 1,000 publishes. */
  @Param({"false", "true"})
  public boolean drain;

  private AwsSimulator sim;
  private Sns sns;
  private Sqs sqs;
  private String[] queueUrls;
  private PublishRequest[] requests;
  private int next;
  private int sinceDrain;

  /** A topic with 10 filtered SQS subscriptions, and 10 requests, one matching each. */
  @Setup
  public void setUp() {
    sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    sns = sim.sns();
    sqs = sim.sqs();
    String topic = sns.createTopic("bench");
    requests = new PublishRequest[SUBSCRIPTIONS];
    queueUrls = new String[SUBSCRIPTIONS];
    for (int i = 0; i < SUBSCRIPTIONS; i++) {
      String url = sqs.createQueue("q" + i);
      queueUrls[i] = url;
      String arn = sqs.getQueueAttributes(url).get("QueueArn");
      sns.subscribe(
          topic,
          "sqs",
          arn,
          Map.of(
              "RawMessageDelivery",
              "true",
              "FilterPolicy",
              "{\"store\":[\"s" + i + "\"],\"price\":[{\"numeric\":[\">\",0]}]}"));
      requests[i] =
          PublishRequest.builder(topic, "order " + i)
              .messageAttributes(
                  Map.of(
                      "store", MessageAttributeValue.ofString("s" + i),
                      "price", MessageAttributeValue.ofNumber("12.5")))
              .build();
    }
  }

  /** Publishes one message (delivered to one of the ten queues). */
  @Benchmark
  public PublishResult publish() {
    PublishRequest r = requests[next];
    next = next == SUBSCRIPTIONS - 1 ? 0 : next + 1;
    if (drain && ++sinceDrain == DRAIN_EVERY) {
      sinceDrain = 0;
      sim.advanceBy(Duration.ofSeconds(61));
      for (String url : queueUrls) {
        sqs.purgeQueue(url);
      }
    }
    return sns.publish(r);
  }
}
