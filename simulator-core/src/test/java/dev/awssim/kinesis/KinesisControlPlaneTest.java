package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** UpdateStreamMode, UpdateMaxRecordSize and the control-plane rate limits, at AWS's numbers. */
class KinesisControlPlaneTest {
  private static final long MIB = 1_048_576;
  private static final Duration JUST_UNDER_A_SECOND = Duration.ofNanos(999_999_999);

  private final AwsSimulator sim = AwsSimulator.withSeed(17);
  private final Kinesis kinesis = sim.kinesis();

  private static String code(Runnable call) {
    return assertThrows(KinesisException.class, call::run).errorCode();
  }

  /** Makes {@code allowed} calls in one instant, then shows the next one fails until 1 s later. */
  private void assertRate(int allowed, IntConsumer call) {
    for (int i = 0; i < allowed; i++) {
      call.accept(i);
    }
    sim.advanceBy(JUST_UNDER_A_SECOND);
    assertEquals("LimitExceededException", code(() -> call.accept(allowed)));
    sim.advanceBy(Duration.ofNanos(1));
    call.accept(allowed + 1);
  }

  @Test
  void describeStream_11thCallInOneSecond_limitExceeded() {
    kinesis.createStream("s", 1);
    assertRate(10, i -> kinesis.describeStream("s"));
  }

  @Test
  void describeStreamSummary_21stCallInOneSecond_limitExceeded() {
    kinesis.createStream("s", 1);
    assertRate(20, i -> kinesis.describeStreamSummary("s"));
  }

  @Test
  void createStream_6thCallInOneSecond_limitExceeded_andCreatesNothing() {
    assertRate(5, i -> kinesis.createStream("s" + i, 1));
    assertEquals(6, kinesis.listStreams().streamNames().size());
    assertEquals(
        "ResourceNotFoundException",
        code(() -> kinesis.describeStreamSummary("s5")),
        "the throttled CreateStream created nothing");
  }

  @Test
  void deleteStream_6thCallInOneSecond_limitExceeded() {
    for (int i = 0; i < 7; i++) {
      kinesis.createStream("s" + i, 1);
      sim.advanceBy(Duration.ofSeconds(1));
    }
    assertRate(5, i -> kinesis.deleteStream("s" + i));
  }

  @Test
  void listStreams_6thCallInOneSecond_limitExceeded() {
    assertRate(5, i -> kinesis.listStreams());
  }

  @Test
  void listShards_1001stCallInOneSecond_limitExceeded_perStream() {
    kinesis.createStream("a", 1);
    kinesis.createStream("b", 1);
    sim.advanceBy(Duration.ofSeconds(1));
    for (int i = 0; i < 1_000; i++) {
      kinesis.listShards("a");
    }
    assertEquals("LimitExceededException", code(() -> kinesis.listShards("a")));
    assertEquals(1, kinesis.listShards("b").shards().size(), "the limit is per stream");
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(1, kinesis.listShards("a").shards().size());
  }

  @Test
  void splitShard_6thCallInOneSecond_limitExceeded() {
    kinesis.createStream("s", 8);
    assertRate(
        5,
        i ->
            kinesis.splitShard(
                "s",
                "shardId-00000000000" + i,
                Streams.evenRange(i, 8)[0]
                    .toBigInteger()
                    .add(java.math.BigInteger.TEN)
                    .toString()));
  }

  @Test
  void controlPlaneRateLimits_optedOut_describeStreamIsNotLimited() {
    AwsSimulator relaxed =
        AwsSimulator.builder()
            .seed(1)
            .kinesisLimits(KinesisLimits.defaults().withoutControlPlaneRateLimits())
            .build();
    relaxed.kinesis().createStream("s", 1);
    for (int i = 0; i < 100; i++) {
      relaxed.kinesis().describeStream("s");
    }
  }

  @Test
  void updateStreamMode_toOnDemand_keepsShardCount_thenScalesOnWrites() {
    kinesis.createStream("s", 1);
    kinesis.updateStreamMode(kinesis.streamArn("s"), StreamMode.ON_DEMAND);
    StreamDescription d = kinesis.describeStreamSummary("s");
    assertEquals(StreamMode.ON_DEMAND, d.streamMode());
    assertEquals(1, d.openShardCount(), "the shard count is kept at first");
    assertEquals(
        "ValidationException",
        code(() -> kinesis.updateShardCount("s", 2)),
        "UpdateShardCount is for provisioned streams only");
    // 600 KB/s for a minute: over the 500 KB/s at which on-demand splits a shard.
    for (int s = 0; s < 60; s++) {
      kinesis.putRecord(PutRecordRequest.of("s", new byte[600 * 1024], "k" + s));
      sim.advanceBy(Duration.ofSeconds(1));
    }
    assertEquals(2, kinesis.describeStreamSummary("s").openShardCount());
  }

