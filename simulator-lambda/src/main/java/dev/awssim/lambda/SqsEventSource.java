package dev.awssim.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.SimulationContext;
import dev.awssim.sqs.DeleteMessageBatchRequestEntry;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.MessageAttributeValue;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.ReceiveMessageResult;
import dev.awssim.sqs.Sqs;
import dev.awssim.sqs.SqsException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An SQS event source mapping on virtual time: pollers that receive, gather a batch, invoke the
 * function synchronously and delete what succeeded. The package essay describes the rules.
 */
final class SqsEventSource implements MappingRuntime {
  private static final long SECOND = 1_000_000_000L;

  private final Lambda lambda;
  private final SimulationContext ctx;
  private FunctionState function;
  private String qualifier;
  private final Sqs sqs;
  private final String queueUrl;
  private final String queueArn;
  private int queueVisibilitySeconds;
  private EventSourceMappingConfig config;
  private EventFilter filter = EventFilter.NONE;
  private int batchSize;
  private long windowNanos;
  private Integer visibilityOverride;
  private int maximumPollers;

  private boolean running;
  private int targetPollers;
  private int activePollers;
  private Cancellable scaler;
  private final Set<Batch> waiting = new LinkedHashSet<>();

  /* What happened since the last scaling step. */
  private boolean sawMessages;
  private boolean sawShort;
  private boolean sawEmpty;
  private boolean sawThrottle;

  SqsEventSource(
      Lambda lambda,
      SimulationContext ctx,
      FunctionState function,
      String qualifier,
      Sqs sqs,
      String queueUrl,
      String queueArn,
      int queueVisibilitySeconds,
      EventSourceMappingConfig config) {
    this.lambda = lambda;
    this.ctx = ctx;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.queueVisibilitySeconds = queueVisibilitySeconds;
    configure(function, qualifier, config);
  }

  /**
   * The queue's visibility timeout now, in seconds.
   *
   * @throws SqsException if the queue no longer exists
   */
  int queueVisibilitySeconds() {
    String value =
        sqs.getQueueAttributes(queueUrl, List.of("VisibilityTimeout")).get("VisibilityTimeout");
    return Integer.parseInt(value);
  }

  @Override
  public void configure(
      FunctionState newFunction, String newQualifier, EventSourceMappingConfig newConfig) {
    if (this.config != null) {
      // An update re-reads the queue (it was checked against the function's timeout just now).
      try {
        this.queueVisibilitySeconds = queueVisibilitySeconds();
      } catch (SqsException e) {
        // The queue is gone: receives fail and are tried again each second.
      }
    }
    this.function = newFunction;
    this.qualifier = newQualifier;
    this.filter = EventFilter.parse(newConfig.filterPatterns());
    this.config = newConfig;
    this.batchSize = newConfig.batchSize();
    this.windowNanos = newConfig.maximumBatchingWindow().toNanos();
    long window = newConfig.maximumBatchingWindow().toSeconds();
    long timeout = function.timeout.toSeconds();
    this.visibilityOverride =
        window > 0 && window + timeout > queueVisibilitySeconds
            ? (int) (window + timeout + LambdaLimits.SQS_WINDOW_VISIBILITY_MARGIN.toSeconds())
            : null;
    this.maximumPollers =
        newConfig.maximumConcurrency() == null
            ? LambdaLimits.SQS_MAXIMUM_POLLERS
            : newConfig.maximumConcurrency();
    targetPollers = Math.min(targetPollers, maximumPollers);
    // Long polls already waiting asked with the old parameters: they ask again with the new ones.
    for (Batch b : List.copyOf(waiting)) {
      if (b.messages.isEmpty() && b.pendingReceive != null) {
        b.pendingReceive.cancel();
        b.pendingReceive = null;
        waiting.remove(b);
        poll(b);
      }
    }
  }

  @Override
  public void start() {
    if (running) {
      return;
    }
    running = true;
    targetPollers = Math.min(LambdaLimits.SQS_INITIAL_POLLERS, maximumPollers);
    addPollers();
    scaler = ctx.scheduler().every(Duration.ofSeconds(1), this::scale);
  }

  @Override
  public void stop() {
    running = false;
    if (scaler != null) {
      scaler.cancel();
      scaler = null;
    }
    // Pollers waiting on an empty batch stop now; a batch already holding messages is invoked.
    for (Batch b : List.copyOf(waiting)) {
      if (b.messages.isEmpty() && b.pendingReceive != null) {
        b.pendingReceive.cancel();
        b.closed = true;
        waiting.remove(b);
        activePollers--;
      }
    }
  }

  /** Pollers running now (each holds at most one batch). */
  int pollers() {
    return activePollers;
  }

