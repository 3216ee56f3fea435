package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
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
 * SDK client and ElasticMQ 1.6.14 on 127.0.0.1 (target: awssim at least 1,000x ElasticMQ).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SqsPeerBenchmark {
  @Param({"awssim", "elasticmq"})
  String backend;

  private SqsClient sqs;
  private SQSRestServer server;
  private String url;

  /** A queue on the chosen backend. */
  @Setup
  public void setUp() {
    if (backend.equals("awssim")) {
      sqs =
          SimulatedAws.from(AwsSimulator.builder().seed(42).traceEnabled(false).build())
              .sqsClient();
    } else {
      server = Peers.elasticMq();
      sqs = Peers.elasticMqClient(server);
    }
    url = sqs.createQueue(b -> b.queueName("bench")).queueUrl();
  }

  /** Stops ElasticMQ. */
  @TearDown
  public void tearDown() {
    sqs.close();
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
