package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;

/** Reads a CloudWatch-named metric of a simulation into a per-second chart series. */
final class Metrics {
  private Metrics() {}

  static Series perSecond(
      AwsSimulator sim, String label, String namespace, String metric, Dimensions dimensions) {
    Series series = new Series(label);
    MetricKey key = new MetricKey(namespace, metric, dimensions);
    long seconds = sim.clock().elapsed().toSeconds();
    double[] sums = new double[(int) seconds + 1];
    for (Datapoint p :
        sim.metrics()
            .getMetricStatistics(key, sim.clock().start(), sim.now(), Duration.ofSeconds(1))) {
      int second = (int) Duration.between(sim.clock().start(), p.timestamp()).toSeconds();
      if (second < sums.length) {
        sums[second] = p.sum();
      }
    }
    for (int s = 0; s < seconds; s++) {
      series.add(s, sums[s]);
    }
    return series;
  }

  static double total(AwsSimulator sim, String namespace, String metric, Dimensions dimensions) {
    return sim.metrics().total(new MetricKey(namespace, metric, dimensions));
  }
}
