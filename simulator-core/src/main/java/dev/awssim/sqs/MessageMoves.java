package dev.awssim.sqs;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_SECOND;

import dev.awssim.internal.SimulationContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Dead-letter queue redrive: StartMessageMoveTask, ListMessageMoveTasks and CancelMessageMoveTask
 * ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html},
 * {@code sqs-dead-letter-queues.html}). A task moves the messages its source held when it started,
 * in arrival order, each once it is visible, as new messages: a new message id, enqueue time,
 * retention clock and a receive count of 0. With a MaxNumberOfMessagesPerSecond of r it moves r
 * messages at the start and r more every second; without one ({@code [SIM]}: AWS picks the rate) it
 * moves every visible message at once. One task per source queue runs at a time.
 */
final class MessageMoves {
  /** The largest MaxNumberOfMessagesPerSecond ({@code API_StartMessageMoveTask.html}). */
  static final int MAX_RATE = SqsLimits.MAX_MESSAGE_MOVE_RATE;

  /**
   * ListMessageMoveTasks returns the most recent 1 to 10 tasks ({@code
   * API_ListMessageMoveTasks.html}).
   */
  static final int MAX_LISTED = SqsLimits.MAX_LISTED_MESSAGE_MOVE_TASKS;

  private final SimulationContext context;
  private final QueueRegistry registry;
  private final Consumer<MessageQueue> wake;
  private final Map<String, Deque<Task>> bySource = new HashMap<>();
  private final Map<String, Task> running = new LinkedHashMap<>();
  private int nextId = 1;

  MessageMoves(SimulationContext context, QueueRegistry registry, Consumer<MessageQueue> wake) {
    this.context = context;
    this.registry = registry;
    this.wake = wake;
  }

  private final class Task {
    final String handle;
    final MessageQueue source;
    final String destinationArn;
    final Integer rate;
    final long started;
    final List<StoredMessage> pending;
    final long toMove;
    long moved;
    String status = "RUNNING";
    String failureReason;

    Task(String handle, MessageQueue source, String destinationArn, Integer rate, long now) {
      this.handle = handle;
      this.source = source;
      this.destinationArn = destinationArn;
      this.rate = rate;
      this.started = now;
      this.pending = new ArrayList<>(source.messages.values());
      this.toMove = pending.size();
    }

    MessageMoveTask view() {
      return new MessageMoveTask(
          status.equals("RUNNING") ? handle : null,
          status,
          source.arn,
          destinationArn,
          rate,
          moved,
          toMove,
          failureReason,
          context.clock().toInstant(started).toEpochMilli());
    }
  }

  String start(String sourceArn, String destinationArn, Integer rate, long now) {
    MessageQueue source = existing(sourceArn, "SourceArn");
    MessageQueue destination =
        destinationArn == null ? null : existing(destinationArn, "DestinationArn");
    if (rate != null && (rate < 1 || rate > MAX_RATE)) {
      throw SqsErrors.invalidParameter(
          "MaxNumberOfMessagesPerSecond", rate, "Must be between 1 and 500, if provided.");
    }
    if (!registry.isDeadLetterQueue(source)) {
      throw SqsErrors.invalidParameter(
          "SourceArn", sourceArn, "Source queue must be configured as a Dead Letter Queue.");
    }
    if (destination != null && destination.isFifo() != source.isFifo()) {
      throw SqsErrors.invalidParameter(
          "DestinationArn",
          destinationArn,
          "The destination queue must be of the same type as the source queue.");
    }
    if (running.values().stream().anyMatch(t -> t.source == source)) {
      throw SqsErrors.invalidParameterValue(
          "There is already a task running. Only one active task is allowed for a source queue"
              + " arn at a given time.");
    }
    String handle =
        Base64.getEncoder()
            .encodeToString(
                ("{\"taskId\":\"" + nextId++ + "\",\"sourceArn\":\"" + sourceArn + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
    Task t = new Task(handle, source, destinationArn, rate, now);
    running.put(handle, t);
    bySource.computeIfAbsent(sourceArn, k -> new ArrayDeque<>()).addFirst(t);
    step(t);
    return handle;
  }

  List<MessageMoveTask> list(String sourceArn, Integer maxResults) {
    existing(sourceArn, "SourceArn");
    int max = maxResults == null ? 1 : maxResults;
    if (max < 1 || max > MAX_LISTED) {
      throw SqsErrors.invalidParameter("MaxResults", max, "Must be between 1 and 10, if provided.");
    }
    List<MessageMoveTask> out = new ArrayList<>();
    for (Task t : bySource.getOrDefault(sourceArn, new ArrayDeque<>())) {
      if (out.size() == max) {
        break;
      }
      out.add(t.view());
    }
    return out;
  }

  long cancel(String handle) {
    Task t = handle == null ? null : running.remove(handle);
    if (t == null) {
      throw SqsErrors.resourceNotFound("The task handle " + handle + " is not a running task.");
    }
    t.status = "CANCELLED";
    return t.moved;
  }

  /** A queue was deleted: the tasks that read from it fail. */
  void queueDeleted(MessageQueue q) {
    for (Iterator<Task> it = running.values().iterator(); it.hasNext(); ) {
      Task t = it.next();
      if (t.source == q) {
        it.remove();
        t.status = "FAILED";
        t.failureReason = "AWS.SimpleQueueService.NonExistentQueue";
      }
    }
  }

  private MessageQueue existing(String arn, String parameter) {
    if (arn == null || arn.isEmpty()) {
      throw SqsErrors.missingParameter(parameter);
    }
    MessageQueue q = registry.byArn(arn);
    if (q == null) {
      throw SqsErrors.resourceNotFound(
          "The resource that you specified for the " + parameter + " parameter doesn't exist.");
    }
    return q;
  }

  /** Moves what the task may move now, then finishes or comes back in a second. */
  private void step(Task t) {
    if (!running.containsKey(t.handle)) {
      return;
    }
    long now = context.clock().nanos();
    t.source.refresh(now);
    long budget = t.rate == null ? Long.MAX_VALUE : t.rate;
    for (Iterator<StoredMessage> it = t.pending.iterator(); it.hasNext() && budget > 0; ) {
      StoredMessage m = it.next();
      if (t.source.messages.get(m.sequence) != m) {
        it.remove();
        continue;
      }
      if (m.state != StoredMessage.VISIBLE) {
        continue;
      }
      String targetArn = t.destinationArn != null ? t.destinationArn : m.deadLetterSourceArn;
      MessageQueue target = targetArn == null ? null : registry.byArn(targetArn);
      if (target == null || target.isFifo() != t.source.isFifo()) {
        running.remove(t.handle);
        t.status = "FAILED";
        t.failureReason = "AWS.SimpleQueueService.NonExistentQueue";
        return;
      }
      it.remove();
      t.source.delete(m);
      target.refresh(now);
      target.send(
          m.asNewMessage(target.isFifo() ? 0 : target.config.delaySeconds * NANOS_PER_SECOND), now);
      wake.accept(target);
      t.moved++;
      budget--;
    }
    if (t.pending.isEmpty()) {
      running.remove(t.handle);
      t.status = "COMPLETED";
      return;
    }
    context
        .scheduler()
        .afterNanos(
            NANOS_PER_SECOND,
            () -> {
              synchronized (context.lock()) {
                step(t);
              }
            });
  }
}
