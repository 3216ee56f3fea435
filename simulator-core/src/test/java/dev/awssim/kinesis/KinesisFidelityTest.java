package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Read bandwidth over any window, the fan-out pipe, GetShardIterator's rate, shard metrics. */
class KinesisFidelityTest {
  private static final String SHARD = "shardId-000000000000";
  private static final long MIB = 1_048_576;

  private final AwsSimulator sim = AwsSimulator.withSeed(31);
  private final Kinesis kinesis = sim.kinesis();

  @BeforeEach
  void stream() {
    kinesis.createStream("s", 1);
  }

  /** Writes {@code count} records of {@code size} bytes (key "k" included), within 1 MiB/s. */
  private void backlog(int count, int size) {
    long writtenThisSecond = 0;
    for (int i = 0; i < count; i++) {
      if (writtenThisSecond + size > MIB) {
        sim.advanceBy(Duration.ofSeconds(1));
        writtenThisSecond = 0;
      }
      kinesis.putRecord(PutRecordRequest.of("s", new byte[size - 1], "k"));
      writtenThisSecond += size;
    }
    sim.advanceBy(Duration.ofSeconds(1));
  }

  private String trimHorizon() {
    return kinesis.getShardIterator(
        GetShardIteratorRequest.of("s", SHARD, ShardIteratorType.TRIM_HORIZON));
  }

  /** Bytes a reader that calls every 10 ms with {@code limit} gets over {@code seconds}. */
  private long greedyRead(int seconds, Integer limit) {
    String iterator = trimHorizon();
    long bytes = 0;
    for (int tick = 0; tick < seconds * 100; tick++) {
      try {
        GetRecordsResult result = kinesis.getRecords(iterator, limit);
        bytes += result.records().stream().mapToLong(Record::sizeBytes).sum();
        iterator = result.nextShardIterator();
      } catch (KinesisException e) {
        assertEquals("ProvisionedThroughputExceededException", e.errorCode());
      }
      sim.advanceBy(Duration.ofMillis(10));
    }
    return bytes;
  }

  @Test
  void getRecords_greedyReaderOver10Seconds_getsAbout2MiBPerSecond_never30MB() {
    backlog(40, (int) MIB);
    long bytes = greedyRead(10, null);
    // 10 MiB responses: one at t=0 and one at t=5 s, each holding the shard for 5 s.
    assertEquals(20 * MIB, bytes);
  }

  @Test
  void getRecords_responsesJustUnder2MiB_stillHeldTo2MiBPerSecond() {
    // The old rule admitted a call while the last second held under 2 MiB: 4 MiB/s this way.
    backlog(60, 512 * 1024);
    long bytes = greedyRead(10, 3);
    assertTrue(bytes <= 2 * MIB * 10 + 3 * 512 * 1024, bytes + " bytes");
    assertTrue(bytes >= 2 * MIB * 9, bytes + " bytes");
  }

  @Test
  void getRecords_after1MiBResponse_shardHeldForExactlyHalfASecond() {
    backlog(2, (int) MIB);
    String iterator = trimHorizon();
    GetRecordsResult first = kinesis.getRecords(iterator, 1);
    sim.advanceBy(Duration.ofMillis(500).minusNanos(1));
    KinesisException e =
        assertThrows(
            KinesisException.class, () -> kinesis.getRecords(first.nextShardIterator(), 1));
    assertEquals("ProvisionedThroughputExceededException", e.errorCode());
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(1, kinesis.getRecords(first.nextShardIterator(), 1).records().size());
  }

