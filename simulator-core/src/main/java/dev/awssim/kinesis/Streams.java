package dev.awssim.kinesis;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_MILLISECOND;

import com.google.common.collect.ImmutableMap;
import dev.awssim.internal.SimulationContext;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The streams of one simulation, by name, with the lookups and checks every operation shares. */
final class Streams {
  private static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

  final SimulationContext context;
  final KinesisLimits limits;
  final SealedTokens tokens;
  final ShardIterators iterators;
  final ControlPlaneRates rates;
  private final Map<String, DataStream> byName = new TreeMap<>();

  /** The clock's start in epoch milliseconds, and the nanoseconds past that millisecond. */
  private final long startEpochMillis;

  private final long startNanosOfMilli;

  Streams(SimulationContext context, KinesisLimits limits) {
    this.context = context;
    this.limits = limits;
    Instant start = context.clock().start();
    this.startEpochMillis = start.toEpochMilli();
    this.startNanosOfMilli =
        Duration.between(Instant.ofEpochMilli(startEpochMillis), start).toNanos();
    this.tokens = new SealedTokens(context.random().stream("kinesis/token-key"));
    this.iterators = new ShardIterators(tokens);
    this.rates = new ControlPlaneRates(this);
  }

  long now() {
    return context.clock().nanos();
  }

  /**
   * The epoch millisecond of elapsed time {@code nanos}, as {@code
   * clock.toInstant(nanos).toEpochMilli()} computes it, without building the instant (once per
   * record written).
   */
  long epochMillis(long nanos) {
    long millis = Math.floorDiv(nanos, NANOS_PER_MILLISECOND);
    long rest = Math.floorMod(nanos, NANOS_PER_MILLISECOND) + startNanosOfMilli;
    return startEpochMillis + millis + rest / NANOS_PER_MILLISECOND;
  }

  Map<String, DataStream> all() {
    return byName;
  }

  /** The stream, in any status. */
  DataStream require(String streamName) {
    // A stream's name was checked when it was made: only a name that finds no stream needs it.
    DataStream stream = streamName == null ? null : byName.get(streamName);
    if (stream == null) {
      validateName(streamName, "streamName");
      throw KinesisErrors.streamNotFound(streamName, limits.accountId());
    }
    stream.sweep(now());
    return stream;
  }

  /** The stream, which must be ACTIVE or UPDATING to be read or written (kinesalite's rule). */
  DataStream requireUsable(String streamName) {
    DataStream stream = require(streamName);
    if (stream.status != StreamStatus.ACTIVE && stream.status != StreamStatus.UPDATING) {
      throw KinesisErrors.streamNotFound(streamName, limits.accountId());
    }
    return stream;
  }

  /**
   * The stream, which must be ACTIVE for a control-plane change ({@code
   * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_SplitShard.html}).
   */
  DataStream requireActive(String streamName) {
    DataStream stream = require(streamName);
    if (stream.status != StreamStatus.ACTIVE) {
      throw KinesisErrors.resourceInUse(
          "Stream "
              + streamName
              + " under account "
              + limits.accountId()
              + " not ACTIVE, instead in state "
              + stream.status);
    }
    return stream;
  }

  DataStream requireByArn(String streamArn) {
    String prefix = arnPrefix();
    if (streamArn == null || !streamArn.startsWith(prefix)) {
      throw KinesisErrors.resourceNotFound("Stream " + streamArn + " not found.");
    }
    return require(streamArn.substring(prefix.length()));
  }

  Shard requireShard(DataStream stream, String shardId) {
    Shard shard = stream.shards.get(shardId);
    if (shard == null || shard.isExpired(now(), stream.retentionNanos)) {
      throw KinesisErrors.resourceNotFound(
          "Could not find shard "
              + shardId
              + " in stream "
              + stream.name
              + " under account "
              + limits.accountId()
              + ".");
    }
    return shard;
  }

  String arn(String streamName) {
    return arnPrefix() + streamName;
  }

  private String arnPrefix() {
    return "arn:aws:kinesis:" + limits.region() + ":" + limits.accountId() + ":stream/";
  }

  /** Shards evenly over the hash-key space: shard i covers [floor(2^128/n)*i, ...] ([SIM] 2.1). */
  void addEvenShards(DataStream stream, int count, Map<Integer, String[]> parents) {
    for (int i = 0; i < count; i++) {
      HashKey[] range = evenRange(i, count);
      String[] parent = parents.getOrDefault(i, new String[2]);
      stream.addShard(parent[0], parent[1], range[0], range[1], this);
    }
  }

  /** The start and end of shard {@code i} of {@code count} even shards. */
  static HashKey[] evenRange(int i, int count) {
    BigInteger width = HashKey.SPACE.divide(BigInteger.valueOf(count));
    HashKey start = HashKey.of(width.multiply(BigInteger.valueOf(i)));
    HashKey end =
        i == count - 1
            ? HashKey.MAX
            : HashKey.of(width.multiply(BigInteger.valueOf(i + 1)).subtract(BigInteger.ONE));
    return new HashKey[] {start, end};
  }

  DataStream create(String streamName, StreamMode mode) {
    DataStream stream =
        new DataStream(
            streamName, arn(streamName), mode, KinesisLimits.DEFAULT_RETENTION.toNanos(), now());
    stream.metrics = new StreamMetrics(context.metrics(), streamName);
    stream.maxRecordBytes = limits.maxRecordBytes();
    byName.put(streamName, stream);
    return stream;
  }

  void remove(String streamName) {
    byName.remove(streamName);
  }

  static void validateName(String value, String member) {
    if (value == null) {
      throw KinesisErrors.validation(member, null, "Member must not be null");
    }
    if (value.isEmpty() || value.length() > 128) {
      throw KinesisErrors.validation(
          member, value, "Member must have length between 1 and 128 characters");
    }
    if (!isName(value)) {
      throw KinesisErrors.validation(
          member, value, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
    }
  }

  /** Whether {@code value} matches {@value #NAME_PATTERN}, without a regex on the hot path. */
  private static boolean isName(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  void trace(KinesisEventType type, String resource, ImmutableMap<String, String> attributes) {
    if (context.trace().isEnabled()) {
      context.trace().record(type, resource, attributes);
    }
  }

  /** Runs {@code change} after the status transition delay (at once when it is zero, [SIM]). */
  void afterTransition(Runnable change) {
    long delay = limits.statusTransitionDelay().toNanos();
    if (delay == 0) {
      change.run();
    } else {
      context
          .scheduler()
          .afterNanos(
              delay,
              () -> {
                synchronized (context.lock()) {
                  change.run();
                }
              });
    }
  }
}
