package dev.awssim.lambda;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.TimeWindow;
import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.AwsServiceException;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.SimulationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kinesis or DynamoDB Streams event source mapping on virtual time: per shard, a reader that
 * polls at the source's base rate and up to {@code ParallelizationFactor} lanes (records spread by
 * partition key), each holding one batch at a time and retrying it until it succeeds or is
 * discarded. The package essay describes the rules
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html).
 */
final class StreamEventSource implements MappingRuntime {
  /** [SIM] A failed batch is tried again one second after the failed attempt ends. */
  private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  /** What the mapping reads: a Kinesis stream or a DynamoDB stream, through its public API. */
  interface Source {
    /** The shards to start with, for the starting position. */
    List<ShardStart> initialShards(EventSourceMappingConfig config);

    /** An iterator at the shard's start position, or just after {@code afterSequence}. */
    String iterator(String shardId, EventSourceMappingConfig config, String afterSequence);

    /** Reads up to {@code limit} records; an exception means "try again at the next poll". */
    Page read(String iterator, int limit);

    /** The event handed to the handler for a batch of one shard. */
    Object event(String shardId, List<SourceRecord> records);

    /**
     * The event of a mapping with a tumbling window ({@code KinesisTimeWindowEvent} or {@code
     * DynamodbTimeWindowEvent}): the batch, the window, the state so far and the window flags.
     */
    Object windowEvent(String shardId, List<SourceRecord> records, WindowInvoke window);

    /**
     * The record as event filtering sees it: the keys a pattern may name
     * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html).
     */
    Map<String, Object> filterView(SourceRecord record);

    /** How often a shard is polled. */
    Duration pollInterval();

    /** The ARN in events and failure records. */
    String arn();

    /** The key of the failure record's batch information. */
    String batchInfoKey();
  }

  /** What a tumbling window's invocation carries besides its records. */
  record WindowInvoke(
      TimeWindow window,
      Map<String, String> state,
      boolean isFinalInvokeForWindow,
      boolean isWindowTerminatedEarly) {}

  /** A shard to read from the start, or a child to read once its parents are done. */
  record ShardStart(String shardId, List<String> parents, boolean fromTrimHorizon) {}

  /** One record, as the mapping needs it. */
  record SourceRecord(String sequenceNumber, Instant arrival, String partitionKey, Object raw) {}

  /** One read: records, the next iterator (null at the end of a closed shard) and the children. */
  record Page(List<SourceRecord> records, String nextIterator, List<ShardStart> children) {}

  private final Lambda lambda;
  private final SimulationContext ctx;
  private FunctionState function;
  private String qualifier;
  private final Source source;
  private final Destinations destinations;
  private EventSourceMappingConfig config;
  private EventFilter filter;
  private boolean running;
  private final Map<String, Shard> shards = new LinkedHashMap<>();
  private final Set<String> finished = new HashSet<>();
  private final List<ShardStart> waitingChildren = new ArrayList<>();

  StreamEventSource(
      Lambda lambda,
      SimulationContext ctx,
      FunctionState function,
      String qualifier,
      Source source,
      Destinations destinations,
      EventSourceMappingConfig config) {
    this.lambda = lambda;
    this.ctx = ctx;
    this.function = function;
    this.qualifier = qualifier;
    this.source = source;
    this.destinations = destinations;
    this.config = config;
    this.filter = EventFilter.parse(config.filterPatterns());
  }

  @Override
  public void configure(
      FunctionState newFunction, String newQualifier, EventSourceMappingConfig newConfig) {
    this.function = newFunction;
    this.qualifier = newQualifier;
    this.config = newConfig;
    this.filter = EventFilter.parse(newConfig.filterPatterns());
  }

