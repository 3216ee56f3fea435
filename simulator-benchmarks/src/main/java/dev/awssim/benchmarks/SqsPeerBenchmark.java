package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.wire.WireServer;
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
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One send + receive + delete cycle through the same {@link SqsClient} interface, against awssim's
 * in-process SDK client, awssim's wire server on 127.0.0.1 and ElasticMQ 1.6.14's server on
 * 127.0.0.1 (targets: in-process at least 1,000x ElasticMQ; the wire server at least 5x it, issue
 * 24). HTTP targets are reached through the SDK's Apache HTTP client with keep-alive.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SqsPeerBenchmark {
  @Param({"awssim", "awssim-wire", "elasticmq"})
  String backend;

  private SqsClient sqs;
  private SQSRestServer server;
  private WireServer wire;
  private String url;

  /** A queue on the chosen backend. */
  @Setup
  public void setUp() {
    switch (backend) {
      case "awssim" ->
          sqs =
              SimulatedAws.from(AwsSimulator.builder().seed(42).traceEnabled(false).build())
                  .sqsClient();
      case "awssim-wire" -> {
        wire = Peers.wire(AwsSimulator.builder().seed(42).traceEnabled(false).build());
        sqs = Peers.sqsClient(wire.endpoint());
      }
      case "elasticmq" -> {
        server = Peers.elasticMq();
        sqs = Peers.elasticMqClient(server);
      }
      default -> throw new IllegalArgumentException("unknown backend " + backend);
    }
    url = sqs.createQueue(b -> b.queueName("bench")).queueUrl();
  }

  /** Stops the servers. */
  @TearDown
  public void tearDown() {
    sqs.close();
    if (wire != null) {
      wire.close();
    }
    if (server != null) {
      server.stopAndWait();
    }
  }

  /** SendMessage, ReceiveMessage, DeleteMessage. */
  @Benchmark
  public String sendReceiveDelete() {
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
    Message m = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
    return m.messageId();
  }
}
