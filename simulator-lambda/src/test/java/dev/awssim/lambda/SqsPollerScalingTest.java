package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SQS poller scaling under a steady load
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html): pollers are added "if
 * messages are still available", so a load that a few pollers keep up with keeps a few pollers.
 */
class SqsPollerScalingTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(17);
  private final Sqs sqs = sim.sqs();
  private final Lambda lambda = Lambda.create(sim);
  private int processed;

  private String mapping(Duration duration) {
    return mapping(duration, LambdaLimits.DEFAULT_TIMEOUT);
  }

  private String mapping(Duration duration, Duration timeout) {
    RequestHandler<SQSEvent, Object> handler =
        (event, context) -> {
          processed += event.getRecords().size();
          return null;
        };
    lambda.createFunction(
        FunctionConfig.of("worker", handler)
            .withTimeout(timeout)
            .withDuration(DurationModel.fixed(duration)));
    String url = sqs.createQueue("steady", Map.of());
    String arn = sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
    lambda.createEventSourceMapping(EventSourceMappingConfig.of("worker", arn));
    return url;
  }

  /** 1,000 messages per second: 10 every 10 ms. */
  private void steadyLoad(String url) {
    SimulatorAccess.context(sim)
        .scheduler()
        .every(
            Duration.ofMillis(10),
            () -> {
              for (int i = 0; i < 10; i++) {
                sqs.sendMessage(url, "m");
              }
            });
  }

  @Test
  void steadyLoadWithinCapacity_pollersStayBounded_noBacklog() {
    // A batch of 10 takes 100 ms, so one poller handles 100 messages/s and 10 handle the load.
    String url = mapping(Duration.ofMillis(100));
    steadyLoad(url);
    sim.advanceBy(Duration.ofMinutes(10));

    int environments = lambda.environments("worker");
    assertTrue(environments >= 10, "too few to keep up: " + environments);
    assertTrue(environments <= 20, "pollers climbed towards 1,000: " + environments);
    int backlog =
        Integer.parseInt(
            sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessages"))
                .get("ApproximateNumberOfMessages"));
    assertTrue(backlog < 1_000, "backlog " + backlog);
    assertTrue(processed >= 599_000, "processed " + processed);
  }

  @Test
  void backlog_pollersStillAdd300PerMinute() {
    // Batches of 10 taking 10 s, 20,000 messages waiting: every receive comes back full.
    String url = mapping(Duration.ofSeconds(10), Duration.ofSeconds(15));
    for (int i = 0; i < 20_000; i++) {
      sqs.sendMessage(url, "m");
    }
    sim.advanceBy(Duration.ofSeconds(60));
    assertEquals(5 + 300, lambda.concurrentExecutions("worker"));
  }
}
