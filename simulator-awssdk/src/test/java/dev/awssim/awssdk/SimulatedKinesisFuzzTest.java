package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.awssim.AwsSimulator;
import dev.awssim.kinesis.KinesisLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;

/**
 * Seeded fuzzing of the SDK {@link KinesisClient}: requests drawn from a catalogue of each
 * parameter's documented constraints (valid values, values just outside the range, nulls, malformed
 * strings). Every call either succeeds or throws the SDK's modelled {@link KinesisException} with
 * an AWS error code and HTTP 400; a rejected call leaves the streams as they were; never a raw Java
 * exception. The seed of a failure is in the test's name.
 */
class SimulatedKinesisFuzzTest {
  private final List<String> iterators = new ArrayList<>();
  private final List<String> sequenceNumbers = new ArrayList<>();
  private SplittableRandom random;

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  private String streamName() {
    return pick("s", "s", "s", "t", "missing", null, "", "x".repeat(129), "bad name!");
  }

  private String shardId() {
    return pick(
        "shardId-000000000000", "shardId-000000000001", "shardId-000000000009", null, "", "?");
  }

  private Integer count() {
    return pick(null, -1, 0, 1, 2, 3, 10_001);
  }

  private SdkBytes data() {
    return pick(
        SdkBytes.fromByteArray(new byte[0]),
        SdkBytes.fromByteArray(new byte[10]),
        SdkBytes.fromByteArray(new byte[1_048_576]),
        SdkBytes.fromByteArray(new byte[1_048_575]),
        null);
  }

  private String partitionKey() {
    return pick("k", "key-2", "", null, "p".repeat(256), "p".repeat(257));
  }

  private String hashKey() {
    return pick(null, null, "0", "-1", "abc", "340282366920938463463374607431768211456", "1");
  }

  private String iterator() {
    return iterators.isEmpty() || random.nextInt(3) == 0
        ? pick(null, "", "garbage", "AAAA")
        : iterators.get(random.nextInt(iterators.size()));
  }

  private String sequenceNumber() {
    return sequenceNumbers.isEmpty() || random.nextInt(3) == 0
        ? pick(null, "", "1", "49" + "9".repeat(54))
        : sequenceNumbers.get(random.nextInt(sequenceNumbers.size()));
  }

