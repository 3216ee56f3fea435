package dev.awssim.kinesis;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.time.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Enhanced fan-out ({@code
 * https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html}): consumers registered to
 * a stream, each with its own 2 MiB/s pipe per shard that does not count against the shared read
 * limits; SubscribeToShard pushes records on virtual time for up to 5 minutes.
 *
 * <p>[SIM] A subscription pushes every 200 ms of virtual time when records are waiting and its pipe
 * is free (up to 2 MiB/s x 0.2 s of them, at least one record), and an empty heartbeat after 5 s
 * without one. A push of N bytes holds the pipe for N / (2 MiB/s), so that over any span of t
 * seconds a pipe carries at most 2 MiB x t plus one push, whatever the record size: a large record
 * waits for the pipe. A second SubscribeToShard for the same consumer and shard within 5 s of the
 * last successful one fails with ResourceInUseException; a later one takes over and the old
 * subscription ends with that error.
 *
 * <p>A subscription costs nothing while it has nothing to do: rather than a ticker every 200 ms, it
 * keeps at most one wake-up on the scheduler, at the first 200 ms step (counted from its start) at
 * which it can act: records waiting, demand and a free pipe; else its next heartbeat; else its end.
 * A record written to its shard, a closed shard or a new request brings that wake-up forward. So
 * 10,000 subscriptions cost no thread each and O(log n) scheduler work per event pushed, and an
 * idle one one wake-up per heartbeat. Consumers are found by their ARN in O(1).
 */
final class FanOut {
  private static final Duration PUSH_INTERVAL = KinesisLimits.FAN_OUT_PUSH_INTERVAL;
  private static final Duration HEARTBEAT = KinesisLimits.FAN_OUT_HEARTBEAT;
  private static final Duration RESUBSCRIBE_GUARD = KinesisLimits.SUBSCRIBE_RESUBSCRIBE_GUARD;
  private static final long PIPE_BYTES_PER_SECOND = KinesisLimits.FAN_OUT_PIPE_BYTES_PER_SECOND;

  private final Streams streams;
  private final ShardReader reader;
  private final ConsumerListing listing;

  /** Registrations so far: each consumer's place in its stream's ListStreamConsumers order. */
  private long registrations;

  FanOut(Streams streams, ShardReader reader) {
    this.streams = streams;
    this.reader = reader;
    this.listing = new ConsumerListing(streams);
  }

  ConsumerDescription register(String streamArn, String consumerName) {
    Streams.validateName(consumerName, "consumerName");
    DataStream stream = streams.requireByArn(streamArn);
    streams.rates.admit(ControlPlaneRates.Action.REGISTER_STREAM_CONSUMER);
    if (stream.consumers.containsKey(consumerName)) {
      throw KinesisErrors.resourceInUse(
          "Consumer "
              + consumerName
              + " under stream "
              + stream.name
              + " already exists for account "
              + streams.limits.accountId()
              + ".");
    }
    if (stream.consumers.size() >= streams.limits.consumersPerStream()) {
      throw KinesisErrors.limitExceeded(
          "Stream "
              + stream.name
              + " already has "
              + stream.consumers.size()
              + " registered consumers, the maximum.");
    }
    var created = streams.context.clock().now();
    String arn = stream.arn + CONSUMER_INFIX + consumerName + ":" + created.getEpochSecond();
    ConsumerDescription description =
        new ConsumerDescription(consumerName, arn, "ACTIVE", created, stream.arn);
    stream.consumers.put(consumerName, new StreamConsumer(description, registrations++));
    return description;
  }

  void deregister(String streamArn, String consumerName, String consumerArn) {
    StreamConsumer consumer = locate(streamArn, consumerName, consumerArn);
    DataStream stream = streams.requireByArn(consumer.description.streamArn());
    streams.rates.admit(ControlPlaneRates.Action.DEREGISTER_STREAM_CONSUMER, stream.name);
    stream.consumers.remove(consumer.description.consumerName());
    new ArrayList<>(consumer.subscriptions.values()).forEach(Subscription::complete);
  }

  ListStreamConsumersResult list(String streamArn, Integer maxResults, String nextToken) {
    return listing.list(streamArn, maxResults, nextToken);
  }

  ConsumerDescription describe(String streamArn, String consumerName, String consumerArn) {
    StreamConsumer consumer = locate(streamArn, consumerName, consumerArn);
    streams.rates.admit(
        ControlPlaneRates.Action.DESCRIBE_STREAM_CONSUMER,
        streams.requireByArn(consumer.description.streamArn()).name);
    return consumer.description;
  }