  @Test
  void updateStreamMode_toProvisioned_keepsShardCount_andStopsScaling() {
    kinesis.createStream("s", null, StreamMode.ON_DEMAND);
    kinesis.updateStreamMode(kinesis.streamArn("s"), StreamMode.PROVISIONED);
    assertEquals(4, kinesis.describeStreamSummary("s").openShardCount());
    for (int s = 0; s < 120; s++) {
      kinesis.putRecord(PutRecordRequest.of("s", new byte[600 * 1024], "k"));
      sim.advanceBy(Duration.ofSeconds(1));
    }
    assertEquals(4, kinesis.describeStreamSummary("s").openShardCount());
    assertEquals(4, kinesis.updateShardCount("s", 5));
  }

  @Test
  void updateStreamMode_thirdSwitchWithin24Hours_limitExceeded_untilTheFirstIs24HoursOld() {
    kinesis.createStream("s", 1);
    String arn = kinesis.streamArn("s");
    kinesis.updateStreamMode(arn, StreamMode.ON_DEMAND);
    sim.advanceBy(Duration.ofHours(1));
    kinesis.updateStreamMode(arn, StreamMode.PROVISIONED);
    sim.advanceBy(Duration.ofHours(23).minusNanos(1));
    assertEquals(
        "LimitExceededException", code(() -> kinesis.updateStreamMode(arn, StreamMode.ON_DEMAND)));
    assertEquals(StreamMode.PROVISIONED, kinesis.describeStreamSummary("s").streamMode());
    sim.advanceBy(Duration.ofNanos(1));
    kinesis.updateStreamMode(arn, StreamMode.ON_DEMAND);
    assertEquals(StreamMode.ON_DEMAND, kinesis.describeStreamSummary("s").streamMode());
  }

  @Test
  void updateStreamMode_whileUpdating_resourceInUse() {
    AwsSimulator slow =
        AwsSimulator.builder()
            .seed(2)
            .kinesisLimits(
                KinesisLimits.defaults().withStatusTransitionDelay(Duration.ofSeconds(30)))
            .build();
    Kinesis k = slow.kinesis();
    k.createStream("s", 1);
    slow.advanceBy(Duration.ofSeconds(30));
    k.updateStreamMode(k.streamArn("s"), StreamMode.ON_DEMAND);
    assertEquals(StreamStatus.UPDATING, k.describeStreamSummary("s").streamStatus());
    assertEquals(
        "ResourceInUseException",
        code(() -> k.updateStreamMode(k.streamArn("s"), StreamMode.PROVISIONED)));
    slow.advanceBy(Duration.ofSeconds(30));
    assertEquals(StreamStatus.ACTIVE, k.describeStreamSummary("s").streamStatus());
  }

  @Test
  void updateStreamMode_withoutMode_validationException() {
    kinesis.createStream("s", 1);
    assertEquals(
        "ValidationException", code(() -> kinesis.updateStreamMode(kinesis.streamArn("s"), null)));
  }

  @Test
  void putRecord_over1MiB_byDefault_validationException() {
    kinesis.createStream("s", 1);
    assertEquals(1_024, kinesis.describeStreamSummary("s").maxRecordSizeInKiB());
    kinesis.putRecord(PutRecordRequest.of("s", new byte[(int) MIB - 1], "k"));
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(
        "ValidationException",
        code(() -> kinesis.putRecord(PutRecordRequest.of("s", new byte[(int) MIB], "k"))));
  }

  @Test
  void updateMaxRecordSize_outOfRange_validationException() {
    kinesis.createStream("s", 1);
    String arn = kinesis.streamArn("s");
    assertEquals("ValidationException", code(() -> kinesis.updateMaxRecordSize(arn, 1_023)));
    assertEquals("ValidationException", code(() -> kinesis.updateMaxRecordSize(arn, 10_241)));
    assertEquals("ValidationException", code(() -> kinesis.updateMaxRecordSize(arn, null)));
    assertEquals(1_024, kinesis.describeStreamSummary("s").maxRecordSizeInKiB());
    kinesis.updateMaxRecordSize(arn, 10_240);
    assertEquals(10_240, kinesis.describeStreamSummary("s").maxRecordSizeInKiB());
  }

