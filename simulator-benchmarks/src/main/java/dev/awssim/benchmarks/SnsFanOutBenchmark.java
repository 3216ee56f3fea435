package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.sns.MessageAttributeValue;
import dev.awssim.sns.PublishRequest;
import dev.awssim.sns.PublishResult;
import dev.awssim.sns.Sns;
import dev.awssim.sqs.Sqs;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SNS fan-out through the core API, single thread, trace off: one Publish to a standard topic with
 * 10 SQS subscriptions, each with an attribute filter policy; every message matches exactly one
 * subscription, so the other nine evaluate and reject it (issue 22's target: at least 500,000
 * publishes/s).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnsFanOutBenchmark {
  private static final int SUBSCRIPTIONS = 10;

  private Sns sns;
  private PublishRequest[] requests;
  private int next;

  /** A topic with 10 filtered SQS subscriptions, and 10 requests, one matching each. */
  @Setup
  public void setUp() {
    AwsSimulator sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    sns = sim.sns();
    Sqs sqs = sim.sqs();
    String topic = sns.createTopic("bench");
    requests = new PublishRequest[SUBSCRIPTIONS];
    for (int i = 0; i < SUBSCRIPTIONS; i++) {
      String url = sqs.createQueue("q" + i);
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
    return sns.publish(r);
  }
}