  /**
   * Once a second. "If messages are still available, Lambda increases the number of processes that
   * are reading batches by up to 300 more instances per minute"
   * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html): messages are still
   * available when every receive of the second came back full (as many messages as it asked for)
   * and nothing was throttled; then the mapping adds 300 / 60 = 5 pollers. A receive that came back
   * short means the pollers drain the queue as fast as messages arrive, so the count holds: a
   * steady load that a few pollers handle keeps a few pollers. After an empty receive (a 20 s long
   * poll that found nothing) it goes back to the initial 5.
   */
  private void scale() {
    int step = LambdaLimits.SQS_POLLERS_ADDED_PER_MINUTE / 60;
    int initial = Math.min(LambdaLimits.SQS_INITIAL_POLLERS, maximumPollers);
    if (sawEmpty) {
      targetPollers = initial;
    } else if (sawMessages && !sawShort && !sawThrottle) {
      targetPollers = Math.min(maximumPollers, targetPollers + step);
    }
    sawMessages = false;
    sawShort = false;
    sawEmpty = false;
    sawThrottle = false;
    addPollers();
  }

  private void addPollers() {
    while (running && activePollers < targetPollers) {
      activePollers++;
      poll(new Batch());
    }
  }

  /** One poller's batch being gathered. */
  private static final class Batch {
    final List<Message> messages = new ArrayList<>();
    long windowEnd;
    Cancellable pendingReceive;
    Cancellable windowTimer;
    boolean closed;
    int polls;
    int asked;
  }

  private void poll(Batch batch) {
    if (!running || activePollers > targetPollers) {
      activePollers--;
      return;
    }
    long now = ctx.clock().nanos();
    int wait = LambdaLimits.SQS_LONG_POLL_WAIT_SECONDS;
    if (!batch.messages.isEmpty()) {
      long remaining = batch.windowEnd - now;
      wait = (int) Math.min(wait, (remaining + SECOND - 1) / SECOND);
    }
    int asked = Math.min(10, batchSize - batch.messages.size());
    batch.asked = asked;
    ReceiveMessageRequest request =
        ReceiveMessageRequest.builder(queueUrl)
            .maxNumberOfMessages(asked)
            .waitTimeSeconds(wait)
            .visibilityTimeout(visibilityOverride)
            .messageSystemAttributeNames(List.of("All"))
            .messageAttributeNames(List.of("All"))
            .build();
    int poll = ++batch.polls;
    try {
      Cancellable handle = sqs.receiveMessage(request, r -> received(batch, r));
      // The callback may already have run (and polled again or closed the batch).
      if (batch.polls == poll && !batch.closed) {
        batch.pendingReceive = handle;
        waiting.add(batch);
      }
    } catch (SqsException e) {
      // The queue is gone or refuses the receive: try again in a second.
      ctx.scheduler().afterNanos(SECOND, () -> poll(batch));
    }
  }

  private void received(Batch batch, ReceiveMessageResult result) {
    if (batch.closed) {
      return;
    }
    batch.pendingReceive = null;
    waiting.remove(batch);
    long now = ctx.clock().nanos();
    if (result.messages().isEmpty()) {
      if (batch.messages.isEmpty()) {
        sawEmpty = true;
        poll(batch);
      } else if (now >= batch.windowEnd) {
        invoke(batch);
      } else {
        poll(batch);
      }
      return;
    }
    sawMessages = true;
    if (result.messages().size() < batch.asked) {
      sawShort = true;
    }
    List<Message> matched = filtered(result.messages());
    if (matched.isEmpty()) {
      if (!batch.messages.isEmpty() && now >= batch.windowEnd) {
        invoke(batch);
      } else {
        poll(batch);
      }
      return;
    }
    if (batch.messages.isEmpty()) {
      batch.windowEnd = now + windowNanos;
      if (windowNanos > 0) {
        batch.windowTimer = ctx.scheduler().atNanos(batch.windowEnd, () -> windowEnded(batch));
      }
    }
    batch.messages.addAll(matched);
    if (batch.messages.size() >= batchSize || now >= batch.windowEnd) {
      invoke(batch);
    } else {
      poll(batch);
    }
  }

  /**
   * The messages that match the mapping's filters; the others are deleted from the queue ("If a
   * message doesn't satisfy your filter criteria, Lambda automatically removes the message from the
   * queue", https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html). SQS mappings
   * filter on the {@code body} key only, read as JSON when the body is a JSON object.
   */
  private List<Message> filtered(List<Message> messages) {
    if (filter.isEmpty()) {
      return messages;
    }
    List<Message> matched = new ArrayList<>(messages.size());
    List<Message> dropped = new ArrayList<>();
    for (Message m : messages) {
      if (filter.matches(Map.of("body", EventFilter.parsedOrText(m.body())))) {
        matched.add(m);
      } else {
        dropped.add(m);
      }
    }
    deleteAll(dropped);
    if (!dropped.isEmpty()) {
      ctx.trace()
          .record(
              LambdaEventType.BATCH_PROCESSED,
              function.name,
              ImmutableMap.of(
                  "eventSourceArn",
                  queueArn,
                  "size",
                  "0",
                  "deleted",
                  Integer.toString(dropped.size()),
                  "outcome",
                  "FilteredOut"));
    }
    return matched;
  }

