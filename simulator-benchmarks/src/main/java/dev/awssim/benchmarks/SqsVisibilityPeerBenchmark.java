package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.elasticmq.rest.sqs.SQSRestServer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The wall time until a received message is receivable again after a 1 s visibility timeout:
 * ElasticMQ has to wait for real (polling every 10 ms); awssim advances its virtual clock.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SqsVisibilityPeerBenchmark {
  @Param({"awssim", "elasticmq"})
  String backend;

  private AwsSimulator sim;
  private SqsClient sqs;
  private SQSRestServer server;
  private String url;

  /** A queue with a 1 s visibility timeout on the chosen backend. */
  @Setup
  public void setUp() {
    if (backend.equals("awssim")) {
      sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
      sqs = SimulatedAws.from(sim).sqsClient();
    } else {
      server = Peers.elasticMq();
      sqs = Peers.elasticMqClient(server);
    }
    url =
        sqs.createQueue(
                b ->
                    b.queueName("visibility")
                        .attributesWithStrings(java.util.Map.of("VisibilityTimeout", "1")))
            .queueUrl();
  }

  /** Stops ElasticMQ. */
  @TearDown
  public void tearDown() {
    if (server != null) {
      server.stopAndWait();
    }
  }

  /** Send, receive, then receive until the message is back; delete it. */
  @Benchmark
  public String visibleAgainAfterOneSecond() throws InterruptedException {
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
    sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
    while (true) {
      if (sim != null) {
        sim.advanceBy(Duration.ofMillis(10));
      } else {
        Thread.sleep(10);
      }
      var again = sqs.receiveMessage(b -> b.queueUrl(url)).messages();
      if (!again.isEmpty()) {
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(again.get(0).receiptHandle()));
        return again.get(0).messageId();
      }
    }
  }
}