  /** The consumer named by its ARN, or by its stream's ARN and its name. */
  private StreamConsumer locate(String streamArn, String consumerName, String consumerArn) {
    if (consumerArn != null) {
      StreamConsumer consumer = locate(consumerArn);
      if ((streamArn != null && !streamArn.equals(consumer.description.streamArn()))
          || (consumerName != null && !consumerName.equals(consumer.description.consumerName()))) {
        throw KinesisErrors.invalidArgument(
            "ConsumerARN " + consumerArn + " does not match the StreamARN or ConsumerName given.");
      }
      return consumer;
    }
    if (streamArn == null || consumerName == null) {
      throw KinesisErrors.invalidArgument(
          "Either ConsumerARN or both StreamARN and ConsumerName must be provided.");
    }
    StreamConsumer consumer = streams.requireByArn(streamArn).consumers.get(consumerName);
    if (consumer == null) {
      throw consumerNotFound(consumerName);
    }
    return consumer;
  }

  Subscription subscribe(
      String consumerArn,
      String shardId,
      StartingPosition position,
      SubscribeToShardListener listener) {
    if (listener == null || position == null || position.type() == null) {
      throw KinesisErrors.validation("startingPosition", null, "Member must not be null");
    }
    StreamConsumer consumer = locate(consumerArn);
    DataStream stream = streams.requireByArn(consumer.description.streamArn());
    Shard shard = streams.requireShard(stream, shardId);
    long now = streams.now();
    Long last = consumer.lastSubscribeNanos.get(shardId);
    if (last != null && now < last + RESUBSCRIBE_GUARD.toNanos()) {
      throw KinesisErrors.resourceInUse(
          "Another active subscription exists for consumer "
              + consumerArn
              + " and shard "
              + shardId
              + ".");
    }
    long ordinal =
        reader.startOrdinal(
            stream,
            shard,
            new GetShardIteratorRequest(
                stream.name,
                shardId,
                position.type(),
                position.sequenceNumber(),
                position.timestamp()));
    Subscription previous = consumer.subscriptions.get(shardId);
    if (previous != null) {
      previous.fail(
          KinesisErrors.resourceInUse(
              "Subscription for consumer "
                  + consumerArn
                  + " and shard "
                  + shardId
                  + " was taken over by a new SubscribeToShard call."));
    }
    consumer.lastSubscribeNanos.put(shardId, now);
    Subscription subscription = new Subscription(stream, shard, consumer, ordinal, listener, now);
    consumer.subscriptions.put(shardId, subscription);
    return subscription;
  }

  /** The consumer of an ARN {@code <stream ARN>/consumer/<name>:<creation epoch second>}. */
  private StreamConsumer locate(String consumerArn) {
    int at = consumerArn == null ? -1 : consumerArn.lastIndexOf(CONSUMER_INFIX);
    int colon = consumerArn == null ? -1 : consumerArn.lastIndexOf(':');
    if (at > 0 && colon > at + CONSUMER_INFIX.length()) {
      DataStream stream;
      try {
        stream = streams.requireByArn(consumerArn.substring(0, at));
      } catch (KinesisException e) {
        throw consumerNotFound(consumerArn);
      }
      StreamConsumer consumer =
          stream.consumers.get(consumerArn.substring(at + CONSUMER_INFIX.length(), colon));
      if (consumer != null && consumer.description.consumerArn().equals(consumerArn)) {
        return consumer;
      }
    }
    throw consumerNotFound(consumerArn);
  }

  private static final String CONSUMER_INFIX = "/consumer/";

  private KinesisException consumerNotFound(String consumer) {
    return KinesisErrors.resourceNotFound(
        "Consumer " + consumer + " under account " + streams.limits.accountId() + " not found.");
  }

  /** One live push subscription of one consumer to one shard. */
  final class Subscription implements ShardSubscription {
    private final DataStream stream;
    private final Shard shard;
    private final StreamConsumer consumer;
    private final SubscribeToShardListener listener;
    private final long startNanos;
    private final long endsAtNanos;
    private long ordinal;
    private long demand;
    private long lastPushNanos;
    private long pipeHeldUntilNanos;
    private boolean done;

    /** The one pending wake-up, due at {@link #wakeAtNanos}; null when none is scheduled. */
    private Cancellable wake;

    private long wakeAtNanos = Long.MAX_VALUE;

    Subscription(
        DataStream stream,
        Shard shard,
        StreamConsumer consumer,
        long ordinal,
        SubscribeToShardListener listener,
        long now) {
      this.stream = stream;
      this.shard = shard;
      this.consumer = consumer;
      this.ordinal = ordinal;
      this.listener = listener;
      this.demand = Math.max(0, listener.initialDemand());
      this.lastPushNanos = now;
      this.startNanos = now;
      this.endsAtNanos = now + KinesisLimits.SUBSCRIPTION_LIFETIME.toNanos();
      shard.subscriptions.add(this);
      reschedule(now);
    }

    /**
     * Something this subscription waits for happened at {@code now} (a record, the shard's close, a
     * request): its next step may come sooner.
     */
    void changed(long now) {
      if (!done) {
        reschedule(now);
      }
    }