  @Test
  void putRecord_10MiBAfterUpdateMaxRecordSize_accepted_thenNextWaitsForTheBurstToRefill() {
    kinesis.createStream("s", 1);
    kinesis.updateMaxRecordSize(kinesis.streamArn("s"), 10_240);
    byte[] tenMiB = new byte[(int) (10 * MIB) - 1];
    kinesis.putRecord(PutRecordRequest.of("s", tenMiB, "k"));
    // The burst of 10 MiB refills at the shard's 1 MiB/s: 10 s for the next 10 MiB record.
    sim.advanceBy(Duration.ofSeconds(10).minusNanos(1));
    assertEquals(
        "ProvisionedThroughputExceededException",
        code(() -> kinesis.putRecord(PutRecordRequest.of("s", tenMiB, "k"))));
    sim.advanceBy(Duration.ofNanos(1));
    kinesis.putRecord(PutRecordRequest.of("s", tenMiB, "k"));
    assertEquals(
        "ValidationException",
        code(() -> kinesis.putRecord(PutRecordRequest.of("s", new byte[(int) (10 * MIB)], "k"))),
        "10 MiB is the most, partition key included");
  }

  @Test
  void createStream_withMaxRecordSize_setsIt_andRejectsOutOfRange() {
    kinesis.createStream("s", 1, StreamMode.PROVISIONED, 2_048);
    assertEquals(2_048, kinesis.describeStreamSummary("s").maxRecordSizeInKiB());
    assertEquals(
        "ValidationException",
        code(() -> kinesis.createStream("t", 1, StreamMode.PROVISIONED, 10_241)));
  }

  /** Creates streams within CreateStream's 5 calls a second. */
  private void createStreams(String prefix, int count, int shards) {
    for (int i = 0; i < count; i++) {
      kinesis.createStream(prefix + i, shards);
      if (i % 5 == 4) {
        sim.advanceBy(Duration.ofSeconds(1));
      }
    }
    sim.advanceBy(Duration.ofSeconds(1));
  }

