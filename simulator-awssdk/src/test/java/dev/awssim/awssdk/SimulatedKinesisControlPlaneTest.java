package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Consumer;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ListStreamConsumersResponse;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** UpdateStreamMode, UpdateMaxRecordSize and control-plane rate limits through the SDK client. */
class SimulatedKinesisControlPlaneTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(23);
  private final KinesisClient kinesis = SimulatedAws.from(sim).kinesisClient();

  private String stream(String name) {
    kinesis.createStream(b -> b.streamName(name).shardCount(1));
    return sim.kinesis().streamArn(name);
  }

  private StreamDescriptionSummary summary(String name) {
    return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary();
  }

  @Test
  void describeStream_11thCallInOneSecond_limitExceededException() {
    stream("s");
    for (int i = 0; i < 10; i++) {
      kinesis.describeStream(b -> b.streamName("s"));
    }
    LimitExceededException e =
        assertThrows(
            LimitExceededException.class, () -> kinesis.describeStream(b -> b.streamName("s")));
    assertEquals(400, e.statusCode());
    sim.advanceBy(Duration.ofSeconds(1));
    kinesis.describeStream(b -> b.streamName("s"));
  }

  @Test
  void describeStreamConsumer_21stCallInOneSecond_limitExceededException() {
    String arn = stream("s");
    kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("app"));
    for (int i = 0; i < 20; i++) {
      kinesis.describeStreamConsumer(b -> b.streamARN(arn).consumerName("app"));
    }
    sim.advanceBy(Duration.ofNanos(999_999_999));
    LimitExceededException e =
        assertThrows(
            LimitExceededException.class,
            () -> kinesis.describeStreamConsumer(b -> b.streamARN(arn).consumerName("app")));
    assertEquals(400, e.statusCode());
    sim.advanceBy(Duration.ofNanos(1));
    kinesis.describeStreamConsumer(b -> b.streamARN(arn).consumerName("app"));
  }

  @Test
  void listStreamConsumers_maxResults_paginatorFollowsNextToken() {
    String arn = stream("s");
    for (int i = 0; i < 5; i++) {
      String name = "c" + i;
      kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName(name));
    }
    ListStreamConsumersResponse first =
        kinesis.listStreamConsumers(b -> b.streamARN(arn).maxResults(2));
    assertEquals(2, first.consumers().size());
    assertEquals(
        List.of("c0", "c1", "c2", "c3", "c4"),
        kinesis.listStreamConsumersPaginator(b -> b.streamARN(arn).maxResults(2)).stream()
            .flatMap(page -> page.consumers().stream())
            .map(Consumer::consumerName)
            .toList());
    assertThrows(
        ValidationException.class,
        () -> kinesis.listStreamConsumers(b -> b.streamARN(arn).maxResults(0)));
  }

  @Test
  void updateStreamMode_thirdSwitchIn24Hours_limitExceededException() {
    String arn = stream("s");
    kinesis.updateStreamMode(
        b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
    assertEquals(StreamMode.ON_DEMAND, summary("s").streamModeDetails().streamMode());
    kinesis.updateStreamMode(
        b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.PROVISIONED)));
    assertEquals(StreamMode.PROVISIONED, summary("s").streamModeDetails().streamMode());
    assertThrows(
        LimitExceededException.class,
        () ->
            kinesis.updateStreamMode(
                b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND))));
    sim.advanceBy(Duration.ofHours(24));
    kinesis.updateStreamMode(
        b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
    assertEquals(StreamMode.ON_DEMAND, summary("s").streamModeDetails().streamMode());
  }

  @Test
  void updateMaxRecordSize_to10MiB_acceptsA10MiBRecord_andOutOfRangeIsValidationException() {
    String arn = stream("s");
    assertEquals(1_024, summary("s").maxRecordSizeInKiB());
    SdkBytes big = SdkBytes.fromByteArray(new byte[10 * 1_048_576 - 1]);
    assertThrows(
        ValidationException.class,
        () -> kinesis.putRecord(b -> b.streamName("s").partitionKey("k").data(big)));
    assertThrows(
        ValidationException.class,
        () -> kinesis.updateMaxRecordSize(b -> b.streamARN(arn).maxRecordSizeInKiB(10_241)));
    kinesis.updateMaxRecordSize(b -> b.streamARN(arn).maxRecordSizeInKiB(10_240));
    assertEquals(10_240, summary("s").maxRecordSizeInKiB());
    kinesis.putRecord(b -> b.streamName("s").partitionKey("k").data(big));
  }

  @Test
  void createStream_withMaxRecordSizeInKiB_reportsIt() {
    kinesis.createStream(b -> b.streamName("s").shardCount(1).maxRecordSizeInKiB(4_096));
    assertEquals(4_096, summary("s").maxRecordSizeInKiB());
  }
}
