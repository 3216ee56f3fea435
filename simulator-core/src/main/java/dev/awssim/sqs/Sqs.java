package dev.awssim.sqs;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.internal.time.TimeUnits.NANOS_PER_SECOND;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.Scheduler;
import dev.awssim.internal.SimulationContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Amazon SQS on the virtual clock: standard and FIFO queues with AWS's visibility, delay,
 * retention, polling, batching, deduplication, dead-letter and error rules ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/}). Method and
 * parameter names mirror the SQS API actions.
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.withSeed(42);
 * Sqs sqs = sim.sqs();
 * String url = sqs.createQueue("orders");
 * sqs.sendMessage(url, "hello");
 * Message m = sqs.receiveMessage(url).messages().get(0);   // hidden for 30 s
 * sim.advanceBy(Duration.ofSeconds(30));                    // visible again
 * sqs.deleteMessage(url, m.receiptHandle());
 * }</pre>
 *
 * <p>Every operation is atomic under the simulation's lock, and a rejected call changes nothing.
 * Errors are {@link SqsException}s with AWS's code and HTTP status. A long poll called from test
 * code advances virtual time (running due scheduled tasks) until a message is available or the wait
 * ends; it never sleeps. Called from inside a scheduled task, where time cannot be advanced, a long
 * poll throws {@link IllegalStateException} rather than quietly becoming a short poll; simulated
 * consumers use the callback form {@link #receiveMessage(ReceiveMessageRequest, Consumer)}.
 */
public final class Sqs {
  private static final java.util.regex.Pattern BATCH_ID =
      java.util.regex.Pattern.compile(
          "[A-Za-z0-9_-]{1," + SqsLimits.MAX_BATCH_ENTRY_ID_LENGTH + "}");

  private final SimulationContext context;
  private final SqsLimits limits;
  final QueueRegistry registry;
  private final MessageValidator validator;
  private final MessageViews views;
  private final Digests digests = new Digests();
  private final Map<String, FifoThrottle> throttles = new LinkedHashMap<>();
  private final MessageMoves moves;

  /** Long polls waiting for a message, per queue (looked up by queue, never iterated across). */
  private final Map<MessageQueue, QueueWaiters> waiters = new HashMap<>();

  private SqsFaults faults = SqsFaults.none();

  /**
   * Creates simulated SQS on {@code context} with {@code limits}.
   *
   * @throws NullPointerException if an argument is null
   */
  public Sqs(SimulationContext context, SqsLimits limits) {
    this.context = checkNotNull(context, "context");
    this.limits = checkNotNull(limits, "limits");
    this.registry = new QueueRegistry(context, limits);
    this.validator = new MessageValidator(digests);
    this.views = new MessageViews(context.clock(), digests, limits.accountId());
    this.moves = new MessageMoves(context, registry, this::wake);
  }

  /** The limits this SQS enforces. */
  public SqsLimits limits() {
    return limits;
  }

  /** The nondeterminism settings of every queue without its own. */
  public SqsFaults faults() {
    synchronized (context.lock()) {
      return faults;
    }
  }

  /**
   * Sets the nondeterminism of every queue without its own settings.
   *
   * @throws NullPointerException if {@code newFaults} is null
   */
  public void setFaults(SqsFaults newFaults) {
    checkNotNull(newFaults, "faults");
    synchronized (context.lock()) {
      this.faults = newFaults;
    }
  }

  /**
   * Sets the nondeterminism of one queue; null returns it to the simulation-wide settings.
   *
   * @throws SqsException QueueDoesNotExist
   */
  public void setQueueFaults(String queueUrl, SqsFaults queueFaults) {
    synchronized (context.lock()) {
      registry.byUrl(queueUrl).faults = queueFaults;
    }
  }

  // ---------------------------------------------------------------- queues

  /**
   * CreateQueue with default attributes.
   *
   * @return the queue URL
   * @throws SqsException InvalidParameterValue (name), QueueDeletedRecently
   */
  public String createQueue(String queueName) {
    return createQueue(queueName, ImmutableMap.of());
  }

  /**
   * CreateQueue: creates a queue, or returns the URL of an existing one with the same attributes. A
   * FIFO queue needs {@code FifoQueue=true} and a name ending in {@code .fifo}.
   *
   * @param attributes attribute names and values, such as {@code VisibilityTimeout=60}
   * @return the queue URL
   * @throws SqsException InvalidParameterValue, InvalidAttributeName, InvalidAttributeValue,
   *     QueueNameExists, QueueDeletedRecently, MissingParameter
   */
  public String createQueue(String queueName, Map<String, String> attributes) {
    Map<String, String> given = attributes == null ? ImmutableMap.of() : attributes;
    synchronized (context.lock()) {
      return registry.create(queueName, given, now());
    }
  }

  /**
   * GetQueueUrl.
   *
   * @throws SqsException QueueDoesNotExist
   */
  public String getQueueUrl(String queueName) {
    synchronized (context.lock()) {
      return registry.urlOf(queueName);
    }
  }

  /**
   * DeleteQueue: the queue and its messages are gone at once; its name is blocked for 60 s.
   *
   * @throws SqsException QueueDoesNotExist
   */
  public void deleteQueue(String queueUrl) {
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(queueUrl);
      registry.delete(q, now());
      moves.queueDeleted(q);
    }
  }

  /** ListQueues: every queue URL, sorted by name. */
  public ListQueuesResult listQueues() {
    return listQueues(null, null, null);
  }

  /**
   * ListQueues with a name prefix and paging (MaxResults 1-1,000; a token only with MaxResults).
   *
   * @throws SqsException InvalidParameterValue
   */
  public ListQueuesResult listQueues(String queueNamePrefix, Integer maxResults, String nextToken) {
    synchronized (context.lock()) {
      return registry.list(queueNamePrefix, maxResults, nextToken);
    }
  }

  /**
   * ListDeadLetterSourceQueues: the URLs of the queues whose RedrivePolicy names this queue as
   * their dead-letter queue, sorted by name, with paging as in ListQueues ({@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListDeadLetterSourceQueues.html}).
   *
   * @throws SqsException QueueDoesNotExist, InvalidParameterValue (MaxResults outside 1-1,000)
   */
  public ListQueuesResult listDeadLetterSourceQueues(
      String queueUrl, Integer maxResults, String nextToken) {
    synchronized (context.lock()) {
      return registry.deadLetterSources(registry.byUrl(queueUrl), maxResults, nextToken);
    }
  }

  /**
   * StartMessageMoveTask: moves the messages of a dead-letter queue back to their original source
   * queues (or to {@code destinationArn}) as new messages, with new ids, enqueue times and receive
   * counts ({@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html}).
   * With a rate, that many messages move at once and as many every second after; without one
   * ({@code [SIM]}) every visible message moves at once. Messages in flight move when visible.
   *
   * @param destinationArn the queue to move to, or null for each message's source queue
   * @param maxNumberOfMessagesPerSecond 1 to 500, or null
   * @return the task handle
   * @throws SqsException ResourceNotFoundException (404, unknown queue), InvalidParameterValue (not
   *     a dead-letter queue, a task already running, rate or type mismatch), MissingParameter
   */
  public String startMessageMoveTask(
      String sourceArn, String destinationArn, Integer maxNumberOfMessagesPerSecond) {
    synchronized (context.lock()) {
      return moves.start(sourceArn, destinationArn, maxNumberOfMessagesPerSecond, now());
    }
  }

  /**
   * ListMessageMoveTasks: the most recent tasks of a source queue, newest first.
   *
   * @param maxResults 1 to 10, or null for 1
   * @throws SqsException ResourceNotFoundException (404), InvalidParameterValue, MissingParameter
   */
  public List<MessageMoveTask> listMessageMoveTasks(String sourceArn, Integer maxResults) {
    synchronized (context.lock()) {
      return moves.list(sourceArn, maxResults);
    }
  }

  /**
   * CancelMessageMoveTask: stops a running task; the messages already moved stay moved.
   *
   * @return how many messages the task moved
   * @throws SqsException ResourceNotFoundException (404) for a handle of no running task
   */
  public long cancelMessageMoveTask(String taskHandle) {
    synchronized (context.lock()) {
      return moves.cancel(taskHandle);
    }
  }

  /** GetQueueAttributes with {@code All}. */
  public Map<String, String> getQueueAttributes(String queueUrl) {
    return getQueueAttributes(queueUrl, List.of(MessageViews.ALL));
  }

  /**
   * GetQueueAttributes: the named attributes (or {@code All}) in AWS's order.
   *
   * @throws SqsException QueueDoesNotExist, InvalidAttributeName
   */
  public Map<String, String> getQueueAttributes(String queueUrl, List<String> attributeNames) {
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(queueUrl);
      List<String> names = attributeNames == null ? List.of() : attributeNames;
      for (String n : names) {
        if (n == null || !QueueRegistry.isAttributeName(n, q.isFifo())) {
          throw SqsErrors.invalidAttributeName(n);
        }
      }
      long now = now();
      q.refresh(now);
      Map<String, String> result = new LinkedHashMap<>();
      registry
          .attributes(q, now)
          .forEach(
              (k, v) -> {
                if (names.contains(MessageViews.ALL) || names.contains(k)) {
                  result.put(k, v);
                }
              });
      return result;
    }
  }

  /**
   * SetQueueAttributes: applies at once (a simplification: AWS says a change can take up to 60
   * seconds to propagate, {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html}).
   *
   * @throws SqsException QueueDoesNotExist, InvalidAttributeName, InvalidAttributeValue,
   *     InvalidParameterValue (redrive policy)
   */
  public void setQueueAttributes(String queueUrl, Map<String, String> attributes) {
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(queueUrl);
      long now = now();
      q.refresh(now);
      registry.setAttributes(q, attributes == null ? ImmutableMap.of() : attributes, now);
      q.refresh(now);
    }
  }

  /**
   * PurgeQueue: deletes every message, in flight or not, at once (a simplification: AWS deletes
   * them within 60 seconds, {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_PurgeQueue.html}).
   *
   * @throws SqsException QueueDoesNotExist, PurgeQueueInProgress (within 60 s of the last purge)
   */
  public void purgeQueue(String queueUrl) {
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(queueUrl);
      long now = now();
      if (q.lastPurge != Long.MIN_VALUE
          && now < q.lastPurge + SqsLimits.PURGE_COOLDOWN_SECONDS * NANOS_PER_SECOND) {
        throw SqsErrors.purgeQueueInProgress(q.name);
      }
      q.purge(now);
    }
  }

  // ---------------------------------------------------------------- send

  /** SendMessage of a body with no other parameters (standard queues). */
  public SendMessageResult sendMessage(String queueUrl, String messageBody) {
    return sendMessage(SendMessageRequest.builder(queueUrl, messageBody).build());
  }

  /**
   * SendMessage.
   *
   * @throws SqsException QueueDoesNotExist, MissingParameter, InvalidParameterValue,
   *     InvalidMessageContents, RequestThrottled (strict FIFO)
   * @throws NullPointerException if {@code request} is null
   */
  public SendMessageResult sendMessage(SendMessageRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(request.queueUrl());
      long now = now();
      q.refresh(now);
      OutgoingMessage out = validator.validate(request, q.config);
      if (q.isFifo()) {
        throttle(q, FifoThrottle.Action.SEND_MESSAGE, List.of(out.groupId()), now);
      }
      return send(q, out, request, now);
    }
  }

  private SendMessageResult send(
      MessageQueue q, OutgoingMessage out, SendMessageRequest request, long now) {
    MessageQueue.Sent sent = q.send(reorder(q, out), now);
    wake(q);
    return new SendMessageResult(
        sent.messageId(),
        out.md5OfBody(),
        digests.attributesMd5(request.messageAttributes()),
        digests.attributesMd5(request.messageSystemAttributes()),
        sent.sequenceNumber());
  }

  private OutgoingMessage reorder(MessageQueue q, OutgoingMessage out) {
    SqsFaults f = faultsOf(q);
    if (q.isFifo() || f.reorderProbability() == 0) {
      return out;
    }
    RandomGenerator r = faultRandom(q);
    if (r.nextDouble() >= f.reorderProbability()) {
      return out;
    }
    return out.withExtraDelay(1 + r.nextLong(f.reorderMaxDelay().toNanos()));
  }

  /**
   * SendMessageBatch: up to 10 entries, each sent or failed on its own.
   *
   * @throws SqsException QueueDoesNotExist, EmptyBatchRequest, TooManyEntriesInBatchRequest,
   *     InvalidBatchEntryId, BatchEntryIdsNotDistinct, BatchRequestTooLong, RequestThrottled
   */
  public SendMessageBatchResult sendMessageBatch(
      String queueUrl, List<SendMessageBatchRequestEntry> entries) {
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(queueUrl);
      checkBatch(entries, SendMessageBatchRequestEntry::id);
      long total = 0;
      for (SendMessageBatchRequestEntry e : entries) {
        total += MessageValidator.payloadSize(e.messageBody(), e.messageAttributes());
      }
      if (total > limits.maxBatchPayloadBytes()) {
        throw SqsErrors.batchRequestTooLong(total, limits.maxBatchPayloadBytes());
      }
      long now = now();
      q.refresh(now);
      List<OutgoingMessage> valid = new ArrayList<>();
      List<BatchResultErrorEntry> failed = new ArrayList<>();
      Set<String> groups = new HashSet<>();
      for (SendMessageBatchRequestEntry e : entries) {
        try {
          OutgoingMessage out = validator.validate(e.toRequest(queueUrl), q.config);
          valid.add(out);
          groups.add(String.valueOf(out.groupId()));
        } catch (SqsException ex) {
          valid.add(null);
          failed.add(BatchResultErrorEntry.of(e.id(), ex));
        }
      }
      throttle(q, FifoThrottle.Action.SEND_MESSAGE, groups, now);
      List<SendMessageBatchResultEntry> successful = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        if (valid.get(i) != null) {
          SendMessageBatchRequestEntry e = entries.get(i);
          successful.add(
              SendMessageBatchResultEntry.of(
                  e.id(), send(q, valid.get(i), e.toRequest(queueUrl), now)));
        }
      }
      return new SendMessageBatchResult(successful, failed);
    }
  }

  // ---------------------------------------------------------------- receive

  /** ReceiveMessage of one message with the queue's visibility timeout and wait time. */
  public ReceiveMessageResult receiveMessage(String queueUrl) {
    return receiveMessage(ReceiveMessageRequest.of(queueUrl));
  }

  /**
   * ReceiveMessage: short poll (wait 0) or long poll (wait 1-20 s, advancing virtual time). The
   * wait is the request's {@code WaitTimeSeconds}, or the queue's {@code
   * ReceiveMessageWaitTimeSeconds} when the request gives none.
   *
   * @throws SqsException QueueDoesNotExist, InvalidParameterValue, OverLimit (standard queue at its
   *     in-flight limit, short poll), RequestThrottled (FIFO quota)
   * @throws IllegalStateException for a long poll called from inside a scheduled task, where
   *     virtual time cannot advance: simulated actors use {@link
   *     #receiveMessage(ReceiveMessageRequest, Consumer)}
   * @throws NullPointerException if {@code request} is null
   */
  public ReceiveMessageResult receiveMessage(ReceiveMessageRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(request.queueUrl());
      ReceiveParameters p = ReceiveParameters.of(request, q.config);
      boolean longPoll = p.waitSeconds() > 0;
      if (longPoll && context.scheduler().isRunningTask()) {
        throw new IllegalStateException(
            "ReceiveMessage must wait up to "
                + p.waitSeconds()
                + " s for messages (WaitTimeSeconds), but it runs inside a scheduled task where"
                + " virtual time cannot advance; give simulated actors the callback form"
                + " Sqs.receiveMessage(request, callback), or WaitTimeSeconds=0");
      }
      long now = now();
      q.refresh(now);
      if (!q.isFifo() && !longPoll && q.inflightCount() >= q.maxInflight) {
        throw SqsErrors.overLimit(q.maxInflight);
      }
      throttle(q, FifoThrottle.Action.RECEIVE_MESSAGE, List.of(), now);
      if (longPoll) {
        now = waitForMessages(q, now + p.waitSeconds() * NANOS_PER_SECOND);
        if (q.isDeleted()) {
          throw SqsErrors.queueDoesNotExist();
        }
      }
      ReceiveMessageResult result = result(q, p, longPoll, now);
      wake(q);
      return result;
    }
  }

  /**
   * ReceiveMessage for code that runs inside the simulation (scheduled tasks, simulated consumers),
   * where time cannot be advanced: {@code callback} receives the result at the virtual instant a
   * long poll would return, that is at once when a message is receivable or the wait is 0,
   * otherwise when a message becomes receivable or the wait ends. A queue deleted while waiting
   * gives an empty result. Parameter errors are thrown at once. Cancelling the returned handle
   * before the callback ran withdraws the poll: it receives nothing, so no message is taken.
   *
   * <pre>{@code
   * sim.every(Duration.ofSeconds(1), () -> sqs.receiveMessage(
   *     ReceiveMessageRequest.builder(url).waitTimeSeconds(20).build(), r -> handle(r.messages())));
   * }</pre>
   *
   * @return a handle that withdraws a poll still waiting (cancelling after the callback ran does
   *     nothing)
   * @throws SqsException QueueDoesNotExist, InvalidParameterValue, OverLimit, RequestThrottled
   * @throws NullPointerException if {@code request} or {@code callback} is null
   */
  public Cancellable receiveMessage(
      ReceiveMessageRequest request, Consumer<ReceiveMessageResult> callback) {
    checkNotNull(request, "request");
    checkNotNull(callback, "callback");
    ReceiveMessageResult ready;
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(request.queueUrl());
      ReceiveParameters p = ReceiveParameters.of(request, q.config);
      long now = now();
      q.refresh(now);
      boolean longPoll = p.waitSeconds() > 0;
      if (!q.isFifo() && !longPoll && q.inflightCount() >= q.maxInflight) {
        throw SqsErrors.overLimit(q.maxInflight);
      }
      throttle(q, FifoThrottle.Action.RECEIVE_MESSAGE, List.of(), now);
      if (longPoll && !q.hasReceivable(now)) {
        Waiter w = new Waiter(q, p, now + p.waitSeconds() * NANOS_PER_SECOND, callback);
        QueueWaiters qw = waiters.computeIfAbsent(q, k -> new QueueWaiters());
        qw.polls.add(w);
        w.timer = context.scheduler().atNanos(w.deadline, () -> deadlineReached(w));
        arm(q, qw, now);
        return w;
      }
      ready = result(q, p, longPoll, now);
      wake(q);
    }
    callback.accept(ready);
    return Waiter.SERVED;
  }

  /** A long poll from inside the simulation, waiting for a message. */
  private final class Waiter implements Cancellable {
    /** The handle of a poll answered at once: there is nothing left to withdraw. */
    static final Cancellable SERVED =
        new Cancellable() {
          @Override
          public void cancel() {}

          @Override
          public boolean isCancelled() {
            return false;
          }
        };

    final MessageQueue queue;
    final ReceiveParameters parameters;
    final long deadline;
    final Consumer<ReceiveMessageResult> callback;
    Cancellable timer;
    boolean cancelled;

    Waiter(
        MessageQueue queue,
        ReceiveParameters parameters,
        long deadline,
        Consumer<ReceiveMessageResult> callback) {
      this.queue = queue;
      this.parameters = parameters;
      this.deadline = deadline;
      this.callback = callback;
    }

    @Override
    public void cancel() {
      synchronized (context.lock()) {
        QueueWaiters qw = waiters.get(queue);
        if (!cancelled && qw != null && qw.polls.remove(this)) {
          cancelled = true;
          timer.cancel();
          arm(queue, qw, now());
        }
      }
    }

    @Override
    public boolean isCancelled() {
      synchronized (context.lock()) {
        return cancelled;
      }
    }
  }

  /**
   * The long polls waiting on one queue, first come first served, and the one timer that wakes them
   * when a hidden message of the queue becomes visible. Each poll also has a timer at its deadline.
   */
  private static final class QueueWaiters {
    final LinkedHashSet<Waiter> polls = new LinkedHashSet<>();
    Cancellable timer;
    long armedAt = Long.MIN_VALUE;
    boolean serving;
  }

  /**
   * Keeps {@code q}'s timer at the instant its next hidden message becomes visible, re-arming only
   * when that instant moved, and forgets the queue once no poll waits on it.
   */
  private void arm(MessageQueue q, QueueWaiters qw, long now) {
    if (qw.polls.isEmpty()) {
      if (qw.timer != null) {
        qw.timer.cancel();
      }
      waiters.remove(q);
      return;
    }
    long at = q.isDeleted() ? Long.MAX_VALUE : Math.max(now, q.nextChange(now));
    if (at == qw.armedAt) {
      return;
    }
    if (qw.timer != null) {
      qw.timer.cancel();
    }
    qw.armedAt = at;
    qw.timer = at == Long.MAX_VALUE ? null : context.scheduler().atNanos(at, () -> serve(q));
  }

  /** A message may have arrived in {@code q}: serve its waiters at the current instant, once. */
  private void wake(MessageQueue q) {
    QueueWaiters qw = waiters.get(q);
    if (qw != null && !qw.serving) {
      qw.serving = true;
      context.scheduler().afterNanos(0, () -> serve(q));
    }
  }

  /** Answers {@code q}'s waiting polls in arrival order while it has a message to give. */
  private void serve(MessageQueue q) {
    List<Runnable> calls = new ArrayList<>();
    synchronized (context.lock()) {
      QueueWaiters qw = waiters.get(q);
      if (qw == null) {
        return;
      }
      qw.serving = true;
      long now = now();
      if (!q.isDeleted()) {
        q.refresh(now);
      }
      for (Iterator<Waiter> it = qw.polls.iterator();
          it.hasNext() && (q.isDeleted() || q.hasReceivable(now)); ) {
        Waiter w = it.next();
        it.remove();
        w.timer.cancel();
        calls.add(answer(w, now));
      }
      qw.serving = false;
      arm(q, qw, now);
    }
    calls.forEach(Runnable::run);
  }

  /** A poll's wait ran out: it is answered with what the queue has now, perhaps nothing. */
  private void deadlineReached(Waiter w) {
    Runnable call;
    synchronized (context.lock()) {
      QueueWaiters qw = waiters.get(w.queue);
      if (qw == null || !qw.polls.remove(w)) {
        return;
      }
      long now = now();
      if (!w.queue.isDeleted()) {
        w.queue.refresh(now);
      }
      call = answer(w, now);
      arm(w.queue, qw, now);
    }
    call.run();
  }

  /** Receives for {@code w} now; the returned call hands the result to its callback. */
  private Runnable answer(Waiter w, long now) {
    MessageQueue q = w.queue;
    ReceiveMessageResult r =
        q.isDeleted() ? new ReceiveMessageResult(List.of()) : result(q, w.parameters, true, now);
    return () -> w.callback.accept(r);
  }

  private ReceiveMessageResult result(
      MessageQueue q, ReceiveParameters p, boolean longPoll, long now) {
    List<StoredMessage> got = receive(q, p, longPoll, now);
    if (got.isEmpty()) {
      q.observer.emptyReceive();
    }
    Message[] result = new Message[got.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = views.view(q, got.get(i), p.systemAttributes(), p.messageAttributeNames());
    }
    return new ReceiveMessageResult(ImmutableList.copyOf(result));
  }

  private List<StoredMessage> receive(
      MessageQueue q, ReceiveParameters p, boolean longPoll, long now) {
    long visibility = p.visibilityTimeout() * NANOS_PER_SECOND;
    String attemptId = p.receiveRequestAttemptId();
    if (q instanceof FifoQueue fifo && attemptId != null) {
      List<StoredMessage> again = fifo.retry(attemptId, visibility, now);
      if (again != null) {
        return again;
      }
    }
    int max = longPoll ? p.maxNumberOfMessages() : sample(q, p.maxNumberOfMessages(), now);
    List<StoredMessage> got =
        max == 0 ? List.of() : q.receive(max, visibility, now, registry.deadLetterQueueOf(q));
    if (q instanceof FifoQueue fifo && attemptId != null) {
      fifo.rememberAttempt(attemptId, got, now);
    }
    return got;
  }

  /** How many messages a short poll may return: all asked for, or a sample (faults). */
  private int sample(MessageQueue q, int max, long now) {
    if (!faultsOf(q).shortPollSampling()) {
      return max;
    }
    long visible = q.visibleCount(now);
    if (visible >= SqsLimits.SHORT_POLL_SAMPLING_THRESHOLD) {
      return max;
    }
    return faultRandom(q).nextInt((int) Math.min(max, visible) + 1);
  }

  /**
   * Advances virtual time until {@code q} has a receivable message or the deadline, stopping at
   * each instant a hidden message of {@code q} may become visible (there is no timer for it).
   */
  private long waitForMessages(MessageQueue q, long deadline) {
    Scheduler scheduler = context.scheduler();
    while (true) {
      long now = now();
      q.refresh(now);
      if (q.isDeleted() || q.hasReceivable(now) || now >= deadline) {
        return now;
      }
      long target = Math.max(now, Math.min(deadline, q.nextChange(now)));
      scheduler.advanceUntil(
          () -> {
            long t = now();
            if (q.isDeleted()) {
              return true;
            }
            q.refresh(t);
            return q.hasReceivable(t);
          },
          target);
    }
  }

  // ---------------------------------------------------------------- delete

  /**
   * DeleteMessage. On a standard queue an old handle succeeds but deletes only if it is the
   * message's latest receipt (AWS documents only that a stale handle of a standard queue may
   * succeed: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html});
   * on a FIFO queue a handle whose visibility timeout ended fails.
   *
   * @throws SqsException QueueDoesNotExist, ReceiptHandleIsInvalid (404), InvalidParameterValue
   *     (FIFO, expired handle), RequestThrottled (strict FIFO)
   */
  public void deleteMessage(String queueUrl, String receiptHandle) {
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(queueUrl);
      long now = now();
      q.refresh(now);
      StoredMessage m = resolveForDelete(q, receiptHandle);
      throttle(q, FifoThrottle.Action.DELETE_MESSAGE, List.of(), now);
      delete(q, m);
    }
  }

  /**
   * DeleteMessageBatch: up to 10 entries, each deleted or failed on its own.
   *
   * @throws SqsException QueueDoesNotExist, EmptyBatchRequest, TooManyEntriesInBatchRequest,
   *     InvalidBatchEntryId, BatchEntryIdsNotDistinct, RequestThrottled
   */
  public BatchResult deleteMessageBatch(
      String queueUrl, List<DeleteMessageBatchRequestEntry> entries) {
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(queueUrl);
      checkBatch(entries, DeleteMessageBatchRequestEntry::id);
      long now = now();
      q.refresh(now);
      throttle(q, FifoThrottle.Action.DELETE_MESSAGE, List.of(), now);
      return eachEntry(
          entries,
          DeleteMessageBatchRequestEntry::id,
          e -> delete(q, resolveForDelete(q, e.receiptHandle())));
    }
  }

  /** The message a delete with {@code handle} removes, or null for a successful no-op. */
  private StoredMessage resolveForDelete(MessageQueue q, String handle) {
    ReceiptHandles.Receipt r = decode(q, handle);
    StoredMessage m = q.messages.get(r.sequence());
    if (m == null) {
      return null;
    }
    boolean latest = m.receiveCount == r.receiveCount();
    if (q.isFifo() && (!latest || m.state != StoredMessage.INFLIGHT)) {
      throw SqsErrors.receiptHandleExpired(handle);
    }
    return latest ? m : null;
  }

  private void delete(MessageQueue q, StoredMessage m) {
    if (m == null) {
      return;
    }
    SqsFaults f = faultsOf(q);
    boolean lost =
        !q.isFifo()
            && f.duplicateProbability() > 0
            && faultRandom(q).nextDouble() < f.duplicateProbability();
    if (!lost) {
      q.delete(m);
    }
    q.observer.deleted(m, lost);
  }

  private static ReceiptHandles.Receipt decode(MessageQueue q, String handle) {
    if (handle == null || handle.isEmpty()) {
      throw SqsErrors.missingParameter("ReceiptHandle");
    }
    ReceiptHandles.Receipt r = ReceiptHandles.decode(handle, q.id, q.receiptSecret);
    if (r == null) {
      throw SqsErrors.receiptHandleIsInvalid(handle);
    }
    return r;
  }

  // ---------------------------------------------------------------- visibility

  /**
   * ChangeMessageVisibility: the message becomes visible {@code visibilityTimeout} seconds after
   * this call (0: at once). The total since the receive may not pass 12 hours.
   *
   * @throws SqsException QueueDoesNotExist, ReceiptHandleIsInvalid, InvalidParameterValue (range,
   *     12-hour cap, message not in flight), MissingParameter
   */
  public void changeMessageVisibility(
      String queueUrl, String receiptHandle, Integer visibilityTimeout) {
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(queueUrl);
      long now = now();
      q.refresh(now);
      changeVisibility(q, receiptHandle, visibilityTimeout, now);
    }
  }

  /**
   * ChangeMessageVisibilityBatch: up to 10 entries, each changed or failed on its own.
   *
   * @throws SqsException QueueDoesNotExist, EmptyBatchRequest, TooManyEntriesInBatchRequest,
   *     InvalidBatchEntryId, BatchEntryIdsNotDistinct
   */
  public BatchResult changeMessageVisibilityBatch(
      String queueUrl, List<ChangeMessageVisibilityBatchRequestEntry> entries) {
    synchronized (context.lock()) {
      MessageQueue q = registry.byUrl(queueUrl);
      checkBatch(entries, ChangeMessageVisibilityBatchRequestEntry::id);
      long now = now();
      q.refresh(now);
      return eachEntry(
          entries,
          ChangeMessageVisibilityBatchRequestEntry::id,
          e -> changeVisibility(q, e.receiptHandle(), e.visibilityTimeout(), now));
    }
  }

  private void changeVisibility(MessageQueue q, String handle, Integer timeout, long now) {
    if (timeout == null) {
      throw SqsErrors.missingParameter("VisibilityTimeout");
    }
    int seconds = timeout;
    if (seconds < 0 || seconds > QueueConfig.MAX_VISIBILITY_TIMEOUT) {
      throw SqsErrors.invalidParameter(
          "VisibilityTimeout", seconds, "Must be between 0 and 43200, if provided.");
    }
    ReceiptHandles.Receipt r = decode(q, handle);
    StoredMessage m = q.messages.get(r.sequence());
    if (m == null || m.receiveCount != r.receiveCount() || m.state != StoredMessage.INFLIGHT) {
      throw SqsErrors.messageNotAvailableForVisibilityChange(handle);
    }
    long visibleAt = now + seconds * NANOS_PER_SECOND;
    if (visibleAt - m.receivedAt > QueueConfig.MAX_VISIBILITY_TIMEOUT * NANOS_PER_SECOND) {
      throw SqsErrors.visibilityBeyondCap(seconds);
    }
    q.changeVisibility(m, visibleAt, now);
    wake(q);
  }

  // ---------------------------------------------------------------- helpers

  /** Runs {@code action} on each entry; an entry whose action throws is listed as failed. */
  private static <T> BatchResult eachEntry(
      List<T> entries, Function<T, String> id, Consumer<T> action) {
    List<String> ok = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (T e : entries) {
      try {
        action.accept(e);
        ok.add(id.apply(e));
      } catch (SqsException ex) {
        failed.add(BatchResultErrorEntry.of(id.apply(e), ex));
      }
    }
    return new BatchResult(ok, failed);
  }

  private static <T> void checkBatch(List<T> entries, Function<T, String> id) {
    if (entries == null || entries.isEmpty()) {
      throw SqsErrors.emptyBatch();
    }
    if (entries.size() > SqsLimits.MAX_BATCH_ENTRIES) {
      throw SqsErrors.tooManyEntries(entries.size());
    }
    Set<String> seen = new HashSet<>();
    for (T e : entries) {
      String entryId = e == null ? null : id.apply(e);
      if (entryId == null || !BATCH_ID.matcher(entryId).matches()) {
        throw SqsErrors.invalidBatchEntryId(entryId);
      }
      if (!seen.add(entryId)) {
        throw SqsErrors.batchEntryIdsNotDistinct(entryId);
      }
    }
  }

  private void throttle(
      MessageQueue q, FifoThrottle.Action action, Collection<String> groups, long now) {
    if (!q.isFifo() || !limits.fifoThrottling()) {
      return;
    }
    FifoThrottle t = throttles.computeIfAbsent(q.arn, k -> new FifoThrottle(limits));
    try {
      t.acquire(action, groups, q.config, now);
    } catch (SqsException e) {
      q.observer.throttled(action.awsName);
      throw e;
    }
  }

  private SqsFaults faultsOf(MessageQueue q) {
    return q.faults != null ? q.faults : faults;
  }

  private RandomGenerator faultRandom(MessageQueue q) {
    return context.random().stream("sqs/" + q.name + "/faults");
  }

  private long now() {
    return context.clock().nanos();
  }
}
