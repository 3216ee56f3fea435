package dev.awssim.examples;

import static dev.awssim.examples.SqsVisibilityDemo.format;
import static dev.awssim.examples.SqsVisibilityDemo.seconds;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.SendMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQS FIFO message groups: a message stuck in flight blocks the rest of its group until its
 * visibility timeout ends, while the other groups keep flowing, each in order.
 */
final class SqsFifoDemo implements LiveDemo {
  /** The FIFO queue. */
  static final String QUEUE = "jobs.fifo";

  @Override
  public String name() {
    return "sqs-fifo";
  }

  @Override
  public String title() {
    return "SQS FIFO: one stuck message blocks its group, not the others";
  }

  @Override
  public String rule(DemoOptions options) {
    return "In a FIFO queue, messages of one MessageGroupId are delivered in order, and while any"
        + " message of a group is in flight no later message of that group is delivered. Other"
        + " groups are not blocked. Here the consumer takes one message a second and hangs on the"
        + " first message of group A: A waits for its visibility timeout ("
        + options.integer("visibility-timeout")
        + " s), while B and C ("
        + options.integer("messages")
        + " messages each) finish in order.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.checkedByAws(
            "visibility-timeout", "20", "the queue's VisibilityTimeout, in seconds (AWS: 0-43200)"),
        DemoOption.between("messages", "4", 1, 1_000, "messages per group (groups A, B and C)"),
        DemoOption.atLeast("duration", "40", 1, "simulated seconds"));
  }

  @Override
  public boolean showsProgress() {
    return false;
  }

  @Override
  public Run start(AwsSimulator sim, DemoOptions options) {
    int perGroup = options.integer("messages");
    Sqs sqs = sim.sqs();
    String queue =
        sqs.createQueue(
            QUEUE,
            Map.of(
                "FifoQueue", "true",
                "ContentBasedDeduplication", "true",
                "VisibilityTimeout", Integer.toString(options.integer("visibility-timeout"))));
    for (int i = 1; i <= perGroup; i++) {
      for (String group : List.of("A", "B", "C")) {
        sqs.sendMessage(new SendMessageRequest(queue, group + i, null, null, null, null, group));
      }
    }
    Consumer consumer = new Consumer(this, sim, options, queue);
    consumer.poller = sim.every(Duration.ofSeconds(1), consumer::poll);
    return consumer;
  }

  /** The consumer: one message a second, and it hangs on the first message of group A once. */
  private static final class Consumer implements Run {
    private final AwsSimulator sim;
    private final DemoOptions options;
    private final Sqs sqs;
    private final String queue;
    private final DemoResult result;
    private final Map<String, List<String>> processed = new LinkedHashMap<>();
    private final Map<String, Series> done = new LinkedHashMap<>();
    private final Set<String> hungOnce = new HashSet<>();
    private final ReceiveMessageRequest poll;
    private double groupAUnblocked = -1;
    private Cancellable poller;

    Consumer(SqsFifoDemo demo, AwsSimulator sim, DemoOptions options, String queue) {
      this.sim = sim;
      this.options = options;
      this.sqs = sim.sqs();
      this.queue = queue;
      this.result =
          new DemoResult(demo, options).timeline("t", "received", "what the consumer did");
      for (String group : List.of("A", "B", "C")) {
        processed.put(group, new ArrayList<>());
        done.put(group, new Series("group " + group + ": processed"));
      }
      done.values().forEach(series -> series.add(0, 0));
      this.poll = ReceiveMessageRequest.builder(queue).maxNumberOfMessages(1).build();
    }

    void poll() {
      double t = seconds(sim);
      for (Message m : sqs.receiveMessage(poll).messages()) {
        String group = m.body().substring(0, 1);
        if (m.body().equals("A1") && hungOnce.add("A1")) {
          result.row(format(t), m.body(), "hangs: never deletes it");
          continue;
        }
        if (m.body().equals("A1")) {
          groupAUnblocked = t;
        }
        sqs.deleteMessage(queue, m.receiptHandle());
        processed.computeIfAbsent(group, g -> new ArrayList<>()).add(m.body());
        result.row(format(t), m.body(), "processed and deleted");
      }
      done.forEach((g, s) -> s.add(t, processed.get(g).size()));
    }

    @Override
    public Duration duration() {
      return Duration.ofSeconds(options.integer("duration"));
    }

    @Override
    public String resource() {
      return QUEUE;
    }

    @Override
    public DemoResult finish() {
      poller.cancel();
      int timeout = options.integer("visibility-timeout");
      int perGroup = options.integer("messages");
      boolean inOrder =
          processed.entrySet().stream()
              .allMatch(e -> e.getValue().equals(expected(e.getKey(), e.getValue().size())));
      return result
          .keyNumber(
              "A1 delivered again at",
              format(groupAUnblocked),
              "VisibilityTimeout = " + timeout + " s after the hang at t = 1 s")
          .keyNumber(
              "B processed",
              processed.get("B").size() + " of " + perGroup,
              "other groups keep flowing")
          .keyNumber(
              "C processed",
              processed.get("C").size() + " of " + perGroup,
              "other groups keep flowing")
          .keyNumber(
              "order within every group",
              inOrder ? "kept" : "BROKEN",
              "FIFO order per MessageGroupId")
          .chart(chart(options.integer("duration"), done, groupAUnblocked));
    }
  }

  private static DemoResult.Chart chart(int duration, Map<String, Series> done, double unblocked) {
    DemoResult.Chart chart =
        DemoResult.Chart.of(
            "Messages processed per group: A waits for its visibility timeout",
            "messages processed",
            duration,
            new ArrayList<>(done.values().stream().map(Series::toResult).toList()));
    return unblocked < 0
        ? chart
        : chart.mark(format(unblocked) + ": A1 delivered again", unblocked);
  }

  private static List<String> expected(String group, int count) {
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      expected.add(group + i);
    }
    return expected;
  }
}