    /**
     * Keeps one wake-up, at the first 200 ms step after {@code now} at which a step can act, or the
     * one already pending if that comes first (it recomputes when it runs).
     */
    private void reschedule(long now) {
      long next = nextStep(now);
      if (wake != null && wakeAtNanos <= next) {
        return;
      }
      if (wake != null) {
        wake.cancel();
      }
      wakeAtNanos = next;
      wake = streams.context.scheduler().atNanos(next, this::tick);
    }

    /** The first step after {@code now} that would push or end the subscription. */
    private long nextStep(long now) {
      long next = stepAtOrAfter(endsAtNanos);
      if (demand > 0) {
        long free = Math.max(stepAtOrAfter(now + 1), stepAtOrAfter(pipeHeldUntilNanos));
        boolean waiting = shard.nextOrdinal() > ordinal || !shard.isOpen();
        long at =
            waiting ? free : Math.max(free, stepAtOrAfter(lastPushNanos + HEARTBEAT.toNanos()));
        next = Math.min(next, at);
      }
      return next;
    }

    /** The first of the steps {@code start + k x 200 ms} (k >= 1) at or after {@code t}. */
    private long stepAtOrAfter(long t) {
      long interval = PUSH_INTERVAL.toNanos();
      long k = Math.max(1, Math.floorDiv(t - startNanos + interval - 1, interval));
      return startNanos + k * interval;
    }

    private void tick() {
      synchronized (streams.context.lock()) {
        wake = null;
        wakeAtNanos = Long.MAX_VALUE;
        if (done) {
          return;
        }
        long now = streams.now();
        shard.trim(now, stream.retentionNanos);
        ordinal = Math.max(ordinal, shard.firstOrdinal());
        // Without demand nothing is sent, as HTTP/2 flow control holds AWS back; the records wait.
        if (demand > 0 && now >= pipeHeldUntilNanos) {
          List<Record> records = take();
          boolean atEnd = !shard.isOpen() && ordinal >= shard.nextOrdinal();
          if (!records.isEmpty() || atEnd || now - lastPushNanos >= HEARTBEAT.toNanos()) {
            push(records, atEnd, now);
          }
          if (atEnd) {
            complete();
            return;
          }
        }
        if (now >= endsAtNanos) {
          complete();
          return;
        }
        reschedule(now);
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        throw KinesisErrors.validation("n", n, "Member must have value greater than 0");
      }
      synchronized (streams.context.lock()) {
        if (!done) {
          demand = demand > Long.MAX_VALUE - n ? Long.MAX_VALUE : demand + n;
          reschedule(streams.now());
        }
      }
    }

    private List<Record> take() {
      long budget = PIPE_BYTES_PER_SECOND * PUSH_INTERVAL.toMillis() / 1000;
      List<Record> records = new ArrayList<>();
      long bytes = 0;
      for (Shard.StoredRecord next; (next = shard.at(ordinal)) != null; ordinal++) {
        long size = next.sizeBytes();
        if (!records.isEmpty() && bytes + size > budget) {
          break;
        }
        records.add(next.record());
        bytes += size;
      }
      return records;
    }

    private void push(List<Record> records, boolean atEnd, long now) {
      lastPushNanos = now;
      if (demand != Long.MAX_VALUE) {
        demand--;
      }
      // Where to resume after (AFTER_SEQUENCE_NUMBER): set in every event, heartbeats too, and
      // null only at the end of a closed shard (API_SubscribeToShardEvent.html).
      String continuation = atEnd ? null : ShardReader.sequenceBefore(shard, ordinal);
      long behind = reader.millisBehind(shard, ordinal, now);
      List<ChildShard> children = atEnd ? ShardReader.childShards(stream, shard) : List.of();
      stream.metrics.pushedRecords.record(records.size());
      long bytes = records.stream().mapToLong(Record::sizeBytes).sum();
      pipeHeldUntilNanos = now + ShardReader.holdNanos(bytes, PIPE_BYTES_PER_SECOND);
      stream.metrics.pushedBytes.record((double) bytes);
      stream.metrics.pushedMillisBehind.record((double) behind);
      streams.trace(
          KinesisEventType.PUSHED,
          stream.name,
          ImmutableMap.of(
              "consumer", consumer.description.consumerName(),
              "shardId", shard.id,
              "records", Integer.toString(records.size())));
      listener.onEvent(new SubscribeToShardEvent(records, continuation, behind, children));
    }

    void complete() {
      if (end()) {
        listener.onComplete();
      }
    }

    void fail(KinesisException error) {
      if (end()) {
        listener.onError(error);
      }
    }

    private boolean end() {
      if (done) {
        return false;
      }
      done = true;
      if (wake != null) {
        wake.cancel();
        wake = null;
      }
      shard.subscriptions.remove(this);
      consumer.subscriptions.remove(shard.id, this);
      return true;
    }

    @Override
    public void cancel() {
      synchronized (streams.context.lock()) {
        end();
      }
    }

    @Override
    public boolean isCancelled() {
      synchronized (streams.context.lock()) {
        return done;
      }
    }
  }
}
