package dev.awssim.examples;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.lambda.DurationModel;
import dev.awssim.lambda.EventSourceMappingConfig;
import dev.awssim.lambda.FunctionConfig;
import dev.awssim.lambda.Lambda;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import dev.awssim.sqs.SqsEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQS to Lambda: a queue fed faster than a function with reserved concurrency can drain it. The
 * backlog grows, batches the function has no room for bounce back to the queue (their receive
 * counted), and a visibility timeout shorter than the function's timeout makes the same message be
 * processed again and again until the queue's redrive policy moves it to the dead-letter queue.
 */
final class SqsLambdaDemo implements Demo {
  /** The function's timeout in the first part; the queue's visibility timeout is 6 times it. */
  private static final Duration WORKER_TIMEOUT = Duration.ofSeconds(10);

  /** AWS recommends a visibility timeout of at least six times the function's timeout. */
  private static final int RECOMMENDED_VISIBILITY_FACTOR = 6;

  /** The second part's function: a 60 s timeout, each invocation running 45 s. */
  private static final Duration CHARGE_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration CHARGE_DURATION = Duration.ofSeconds(45);

  /** How long the second part runs. */
  private static final int SECOND_PART_SECONDS = 180;

  /** When the second part sends its message. */
  private static final int SEND_AT_SECONDS = 30;

  private static final long TICK_MS = 10;

  @Override
  public String name() {
    return "sqs-lambda";
  }

  @Override
  public String title() {
    return "SQS -> Lambda with reserved concurrency: backlog, visibility timeout and the DLQ";
  }