  private List<Supplier<Object>> catalogue(KinesisClient kinesis, Instant start) {
    List<Supplier<Object>> calls = new ArrayList<>();
    calls.add(() -> kinesis.createStream(b -> b.streamName(streamName()).shardCount(count())));
    calls.add(
        () -> {
          var r =
              kinesis.putRecord(
                  b ->
                      b.streamName(streamName())
                          .data(data())
                          .partitionKey(partitionKey())
                          .explicitHashKey(hashKey())
                          .sequenceNumberForOrdering(pick(null, "0", "01", "x")));
          sequenceNumbers.add(r.sequenceNumber());
          return r;
        });
    calls.add(
        () ->
            kinesis.putRecords(
                b ->
                    b.streamName(streamName())
                        .records(
                            random.nextInt(5) == 0
                                ? List.of()
                                : List.of(
                                    software.amazon.awssdk.services.kinesis.model
                                        .PutRecordsRequestEntry.builder()
                                        .data(data())
                                        .partitionKey(partitionKey())
                                        .explicitHashKey(hashKey())
                                        .build()))));
    calls.add(
        () -> {
          var r =
              kinesis.getShardIterator(
                  b ->
                      b.streamName(streamName())
                          .shardId(shardId())
                          .shardIteratorType(
                              pick(
                                  "TRIM_HORIZON",
                                  "LATEST",
                                  "AT_SEQUENCE_NUMBER",
                                  "AFTER_SEQUENCE_NUMBER",
                                  "AT_TIMESTAMP",
                                  "BOGUS",
                                  null))
                          .startingSequenceNumber(sequenceNumber())
                          .timestamp(pick(null, start, start.plusSeconds(3_600))));
          iterators.add(r.shardIterator());
          return r;
        });
    calls.add(
        () -> {
          var r = kinesis.getRecords(b -> b.shardIterator(iterator()).limit(count()));
          if (r.nextShardIterator() != null) {
            iterators.add(r.nextShardIterator());
          }
          return r;
        });
    calls.add(
        () ->
            kinesis.listShards(
                b ->
                    b.streamName(streamName())
                        .maxResults(count())
                        .shardFilter(
                            random.nextBoolean()
                                ? null
                                : software.amazon.awssdk.services.kinesis.model.ShardFilter
                                    .builder()
                                    .type(
                                        pick(
                                            "AT_LATEST",
                                            "AT_TRIM_HORIZON",
                                            "AFTER_SHARD_ID",
                                            "AT_TIMESTAMP",
                                            "FROM_TIMESTAMP",
                                            "FROM_TRIM_HORIZON",
                                            "NOPE",
                                            null))
                                    .shardId(pick(null, shardId()))
                                    .timestamp(pick(null, start))
                                    .build())));
    calls.add(() -> kinesis.listShards(b -> b.nextToken(pick("", "garbage", null))));
    calls.add(
        () ->
            kinesis.splitShard(
                b ->
                    b.streamName(streamName())
                        .shardToSplit(shardId())
                        .newStartingHashKey(hashKey())));
    calls.add(
        () ->
            kinesis.mergeShards(
                b ->
                    b.streamName(streamName())
                        .shardToMerge(shardId())
                        .adjacentShardToMerge(shardId())));
    calls.add(
        () ->
            kinesis.updateShardCount(
                b ->
                    b.streamName(streamName())
                        .targetShardCount(count())
                        .scalingType(pick("UNIFORM_SCALING", null, "OTHER"))));
    calls.add(
        () ->
            kinesis.increaseStreamRetentionPeriod(
                b ->
                    b.streamName(streamName())
                        .retentionPeriodHours(pick(null, 23, 24, 48, 8_761))));
    calls.add(
        () ->
            kinesis.decreaseStreamRetentionPeriod(
                b ->
                    b.streamName(streamName())
                        .retentionPeriodHours(pick(null, 23, 24, 48, 8_761))));
    calls.add(
        () ->
            kinesis.enableEnhancedMonitoring(
                b ->
                    b.streamName(streamName())
                        .shardLevelMetricsWithStrings(pick("ALL", "IncomingBytes", "Nope"))));
    calls.add(
        () ->
            kinesis.registerStreamConsumer(
                b ->
                    b.streamARN(pick(null, "arn:aws:kinesis:us-east-1:000000000000:stream/s", "x"))
                        .consumerName(pick("app", null, "", "bad name"))));
    calls.add(() -> kinesis.describeStream(b -> b.streamName(streamName()).limit(count())));
    return calls;
  }

  /** What a rejected call must leave unchanged, as the SDK shows it. */
  private static String snapshot(KinesisClient kinesis) {
    StringBuilder state = new StringBuilder();
    for (String name : kinesis.listStreams().streamNames()) {
      var summary =
          kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary();
      state
          .append(name)
          .append(summary.retentionPeriodHours())
          .append(summary.enhancedMonitoring());
      state.append(summary.consumerCount());
      kinesis.listShards(b -> b.streamName(name)).shards().forEach(s -> state.append(s));
    }
    return state.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14})
  void randomRequests_succeedOrThrowTheModelledException_rejectedLeaveStateUnchanged(long seed) {
    random = new SplittableRandom(seed);
    // The snapshot around every call describes every stream: without the opt-out it would itself
    // run into the control-plane rate limits (tested on their own in
    // SimulatedKinesisControlPlaneTest).
    AwsSimulator sim =
        AwsSimulator.builder()
            .seed(seed)
            .kinesisLimits(KinesisLimits.defaults().withoutControlPlaneRateLimits())
            .build();
    KinesisClient kinesis =
        SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().kinesisClient();
    kinesis.createStream(b -> b.streamName("s").shardCount(2));
    List<Supplier<Object>> calls = catalogue(kinesis, sim.clock().now());
    for (int i = 0; i < 600; i++) {
      int op = random.nextInt(calls.size());
      String before = snapshot(kinesis);
      try {
        assertNotNull(calls.get(op).get());
      } catch (KinesisException e) {
        assertNotNull(e.awsErrorDetails().errorCode(), "call " + i + " op " + op);
        assertEquals(400, e.statusCode(), "call " + i + " op " + op + ": " + e.getMessage());
        assertEquals(before, snapshot(kinesis), "call " + i + " op " + op + ": " + e.getMessage());
      } catch (RuntimeException e) {
        fail("call " + i + " op " + op + " threw a raw " + e, e);
      }
      sim.advanceBy(Duration.ofMillis(random.nextInt(2_000)));
    }
  }
}
