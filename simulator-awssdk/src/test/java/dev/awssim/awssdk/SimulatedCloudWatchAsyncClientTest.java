package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** PutMetricData through the SDK's {@link CloudWatchAsyncClient} into the simulation's metrics. */
class SimulatedCloudWatchAsyncClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(3);
  private final CloudWatchAsyncClient cloudWatch = SimulatedAws.from(sim).cloudWatchAsyncClient();
  private final MetricKey key =
      new MetricKey("KinesisClientLibrary", "RecordsProcessed", Dimensions.of("ShardId", "s-0"));

  private static MetricDatum datum(int dimensions) {
    List<Dimension> dims = new ArrayList<>();
    for (int i = 0; i < dimensions; i++) {
      dims.add(Dimension.builder().name("D" + i).value("v").build());
    }
    return MetricDatum.builder().metricName("M").dimensions(dims).value(1.0).build();
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return assertThrows(CompletionException.class, f::join).getCause();
  }

  private Datapoint only() {
    List<Datapoint> points =
        sim.metrics()
            .getMetricStatistics(
                key, sim.clock().start(), sim.now().plusSeconds(1), Duration.ofMinutes(1));
    assertEquals(1, points.size());
    return points.get(0);
  }

  @Test
  void putMetricData_valueAndStatisticSet_recordedWithTheirStatistics() {
    cloudWatch
        .putMetricData(
            b ->
                b.namespace("KinesisClientLibrary")
                    .metricData(
                        MetricDatum.builder()
                            .metricName("RecordsProcessed")
                            .dimensions(Dimension.builder().name("ShardId").value("s-0").build())
                            .unit(StandardUnit.COUNT)
                            .value(10.0)
                            .build(),
                        MetricDatum.builder()
                            .metricName("RecordsProcessed")
                            .dimensions(Dimension.builder().name("ShardId").value("s-0").build())
                            .statisticValues(
                                s -> s.sampleCount(4.0).sum(20.0).minimum(2.0).maximum(8.0))
                            .build()))
        .join();

    Datapoint p = only();
    assertEquals(30.0, p.sum());
    assertEquals(5.0, (double) p.sampleCount());
    assertEquals(2.0, p.minimum());
    assertEquals(10.0, p.maximum());
  }

  @Test
  void putMetricData_1000Metrics_accepted_1001_rejectedAndNothingRecorded() {
    List<MetricDatum> thousand = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      thousand.add(datum(0));
    }
    cloudWatch.putMetricData(b -> b.namespace("App").metricData(thousand)).join();
    List<MetricDatum> tooMany = new ArrayList<>(thousand);
    tooMany.add(datum(0));

    Throwable e = failure(cloudWatch.putMetricData(b -> b.namespace("App").metricData(tooMany)));

    InvalidParameterValueException ipv = assertInstanceOf(InvalidParameterValueException.class, e);
    assertEquals(400, ipv.statusCode());
    assertEquals("InvalidParameterValue", ipv.awsErrorDetails().errorCode());
    assertEquals(
        1000.0, sim.metrics().total(new MetricKey("App", "M", Dimensions.none())), "first only");
  }

  @Test
  void putMetricData_30Dimensions_accepted_31_rejected() {
    cloudWatch.putMetricData(b -> b.namespace("App").metricData(datum(30))).join();

    Throwable e = failure(cloudWatch.putMetricData(b -> b.namespace("App").metricData(datum(31))));

    assertInstanceOf(InvalidParameterValueException.class, e);
  }

  @Test
  void putMetricData_reservedNamespaceOrNaN_rejected() {
    assertInstanceOf(
        InvalidParameterValueException.class,
        failure(cloudWatch.putMetricData(b -> b.namespace("AWS/Kinesis").metricData(datum(0)))));
    assertInstanceOf(
        InvalidParameterValueException.class,
        failure(
            cloudWatch.putMetricData(
                b ->
                    b.namespace("App")
                        .metricData(
                            MetricDatum.builder().metricName("M").value(Double.NaN).build()))));
    assertTrue(sim.metrics().listMetrics("App").isEmpty());
  }

  @Test
  void putMetricData_valueAndStatisticValues_invalidCombination() {
    MetricDatum both =
        MetricDatum.builder()
            .metricName("M")
            .value(1.0)
            .statisticValues(s -> s.sampleCount(1.0).sum(1.0).minimum(1.0).maximum(1.0))
            .build();

    assertInstanceOf(
        InvalidParameterCombinationException.class,
        failure(cloudWatch.putMetricData(b -> b.namespace("App").metricData(both))));
  }
}