  @Override
  public String rule(DemoOptions options) {
    int reserved = options.integer("reserved-concurrency");
    int batch = options.integer("batch-size");
    int functionMs = options.integer("function-ms");
    return "An SQS event source mapping starts with 5 pollers and adds up to 300 a minute while"
        + " messages wait; each poller holds one batch of up to BatchSize messages (here "
        + batch
        + ") and invokes the function synchronously"
        + " (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html). Reserved"
        + " concurrency (here "
        + reserved
        + ") caps the function's concurrent executions, so it drains at most "
        + Numbers.number(reserved * batch * 1_000.0 / functionMs)
        + " messages/s ("
        + reserved
        + " x "
        + batch
        + " messages per "
        + Numbers.number(functionMs / 1_000.0)
        + " s) while "
        + Numbers.count(options.integer("rate"))
        + " arrive each second. A batch the function has no room for is throttled: its messages"
        + " stay hidden for the queue's visibility timeout (here "
        + WORKER_TIMEOUT.multipliedBy(RECOMMENDED_VISIBILITY_FACTOR).toSeconds()
        + " s, 6 x the function's timeout as AWS recommends) and their receive counts, so with"
        + " maxReceiveCount "
        + options.integer("max-receive-count")
        + " (AWS advises at least 5, for this reason) messages reach the dead-letter queue without"
        + " ever being processed"
        + " (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html). Second part: the queue"
        + " 'payments' had a 60 s visibility timeout, equal to its function's 60 s timeout (AWS"
        + " refuses CreateEventSourceMapping when it is shorter), and was then lowered to "
        + options.integer("short-visibility")
        + " s with SetQueueAttributes. Each invocation runs 45 s and succeeds, but the message is"
        + " visible again before it ends, another poller receives it, and the first invocation's"
        + " delete uses a stale receipt handle, which deletes nothing"
        + " (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html)."
        + " The receive after maxReceiveCount "
        + options.integer("payments-max-receive-count")
        + " moves it to the dead-letter queue.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.between("rate", "100", 1, 10_000, "messages per second sent to the queue"),
        DemoOption.checkedByAws(
            "reserved-concurrency",
            "5",
            "the function's reserved concurrency (AWS: 0 up to the account's 1,000 less 100)"),
        DemoOption.between(
            "function-ms",
            "1000",
            1,
            WORKER_TIMEOUT.toMillis() - 1,
            "how long the function takes per batch, in ms (its timeout is 10 s)"),
        DemoOption.checkedByAws(
            "batch-size", "10", "the mapping's BatchSize (AWS: 1-10 without a batching window)"),
        DemoOption.checkedByAws(
            "max-receive-count",
            "2",
            "the queue's RedrivePolicy maxReceiveCount (AWS: 1-1000; AWS advises at least 5)"),
        DemoOption.between("duration", "240", 10, 3_600, "simulated seconds of the first part"),
        DemoOption.checkedByAws(
            "short-visibility",
            "30",
            "second part: the VisibilityTimeout the queue is lowered to, in seconds (AWS: 0-43200)"),
        DemoOption.checkedByAws(
            "payments-max-receive-count",
            "3",
            "second part: the queue's maxReceiveCount (AWS: 1-1000)"));
  }

  @Override
  public List<String> tourArguments() {
    return List.of("--duration", "150");
  }

  @Override
  public DemoResult run(DemoOptions options) {
    DemoResult result = new DemoResult(this, options).timeline("t", "event", "detail");
    backlog(options, result);
    visibility(options, result);
    return result;
  }

  /** The first part: a backlog growing behind reserved concurrency. */
  private void backlog(DemoOptions options, DemoResult result) {
    int rate = options.integer("rate");
    int reserved = options.integer("reserved-concurrency");
    int batch = options.integer("batch-size");
    int functionMs = options.integer("function-ms");
    int maxReceives = options.integer("max-receive-count");
    int duration = options.integer("duration");
    AwsSimulator sim = AwsSimulator.builder().seed(options.seed()).traceEnabled(false).build();
    Sqs sqs = sim.sqs();
    Lambda lambda = Lambda.create(sim);
    String dlq = sqs.createQueue("orders-dlq");
    long visibility = WORKER_TIMEOUT.multipliedBy(RECOMMENDED_VISIBILITY_FACTOR).toSeconds();
    String queue =
        sqs.createQueue(
            "orders",
            Map.of(
                "VisibilityTimeout",
                Long.toString(visibility),
                "RedrivePolicy",
                redrivePolicy(arn(sqs, dlq), maxReceives)));
    Set<String> processed = new HashSet<>();
    RequestHandler<SQSEvent, Void> worker =
        (event, context) -> {
          for (SQSEvent.SQSMessage m : event.getRecords()) {
            processed.add(m.getBody());
          }
          return null;
        };
    lambda.createFunction(
        FunctionConfig.of("worker", worker)
            .withTimeout(WORKER_TIMEOUT)
            .withDuration(DurationModel.fixed(Duration.ofMillis(functionMs))));
    lambda.putFunctionConcurrency("worker", reserved);
    lambda.createEventSourceMapping(
        EventSourceMappingConfig.of("worker", arn(sqs, queue)).withBatchSize(batch));

    long[] sent = {0};
    long[] ticks = {0};
    sim.every(
        Duration.ofMillis(TICK_MS),
        () -> {
          long due = rate * (ticks[0] + 1) * TICK_MS / 1_000 - rate * ticks[0] * TICK_MS / 1_000;
          ticks[0]++;
          for (int i = 0; i < due; i++) {
            sqs.sendMessage(queue, "order-" + sent[0]++);
          }
        });
    Series visible = new Series("orders: visible (ApproximateNumberOfMessagesVisible)");
    Series hidden = new Series("orders: in flight (ApproximateNumberOfMessagesNotVisible)");
    Series dead = new Series("orders-dlq: messages");
    Series concurrent = new Series("worker: concurrent executions");
    int[] peak = {0};
    double[] firstDlq = {-1};
    visible.add(0, 0);
    hidden.add(0, 0);
    dead.add(0, 0);
    concurrent.add(0, lambda.concurrentExecutions("worker"));
    sim.every(
        Duration.ofSeconds(1),
        () -> {
          double t = SqsVisibilityDemo.seconds(sim);
          Map<String, String> attributes = sqs.getQueueAttributes(queue);
          int dlqDepth = depth(sqs, dlq);
          int running = lambda.concurrentExecutions("worker");
          peak[0] = Math.max(peak[0], running);
          visible.add(t, Integer.parseInt(attributes.get("ApproximateNumberOfMessages")));
          hidden.add(t, Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible")));
          dead.add(t, dlqDepth);
          concurrent.add(t, running);
          if (dlqDepth > 0 && firstDlq[0] < 0) {
            firstDlq[0] = t;
            result.row(
                SqsVisibilityDemo.format(t),
                "first message in orders-dlq",
                "bounced by throttles " + maxReceives + " times, never processed");
          }
        });
    options.reportProgress(sim, Duration.ofSeconds(duration));
    sim.advanceBy(Duration.ofSeconds(duration));

    Dimensions function = Dimensions.of("FunctionName", "worker");
    double throttles = Metrics.total(sim, Lambda.NAMESPACE, "Throttles", function);
    Map<String, String> end = sqs.getQueueAttributes(queue);
    result
        .keyNumber("orders: messages sent", Numbers.count(sent[0]), rate + " messages/s")
        .keyNumber(
            "orders: processed by the function",
            Numbers.count(processed.size()),
            "at most reserved concurrency x BatchSize per invocation")
        .keyNumber(
            "worker: peak concurrent executions",
            Integer.toString(peak[0]),
            "ReservedConcurrentExecutions = " + reserved)
        .keyNumber(
            "worker: throttled batches (Throttles)",
            Numbers.number(throttles),
            "pollers beyond the reserved concurrency")
        .keyNumber(
            "orders: visible at the end",
            Numbers.count(Long.parseLong(end.get("ApproximateNumberOfMessages"))),
            "the backlog")
        .keyNumber(
            "orders-dlq: messages",
            Numbers.count(depth(sqs, dlq)),
            "throttled receives count toward maxReceiveCount = " + maxReceives)
        .keyNumber(
            "orders-dlq: of them ever processed",
            Numbers.count(processedAmong(sqs, dlq, processed)),
            "a throttled batch never reaches the function")
        .chart(
            DemoResult.Chart.of(
                "orders: the backlog behind reserved concurrency " + reserved,
                "messages",
                duration,
                Series.all(visible, hidden, dead)))
        .chart(
            DemoResult.Chart.of(
                    "worker: concurrent executions and throttled batches per second",
                    "executions, batches/s",
                    duration,
                    List.of(
                        concurrent.toResult(),
                        Metrics.perSecond(
                                sim,
                                "worker: throttled batches (Throttles)",
                                Lambda.NAMESPACE,
                                "Throttles",
                                function)
                            .toResult()))
                .limit("reserved concurrency", reserved));
  }

  /** The second part: a visibility timeout shorter than the function's timeout. */
  private void visibility(DemoOptions options, DemoResult result) {
    int shortVisibility = options.integer("short-visibility");
    int maxReceives = options.integer("payments-max-receive-count");
    AwsSimulator sim = AwsSimulator.withSeed(options.seed());
    Sqs sqs = sim.sqs();
    Lambda lambda = Lambda.create(sim);
    String dlq = sqs.createQueue("payments-dlq");
    String queue =
        sqs.createQueue(
            "payments",
            Map.of(
                "VisibilityTimeout",
                Long.toString(CHARGE_TIMEOUT.toSeconds()),
                "RedrivePolicy",
                redrivePolicy(arn(sqs, dlq), maxReceives)));
    Series receives = new Series("payment-1: receives (ApproximateReceiveCount)");
    Series running = new Series("charge: invocations running");
    Series dead = new Series("payments-dlq: messages");
    List<Double> starts = new ArrayList<>();
    RequestHandler<SQSEvent, Void> charge =
        (event, context) -> {
          double t = SqsVisibilityDemo.seconds(sim);
          for (SQSEvent.SQSMessage m : event.getRecords()) {
            String count = m.getAttributes().get("ApproximateReceiveCount");
            starts.add(t);
            receives.add(t, Integer.parseInt(count));
            result.row(
                SqsVisibilityDemo.format(t),
                "charge invoked with " + m.getBody(),
                "receive " + count + "; runs 45 s and succeeds");
          }
          return null;
        };
    lambda.createFunction(
        FunctionConfig.of("charge", charge)
            .withTimeout(CHARGE_TIMEOUT)
            .withDuration(DurationModel.fixed(CHARGE_DURATION)));
    // Accepted: the queue's visibility timeout is not shorter than the function's timeout.
    lambda.createEventSourceMapping(EventSourceMappingConfig.of("charge", arn(sqs, queue)));
    sqs.setQueueAttributes(queue, Map.of("VisibilityTimeout", Integer.toString(shortVisibility)));
    result.row("", "second part, on its own simulation: the queue payments", "");
    result.row(
        SqsVisibilityDemo.format(0),
        "payments: VisibilityTimeout lowered to " + shortVisibility + " s",
        "the function's timeout stays 60 s");
    // Sent once the long polls that started before the change have ended (20 s), so every
    // receive of it uses the new visibility timeout.
    sim.after(
        Duration.ofSeconds(SEND_AT_SECONDS),
        () -> {
          sqs.sendMessage(queue, "payment-1");
          result.row(SqsVisibilityDemo.format(SEND_AT_SECONDS), "payment-1 sent to payments", "");
        });
    receives.add(0, 0);
    double[] movedAt = {-1};
    sim.every(
        Duration.ofSeconds(1),
        () -> {
          double t = SqsVisibilityDemo.seconds(sim);
          running.add(t, lambda.concurrentExecutions("charge"));
          dead.add(t, depth(sqs, dlq));
        });
    // The move happens at a receive, between the samples: the queue's trace gives its instant.
    sim.trace()
        .subscribe(
            event -> {
              if (event.type() == SqsEventType.MOVED_TO_DLQ && movedAt[0] < 0) {
                movedAt[0] = event.elapsedNanos() / 1e9;
                result.row(
                    SqsVisibilityDemo.format(movedAt[0]),
                    "payment-1 moved to payments-dlq",
                    "receive "
                        + (maxReceives + 1)
                        + " refused; processed "
                        + starts.size()
                        + " times");
              }
            });
    running.add(0, lambda.concurrentExecutions("charge"));
    dead.add(0, 0);
    sim.advanceBy(Duration.ofSeconds(SECOND_PART_SECONDS));

    DemoResult.Chart chart =
        DemoResult.Chart.of(
                "payments: visibility "
                    + shortVisibility
                    + " s, each invocation 45 s: received again while it runs",
                "receives, invocations, messages",
                SECOND_PART_SECONDS,
                Series.all(receives, running, dead))
            .limit("maxReceiveCount", maxReceives);
    for (int i = 0; i < starts.size(); i++) {
      chart =
          chart.mark(
              SqsVisibilityDemo.format(starts.get(i)) + ": receive " + (i + 1), starts.get(i));
    }
    if (movedAt[0] >= 0) {
      chart = chart.mark(SqsVisibilityDemo.format(movedAt[0]) + ": to the DLQ", movedAt[0]);
    }
    result
        .keyNumber(
            "payment-1: processed successfully",
            starts.size() + " times",
            "VisibilityTimeout " + shortVisibility + " s < 45 s of processing")
        .keyNumber(
            "payment-1: moved to the DLQ at",
            SqsVisibilityDemo.format(movedAt[0]),
            "the receive after maxReceiveCount = " + maxReceives)
        .chart(chart);
  }

  /** How many of the messages in {@code url} the function processed (read, then put back). */
  private static int processedAmong(Sqs sqs, String url, Set<String> processed) {
    int count = 0;
    List<String> handles = new ArrayList<>();
    ReceiveMessageRequest all =
        ReceiveMessageRequest.builder(url)
            .maxNumberOfMessages(10)
            .visibilityTimeout(43_200)
            .build();
    List<Message> got = sqs.receiveMessage(all).messages();
    while (!got.isEmpty()) {
      for (Message m : got) {
        count += processed.contains(m.body()) ? 1 : 0;
        handles.add(m.receiptHandle());
      }
      got = sqs.receiveMessage(all).messages();
    }
    for (String handle : handles) {
      sqs.changeMessageVisibility(url, handle, 0);
    }
    return count;
  }

  private static String redrivePolicy(String dlqArn, int maxReceiveCount) {
    return "{\"deadLetterTargetArn\":\""
        + dlqArn
        + "\",\"maxReceiveCount\":\""
        + maxReceiveCount
        + "\"}";
  }

  private static String arn(Sqs sqs, String url) {
    return sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
  }

  private static int depth(Sqs sqs, String url) {
    return Integer.parseInt(
        sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessages"))
            .get("ApproximateNumberOfMessages"));
  }
}