  @Override
  public void start() {
    if (running) {
      return;
    }
    running = true;
    if (shards.isEmpty() && finished.isEmpty()) {
      for (ShardStart s : source.initialShards(config)) {
        if (s.parents().isEmpty()) {
          open(s);
        } else {
          waitingChildren.add(s);
        }
      }
    } else {
      // Enabled again: each shard goes on from its checkpoint (the records it read and holds,
      // then the stream after the last one), and a batch that was waiting for a retry is retried.
      for (Shard s : List.copyOf(shards.values())) {
        s.schedulePoll();
        for (Lane l : s.lanes) {
          l.resume();
        }
        s.poll();
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    for (Shard s : shards.values()) {
      if (s.poller != null) {
        s.poller.cancel();
        s.poller = null;
      }
    }
  }

  private void open(ShardStart start) {
    if (shards.containsKey(start.shardId()) || finished.contains(start.shardId())) {
      return;
    }
    Shard shard = new Shard(start.shardId(), start.fromTrimHorizon());
    shards.put(start.shardId(), shard);
    shard.schedulePoll();
    shard.poll();
  }

  /** One shard's reader and lanes. */
  private final class Shard {
    final String shardId;
    final boolean fromTrimHorizon;
    final List<Lane> lanes = new ArrayList<>();
    String iterator;
    String lastRead;
    boolean ended;
    Cancellable poller;

    Shard(String shardId, boolean fromTrimHorizon) {
      this.shardId = shardId;
      this.fromTrimHorizon = fromTrimHorizon;
      for (int i = 0; i < config.parallelizationFactor(); i++) {
        lanes.add(new Lane(this));
      }
    }

    void schedulePoll() {
      if (poller == null && !ended) {
        poller = ctx.scheduler().every(source.pollInterval(), this::poll);
      }
    }

    int buffered() {
      int n = 0;
      for (Lane l : lanes) {
        n += l.buffer.size() + (l.batch == null ? 0 : l.batch.size());
      }
      return n;
    }

    /**
     * A new {@code ParallelizationFactor} takes effect once the shard's lanes are idle, so that the
     * records of one key never run in two lanes at once; until then the shard reads nothing.
     */
    private boolean relaned() {
      if (lanes.size() == config.parallelizationFactor()) {
        return true;
      }
      for (Lane l : lanes) {
        if (l.batch != null || !l.buffer.isEmpty() || !l.halves.isEmpty()) {
          return false;
        }
      }
      lanes.clear();
      for (int i = 0; i < config.parallelizationFactor(); i++) {
        lanes.add(new Lane(this));
      }
      return true;
    }

    void poll() {
      if (!running) {
        return;
      }
      int room = config.batchSize() * lanes.size() - buffered();
      if (!ended && room > 0 && relaned()) {
        read(Math.min(room, LambdaLimits.STREAM_MAXIMUM_BATCH_SIZE));
      }
      for (Lane l : lanes) {
        l.maybeInvoke();
      }
    }

    private void read(int limit) {
      Page page;
      try {
        if (iterator == null) {
          iterator =
              source.iterator(
                  shardId,
                  lastRead == null && fromTrimHorizon
                      ? config.withStartingPosition(
                          EventSourceMappingConfig.StartingPosition.TRIM_HORIZON)
                      : config,
                  lastRead);
        }
        page = source.read(iterator, limit);
      } catch (RuntimeException e) {
        // A throttled read is tried again at the next poll; after any other error (an expired
        // iterator) the reader starts again just after the last record it read.
        if (!(e instanceof AwsServiceException a && a.isThrottling())) {
          iterator = null;
        }
        return;
      }
      for (SourceRecord r : page.records()) {
        // A record that matches no filter is skipped: the checkpoint moves past it
        // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html).
        if (filter.isEmpty() || filter.matches(source.filterView(r))) {
          lanes.get(lane(r.partitionKey())).buffer.add(r);
        }
        lastRead = r.sequenceNumber();
      }
      iterator = page.nextIterator();
      if (iterator == null) {
        ended = true;
        if (poller != null) {
          poller.cancel();
          poller = null;
        }
        waitingChildren.addAll(page.children());
      }
    }

    private int lane(String partitionKey) {
      return lanes.size() == 1 ? 0 : Math.floorMod(partitionKey.hashCode(), lanes.size());
    }

    void laneIdle() {
      if (!ended) {
        return;
      }
      for (Lane l : lanes) {
        if (l.batch != null || !l.buffer.isEmpty()) {
          return;
        }
      }
      shards.remove(shardId);
      finished.add(shardId);
      for (ShardStart child : List.copyOf(waitingChildren)) {
        if (parentsDone(child)) {
          waitingChildren.remove(child);
          open(new ShardStart(child.shardId(), List.of(), true));
        }
      }
    }
  }

  /** One batch in flight at a time, retried until it succeeds or is discarded. */
  private final class Lane {
    final Shard shard;
    final Deque<SourceRecord> buffer = new ArrayDeque<>();
    final Deque<List<SourceRecord>> halves = new ArrayDeque<>();
    List<SourceRecord> batch;
    boolean retryScheduled;
    boolean invoking;
    int attempts;
    int retries;
    long windowStart;
    boolean windowTimer;
    String lastRequestId;

    /* The tumbling window being aggregated: its start (null when none is open) and state. */
    Instant tumblingStart;
    Map<String, String> tumblingState;
    boolean tumblingFinal;
    boolean tumblingTerminatedEarly;
    boolean tumblingTimer;

    Lane(Shard shard) {
      this.shard = shard;
      this.windowStart = ctx.clock().nanos();
    }

    /** After a restart: a batch that stopped between attempts is tried again. */
    void resume() {
      if (batch != null && !invoking && !retryScheduled) {
        attempt();
      } else {
        maybeInvoke();
      }
    }

    void maybeInvoke() {
      if (batch != null || !running) {
        return;
      }
      if (!halves.isEmpty()) {
        batch = halves.pollFirst();
        attempt();
        return;
      }
      if (config.tumblingWindow() != null ? tumblingTurn() : buffer.isEmpty()) {
        if (buffer.isEmpty() && tumblingStart == null) {
          shard.laneIdle();
        }
        return;
      }
      long now = ctx.clock().nanos();
      long windowEnd = windowStart + config.maximumBatchingWindow().toNanos();
      if (buffer.size() < config.batchSize() && now < windowEnd) {
        if (!windowTimer) {
          windowTimer = true;
          ctx.scheduler()
              .atNanos(
                  windowEnd,
                  () -> {
                    windowTimer = false;
                    maybeInvoke();
                  });
        }
        return;
      }
      List<SourceRecord> next = new ArrayList<>();
      while (next.size() < config.batchSize()
          && !buffer.isEmpty()
          && (tumblingStart == null || tumblingStart.equals(windowOf(buffer.peekFirst())))) {
        next.add(buffer.pollFirst());
      }
      batch = next;
      retries = 0;
      attempts = 0;
      attempt();
    }

    /**
     * With {@code TumblingWindowInSeconds}: closes the open window with its final invocation (empty
     * records, {@code isFinalInvokeForWindow}) once its end has passed and none of its records
     * wait, or at once when its state went over 1 MB; opens the window of the next record. A batch
     * never spans two windows. Windows are [k T, (k + 1) T) of the records' arrival times from the
     * Unix epoch (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html).
     *
     * @return true when this turn is handled (a final invocation started, or nothing to send)
     */
    private boolean tumblingTurn() {
      SourceRecord head = buffer.peekFirst();
      if (tumblingStart != null) {
        boolean headInWindow = head != null && tumblingStart.equals(windowOf(head));
        long end = ctx.clock().toNanos(tumblingStart.plus(config.tumblingWindow()));
        if (tumblingTerminatedEarly || (!headInWindow && ctx.clock().nanos() >= end)) {
          batch = new ArrayList<>();
          tumblingFinal = true;
          retries = 0;
          attempts = 0;
          attempt();
          return true;
        }
        if (!headInWindow) {
          if (!tumblingTimer) {
            tumblingTimer = true;
            ctx.scheduler()
                .atNanos(
                    end,
                    () -> {
                      tumblingTimer = false;
                      maybeInvoke();
                    });
          }
          return true;
        }
        return false;
      }
      if (head == null) {
        return true;
      }
      tumblingStart = windowOf(head);
      tumblingState = new LinkedHashMap<>();
      return false;
    }

    private Instant windowOf(SourceRecord r) {
      long seconds = config.tumblingWindow().toSeconds();
      return Instant.ofEpochSecond(Math.floorDiv(r.arrival().getEpochSecond(), seconds) * seconds);
    }

    private Object event(List<SourceRecord> sent) {
      if (config.tumblingWindow() == null || tumblingStart == null) {
        return source.event(shard.shardId, sent);
      }
      TimeWindow window =
          new TimeWindow(
              tumblingStart.toString(), tumblingStart.plus(config.tumblingWindow()).toString());
      return source.windowEvent(
          shard.shardId,
          sent,
          new WindowInvoke(
              window,
              new LinkedHashMap<>(tumblingState),
              tumblingFinal,
              tumblingFinal && tumblingTerminatedEarly));
    }

    /** Keeps the state a window invocation returned; over 1 MB it ends the window early. */
    private void keepState(InvokeResult result) {
      if (tumblingStart == null
          || tumblingFinal
          || !(result.payload() instanceof TimeWindowEventResponse response)
          || response.getState() == null) {
        return;
      }
      tumblingState = new LinkedHashMap<>(response.getState());
      long bytes = 0;
      for (Map.Entry<String, String> e : tumblingState.entrySet()) {
        bytes += utf8(e.getKey()) + utf8(e.getValue());
      }
      if (bytes > LambdaLimits.TUMBLING_WINDOW_MAXIMUM_STATE_BYTES) {
        tumblingTerminatedEarly = true;
      }
    }

    void attempt() {
      retryScheduled = false;
      if (!running) {
        return;
      }
      long now = ctx.clock().nanos();
      Duration maxAge = config.maximumRecordAge();
      if (maxAge != null
          && !batch.isEmpty()
          && now - ctx.clock().toNanos(batch.get(0).arrival()) >= maxAge.toNanos()) {
        // Discarded in a task of its own, so that a run of old batches does not nest calls.
        ctx.scheduler().atNanos(now, () -> discard("RecordAgeExceeded", null));
        return;
      }
      List<SourceRecord> sent = batch;
      invoking = true;
      boolean started =
          lambda.invokeForMapping(function, qualifier, event(sent), r -> ended(sent, r));
      if (!started) {
        invoking = false;
        // Throttles are not retries: try again later, while the records age.
        recordIteratorAge(sent);
        scheduleRetry();
        return;
      }
      attempts++;
    }

    private void scheduleRetry() {
      if (!retryScheduled) {
        retryScheduled = true;
        ctx.scheduler().after(RETRY_DELAY, this::attempt);
      }
    }

    void ended(List<SourceRecord> sent, InvokeResult result) {
      invoking = false;
      lastRequestId = result.requestId();
      recordIteratorAge(sent);
      int failedFrom = failedFrom(sent, result);
      if (!result.isFunctionError()) {
        keepState(result);
      }
      if (failedFrom < 0) {
        done(sent.size(), "Success");
        return;
      }
      if (failedFrom > 0) {
        // Checkpoint before the lowest reported record; retry the rest.
        batch = new ArrayList<>(sent.subList(failedFrom, sent.size()));
      }
      if (result.isFunctionError() && config.bisectBatchOnFunctionError() && batch.size() > 1) {
        int half = (batch.size() + 1) / 2;
        halves.addFirst(new ArrayList<>(batch.subList(half, batch.size())));
        batch = new ArrayList<>(batch.subList(0, half));
        attempt(); // splits do not count as retries
        return;
      }
      retries++;
      int max = config.maximumRetryAttempts();
      if (max >= 0 && retries > max) {
        discard("RetryAttemptsExhausted", result);
        return;
      }
      scheduleRetry();
    }

    /** The index of the first record to retry, or -1 when the batch succeeded. */
    private int failedFrom(List<SourceRecord> sent, InvokeResult result) {
      if (result.isFunctionError()) {
        return 0;
      }
      List<String> failures = new ArrayList<>();
      if (config.tumblingWindow() != null && tumblingStart != null && !tumblingFinal) {
        // "The response must contain state, or the invocation counts as failed"
        // (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html, time windows).
        if (!(result.payload() instanceof TimeWindowEventResponse response)
            || response.getState() == null) {
          return 0;
        }
        if (config.reportBatchItemFailures() && response.getBatchItemFailures() != null) {
          for (TimeWindowEventResponse.BatchItemFailure f : response.getBatchItemFailures()) {
            failures.add(f == null ? null : f.getItemIdentifier());
          }
        }
      } else {
        if (!config.reportBatchItemFailures() || result.payload() == null) {
          return -1;
        }
        if (!(result.payload() instanceof StreamsEventResponse response)) {
          return 0;
        }
        if (response.getBatchItemFailures() != null) {
          for (StreamsEventResponse.BatchItemFailure f : response.getBatchItemFailures()) {
            failures.add(f == null ? null : f.getItemIdentifier());
          }
        }
      }
      if (failures.isEmpty()) {
        return -1;
      }
      int lowest = Integer.MAX_VALUE;
      for (String id : failures) {
        int index = -1;
        for (int i = 0; id != null && i < sent.size(); i++) {
          if (sent.get(i).sequenceNumber().equals(id)) {
            index = i;
            break;
          }
        }
        if (index < 0) {
          return 0; // an empty, null or unknown identifier fails the whole batch
        }
        lowest = Math.min(lowest, index);
      }
      return lowest;
    }

    private void trace(LambdaEventType type, String key, String value, String outcome) {
      ctx.trace()
          .record(
              type,
              function.name,
              ImmutableMap.of(
                  "eventSourceArn",
                  source.arn(),
                  "shardId",
                  shard.shardId,
                  key,
                  value,
                  "outcome",
                  outcome));
    }

    private void done(int size, String outcome) {
      trace(LambdaEventType.BATCH_PROCESSED, "size", Integer.toString(size), outcome);
      if (tumblingFinal) {
        tumblingStart = null;
        tumblingState = null;
        tumblingFinal = false;
        tumblingTerminatedEarly = false;
      }
      batch = null;
      retries = 0;
      attempts = 0;
      windowStart = ctx.clock().nanos();
      if (buffer.isEmpty() && halves.isEmpty()) {
        shard.poll(); // Lambda reads on at once while records remain
      } else {
        maybeInvoke();
      }
    }

    private void discard(String condition, InvokeResult result) {
      trace(LambdaEventType.BATCH_DISCARDED, "size", Integer.toString(batch.size()), condition);
      sendFailureRecord(condition, result);
      done(batch.size(), condition);
    }

    private void sendFailureRecord(String condition, InvokeResult result) {
      String destination = config.onFailureDestinationArn();
      if (destination == null || batch.isEmpty()) {
        return;
      }
      SourceRecord first = batch.get(0);
      SourceRecord last = batch.get(batch.size() - 1);
      String body =
          "{\"requestContext\":{\"requestId\":"
              + Json.string(lastRequestId)
              + ",\"functionArn\":"
              + Json.string(function.arn)
              + ",\"condition\":"
              + Json.string(condition)
              + ",\"approximateInvokeCount\":"
              + attempts
              + "},\"responseContext\":{\"statusCode\":200,\"executedVersion\":"
              + Json.string(qualifier)
              + ",\"functionError\":"
              + Json.string(result != null && result.isFunctionError() ? "Unhandled" : null)
              + "},\"version\":\"1.0\",\"timestamp\":"
              + Json.string(ctx.clock().now().toString())
              + ",\""
              + source.batchInfoKey()
              + "\":{\"shardId\":"
              + Json.string(shard.shardId)
              + ",\"startSequenceNumber\":"
              + Json.string(first.sequenceNumber())
              + ",\"endSequenceNumber\":"
              + Json.string(last.sequenceNumber())
              + ",\"approximateArrivalOfFirstRecord\":"
              + Json.string(first.arrival().toString())
              + ",\"approximateArrivalOfLastRecord\":"
              + Json.string(last.arrival().toString())
              + ",\"batchSize\":"
              + batch.size()
              + ",\"streamArn\":"
              + Json.string(source.arn())
              + "}}";
      if (!destinations.send(destination, body, Map.of())) {
        // The destination is gone or refuses the record: the batch is discarded all the same.
        ctx.metrics()
            .record(Lambda.NAMESPACE, "DestinationDeliveryFailures", function.dimensions, 1);
      }
    }
  }

  private static long utf8(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Whether every parent of {@code child} this mapping reads has been read to its end. */
  private boolean parentsDone(ShardStart child) {
    for (String p : child.parents()) {
      if (finished.contains(p)) {
        continue;
      }
      if (shards.containsKey(p)) {
        return false;
      }
      for (ShardStart w : waitingChildren) {
        if (w.shardId().equals(p)) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code IteratorAge}: the age of the batch's last record, in milliseconds. */
  private void recordIteratorAge(List<SourceRecord> sent) {
    if (sent.isEmpty()) {
      return; // a tumbling window's final invocation carries no records
    }
    long age = ctx.clock().nanos() - ctx.clock().toNanos(sent.get(sent.size() - 1).arrival());
    ctx.metrics().record(Lambda.NAMESPACE, "IteratorAge", function.dimensions, age / 1e6);
  }
}