  @Test
  void subscribeToShard_oneMiBRecords_pipeCarriesAtMost2MiBPerSecond() {
    ConsumerDescription consumer = kinesis.registerStreamConsumer(kinesis.streamArn("s"), "app");
    backlog(40, (int) MIB);
    KinesisFanOutTest.Collector collector = new KinesisFanOutTest.Collector();
    kinesis.subscribeToShard(
        consumer.consumerArn(),
        SHARD,
        StartingPosition.of(ShardIteratorType.TRIM_HORIZON),
        collector);
    sim.advanceBy(Duration.ofSeconds(10));
    long pushed =
        collector.events.stream()
            .flatMap(e -> e.records().stream())
            .mapToLong(Record::sizeBytes)
            .sum();
    // One push per 200 ms would carry 5 MiB/s; the pipe allows 2 MiB x 10 s plus one push.
    assertTrue(pushed <= 2 * MIB * 10 + MIB, pushed + " bytes");
    assertTrue(pushed >= 2 * MIB * 10 * 3 / 4, pushed + " bytes");
  }

  @Test
  void getShardIterator_sixthCallInOneSecond_isThrottled_admittedOneSecondAfterTheFirst() {
    for (int i = 0; i < 5; i++) {
      trimHorizon();
      sim.advanceBy(Duration.ofMillis(100));
    }
    KinesisException e = assertThrows(KinesisException.class, this::trimHorizon);
    assertEquals("ProvisionedThroughputExceededException", e.errorCode());
    sim.advanceBy(Duration.ofMillis(500).minusNanos(1));
    assertThrows(KinesisException.class, this::trimHorizon);
    sim.advanceBy(Duration.ofNanos(1));
    assertFalse(trimHorizon().isEmpty());
  }

  private MetricKey shardMetric(String name) {
    return new MetricKey("AWS/Kinesis", name, Dimensions.of("StreamName", "s", "ShardId", SHARD));
  }

  @Test
  void shardLevelMetrics_recordedOnlyWhileEnhancedMonitoringIsEnabled() {
    kinesis.putRecord(PutRecordRequest.of("s", new byte[9], "k"));
    assertFalse(sim.metrics().listMetrics("AWS/Kinesis").contains(shardMetric("IncomingBytes")));

    EnhancedMonitoringResult enabled =
        kinesis.enableEnhancedMonitoring("s", List.of("IncomingBytes", "OutgoingRecords"));
    assertEquals(List.of(), enabled.currentShardLevelMetrics());
    assertEquals(List.of("IncomingBytes", "OutgoingRecords"), enabled.desiredShardLevelMetrics());
    kinesis.putRecord(PutRecordRequest.of("s", new byte[9], "k"));
    assertEquals(10, sim.metrics().total(shardMetric("IncomingBytes")));
    assertFalse(sim.metrics().listMetrics("AWS/Kinesis").contains(shardMetric("IncomingRecords")));

    kinesis.enableEnhancedMonitoring("s", List.of("ALL"));
    assertEquals(
        List.of(
            "IncomingBytes",
            "IncomingRecords",
            "OutgoingBytes",
            "OutgoingRecords",
            "WriteProvisionedThroughputExceeded",
            "ReadProvisionedThroughputExceeded",
            "IteratorAgeMilliseconds"),
        kinesis.describeStreamSummary("s").shardLevelMetrics());
    EnhancedMonitoringResult disabled = kinesis.disableEnhancedMonitoring("s", List.of("ALL"));
    assertEquals(List.of(), disabled.desiredShardLevelMetrics());
    kinesis.putRecord(PutRecordRequest.of("s", new byte[9], "k"));
    assertEquals(10, sim.metrics().total(shardMetric("IncomingBytes")));
  }

  @Test
  void enableEnhancedMonitoring_unknownOrNoMetric_isValidationException_andChangesNothing() {
    for (List<String> bad : List.of(List.<String>of(), List.of("IncomingBytes", "Bogus"))) {
      KinesisException e =
          assertThrows(KinesisException.class, () -> kinesis.enableEnhancedMonitoring("s", bad));
      assertEquals("ValidationException", e.errorCode());
    }
    assertEquals(List.of(), kinesis.describeStreamSummary("s").shardLevelMetrics());
  }
}