  /** Registers consumers c0.. within RegisterStreamConsumer's 5 calls a second. */
  private List<ConsumerDescription> register(String streamArn, int count) {
    List<ConsumerDescription> consumers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      consumers.add(kinesis.registerStreamConsumer(streamArn, "c" + i));
      if (i % 5 == 4) {
        sim.advanceBy(Duration.ofSeconds(1));
      }
    }
    sim.advanceBy(Duration.ofSeconds(1));
    return consumers;
  }

  @Test
  void updateShardCount_11thCallInOneSecond_limitExceeded_andScalesNothing() {
    createStreams("s", 12, 1);
    assertRate(10, i -> kinesis.updateShardCount("s" + i, 2));
    assertEquals(
        1,
        kinesis.describeStreamSummary("s10").openShardCount(),
        "the throttled UpdateShardCount scaled nothing");
    assertEquals(2, kinesis.describeStreamSummary("s11").openShardCount());
  }

  @Test
  void registerStreamConsumer_6thCallInOneSecond_limitExceeded_perAccount() {
    createStreams("s", 2, 1);
    String a = kinesis.streamArn("s0");
    String b = kinesis.streamArn("s1");
    assertRate(5, i -> kinesis.registerStreamConsumer(i < 3 ? a : b, "c" + i));
    assertEquals(
        List.of("c0", "c1", "c2"),
        kinesis.listStreamConsumers(a).stream().map(ConsumerDescription::consumerName).toList());
    assertEquals(
        List.of("c3", "c4", "c6"),
        kinesis.listStreamConsumers(b).stream().map(ConsumerDescription::consumerName).toList(),
        "the throttled registration of c5 registered nothing");
  }

  @Test
  void describeStreamConsumer_21stCallInOneSecond_limitExceeded_perStream() {
    createStreams("s", 2, 1);
    String arn = register(kinesis.streamArn("s0"), 1).get(0).consumerArn();
    String other = register(kinesis.streamArn("s1"), 1).get(0).consumerArn();
    assertRate(
        20,
        i -> {
          if (i % 2 == 0) {
            kinesis.describeStreamConsumer(arn);
          } else {
            kinesis.describeStreamConsumer(kinesis.streamArn("s0"), "c0", null);
          }
        });
    for (int i = 0; i < 19; i++) {
      kinesis.describeStreamConsumer(arn);
    }
    assertEquals("LimitExceededException", code(() -> kinesis.describeStreamConsumer(arn)));
    assertEquals("c0", kinesis.describeStreamConsumer(other).consumerName(), "per stream");
  }

  @Test
  void listStreamConsumers_6thCallInOneSecond_limitExceeded_perStream() {
    createStreams("s", 2, 1);
    register(kinesis.streamArn("s0"), 1);
    assertRate(5, i -> kinesis.listStreamConsumers(kinesis.streamArn("s0")));
    for (int i = 0; i < 4; i++) {
      kinesis.listStreamConsumers(kinesis.streamArn("s0"));
    }
    assertEquals(0, kinesis.listStreamConsumers(kinesis.streamArn("s1")).size(), "per stream");
  }

  @Test
  void deregisterStreamConsumer_6thCallInOneSecond_limitExceeded_andRemovesNothing() {
    createStreams("s", 1, 1);
    String arn = kinesis.streamArn("s0");
    List<ConsumerDescription> consumers = register(arn, 7);
    assertRate(
        5,
        i -> {
          if (i % 2 == 0) {
            kinesis.deregisterStreamConsumer(arn, "c" + i);
          } else {
            kinesis.deregisterStreamConsumer(null, null, consumers.get(i).consumerArn());
          }
        });
    assertEquals(
        "c5",
        kinesis.describeStreamConsumer(consumers.get(5).consumerArn()).consumerName(),
        "the throttled DeregisterStreamConsumer removed nothing");
  }

  @Test
  void describeStreamConsumer_neitherArnNorStreamAndName_invalidArgument() {
    createStreams("s", 1, 1);
    assertEquals(
        "InvalidArgumentException",
        code(() -> kinesis.describeStreamConsumer(kinesis.streamArn("s0"), null, null)));
    assertEquals(
        "ResourceNotFoundException",
        code(() -> kinesis.describeStreamConsumer(kinesis.streamArn("s0"), "nobody", null)));
  }

  @Test
  void listStreamConsumers_maxResults_pagesInRegistrationOrder_withNextToken() {
    createStreams("s", 1, 1);
    String arn = kinesis.streamArn("s0");
    register(arn, 20);
    List<String> names = new ArrayList<>();
    String token = null;
    List<Integer> sizes = new ArrayList<>();
    do {
      ListStreamConsumersResult page = kinesis.listStreamConsumers(arn, 7, token);
      page.consumers().forEach(c -> names.add(c.consumerName()));
      sizes.add(page.consumers().size());
      token = page.nextToken();
    } while (token != null);
    assertEquals(List.of(7, 7, 6), sizes);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("c" + i);
    }
    assertEquals(expected, names);
    ListStreamConsumersResult all = kinesis.listStreamConsumers(arn, 10_000, null);
    assertEquals(20, all.consumers().size());
    assertNull(all.nextToken());
  }

  @Test
  void listStreamConsumers_consumerDeregisteredBetweenPages_nextPageStartsAfterIt() {
    createStreams("s", 1, 1);
    String arn = kinesis.streamArn("s0");
    register(arn, 4);
    ListStreamConsumersResult first = kinesis.listStreamConsumers(arn, 2, null);
    kinesis.deregisterStreamConsumer(arn, "c1");
    ListStreamConsumersResult second = kinesis.listStreamConsumers(arn, 2, first.nextToken());
    assertEquals(
        List.of("c2", "c3"),
        second.consumers().stream().map(ConsumerDescription::consumerName).toList());
  }

  @Test
  void listStreamConsumers_maxResultsOutsideOneToTenThousand_validationException() {
    createStreams("s", 1, 1);
    String arn = kinesis.streamArn("s0");
    assertEquals("ValidationException", code(() -> kinesis.listStreamConsumers(arn, 0, null)));
    assertEquals("ValidationException", code(() -> kinesis.listStreamConsumers(arn, 10_001, null)));
  }

  @Test
  void listStreamConsumers_nextTokenAt300Seconds_expiredNextToken() {
    createStreams("s", 2, 1);
    String arn = kinesis.streamArn("s0");
    register(arn, 3);
    String token = kinesis.listStreamConsumers(arn, 1, null).nextToken();
    assertEquals(
        "InvalidArgumentException",
        code(() -> kinesis.listStreamConsumers(kinesis.streamArn("s1"), 1, token)),
        "a token is for its own stream");
    assertEquals(
        "InvalidArgumentException", code(() -> kinesis.listStreamConsumers(arn, 1, "forged")));
    sim.advanceBy(Duration.ofMinutes(5).minusNanos(1));
    assertEquals(
        "c1", kinesis.listStreamConsumers(arn, 1, token).consumers().get(0).consumerName());
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(
        "ExpiredNextTokenException", code(() -> kinesis.listStreamConsumers(arn, 1, token)));
  }
}