  private void windowEnded(Batch batch) {
    if (batch.closed) {
      return;
    }
    if (batch.pendingReceive != null) {
      batch.pendingReceive.cancel();
      batch.pendingReceive = null;
    }
    invoke(batch);
  }

  private void invoke(Batch batch) {
    batch.closed = true;
    waiting.remove(batch);
    if (batch.windowTimer != null) {
      batch.windowTimer.cancel();
    }
    if (batch.pendingReceive != null) {
      batch.pendingReceive.cancel();
    }
    List<Message> messages = List.copyOf(batch.messages);
    boolean started =
        lambda.invokeForMapping(function, qualifier, event(messages), r -> completed(messages, r));
    if (!started) {
      // The batch stays in flight until the queue's visibility timeout ends, and the receive
      // counted toward maxReceiveCount; the poller tries again a second later.
      sawThrottle = true;
      ctx.scheduler().afterNanos(SECOND, () -> poll(new Batch()));
    }
  }

  private void completed(List<Message> messages, InvokeResult result) {
    List<Message> toDelete = succeeded(messages, result);
    deleteAll(toDelete);
    ctx.trace()
        .record(
            LambdaEventType.BATCH_PROCESSED,
            function.name,
            ImmutableMap.of(
                "eventSourceArn", queueArn,
                "size", Integer.toString(messages.size()),
                "deleted", Integer.toString(toDelete.size())));
    poll(new Batch());
  }

  private void deleteAll(List<Message> toDelete) {
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(10);
    for (Message m : toDelete) {
      entries.add(
          new DeleteMessageBatchRequestEntry(Integer.toString(entries.size()), m.receiptHandle()));
      if (entries.size() == 10) {
        delete(entries);
        entries.clear();
      }
    }
    if (!entries.isEmpty()) {
      delete(entries);
    }
  }

  private void delete(List<DeleteMessageBatchRequestEntry> entries) {
    try {
      sqs.deleteMessageBatch(queueUrl, List.copyOf(entries));
    } catch (SqsException e) {
      // The queue was deleted or throttled the call: the messages come back after their timeout.
    }
  }

  /**
   * The messages to delete: all after a success; none after a function error; with
   * ReportBatchItemFailures, all but the reported ones, or none when the report is not valid
   * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
   */
  private List<Message> succeeded(List<Message> messages, InvokeResult result) {
    if (result.isFunctionError()) {
      return List.of();
    }
    if (!config.reportBatchItemFailures() || result.payload() == null) {
      return messages;
    }
    if (!(result.payload() instanceof SQSBatchResponse response)) {
      return List.of(); // not a batch response: Lambda cannot read it, the batch failed
    }
    List<SQSBatchResponse.BatchItemFailure> failures = response.getBatchItemFailures();
    if (failures == null || failures.isEmpty()) {
      return messages;
    }
    Set<String> ids = new HashSet<>();
    for (Message m : messages) {
      ids.add(m.messageId());
    }
    Set<String> failed = new HashSet<>();
    for (SQSBatchResponse.BatchItemFailure f : failures) {
      String id = f == null ? null : f.getItemIdentifier();
      if (id == null || id.isEmpty() || !ids.contains(id)) {
        return List.of(); // an invalid identifier fails the whole batch
      }
      failed.add(id);
    }
    List<Message> ok = new ArrayList<>();
    for (Message m : messages) {
      if (!failed.contains(m.messageId())) {
        ok.add(m);
      }
    }
    return ok;
  }

  /**
   * The event Lambda sends, with the fields AWS fills
   * (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html).
   */
  private SQSEvent event(List<Message> messages) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
    for (Message m : messages) {
      SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
      r.setMessageId(m.messageId());
      r.setReceiptHandle(m.receiptHandle());
      r.setBody(m.body());
      r.setMd5OfBody(m.md5OfBody());
      r.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
      r.setAttributes(new LinkedHashMap<>(m.attributes()));
      Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
      for (Map.Entry<String, MessageAttributeValue> e : m.messageAttributes().entrySet()) {
        SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
        a.setDataType(e.getValue().dataType());
        a.setStringValue(e.getValue().stringValue());
        byte[] binary = e.getValue().binaryValue();
        if (binary != null) {
          a.setBinaryValue(ByteBuffer.wrap(binary.clone()));
        }
        a.setStringListValues(new ArrayList<>());
        a.setBinaryListValues(new ArrayList<>());
        attributes.put(e.getKey(), a);
      }
      r.setMessageAttributes(attributes);
      r.setEventSource("aws:sqs");
      r.setEventSourceArn(queueArn);
      r.setAwsRegion(ctx.account().region());
      records.add(r);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }
}
