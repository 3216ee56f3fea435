package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.xray.Sampler;
import dev.awssim.xray.SamplingDecision;
import dev.awssim.xray.SamplingReason;
import dev.awssim.xray.SamplingRequest;
import java.time.Duration;
import java.util.List;

/**
 * X-Ray sampling: one instance with the default rule receives a load that ramps from 1 to thousands
 * of requests per second; the share it traces falls from every request to about 5 %.
 */
final class XRaySamplingRampDemo implements Demo {
  @Override
  public String name() {
    return "xray-sampling";
  }

  @Override
  public String title() {
    return "X-Ray sampling: 1 request per second plus 5 % of the rest";
  }

  @Override
  public String rule(DemoOptions options) {
    return "The default sampling rule records the first request each second (a reservoir of 1,"
        + " counted per whole second) and 5 % of the others. A quiet service is traced in full;"
        + " a busy one, at "
        + Numbers.count(options.integer("max-rate"))
        + " requests/s, is traced at about 1 + 5 % of the rest.";
  }

  @Override
  public String docUrl() {
    return "https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html";
  }

  @Override
  public List<DemoOption> options() {
    return List.of(
        DemoOption.between("max-rate", "1000", 1, 100_000, "requests per second at the end"),
        DemoOption.between("duration-s", "60", 2, 3_600, "seconds of ramp"));
  }

  @Override
  public List<String> tourArguments() {
    return List.of("--max-rate", "1000", "--duration-s", "30");
  }

  @Override
  public DemoResult run(DemoOptions options) {
    int maxRate = options.integer("max-rate");
    int duration = options.integer("duration-s");
    AwsSimulator sim = AwsSimulator.withSeed(options.seed());
    Sampler sampler = sim.xray().localSampler("web-1");
    SamplingRequest request = SamplingRequest.http("shop", "shop.example.com", "GET", "/");
    Series rate = new Series("requests/s");
    Series sampled = new Series("sampled/s");
    Series fraction = new Series("sampled share, %", DemoResult.Style.LINE);
    DemoResult result =
        new DemoResult(this, options)
            .timeline("t", "requests", "reservoir", "fixed rate", "sampled share");
    long totalRequests = 0;
    long totalSampled = 0;
    for (int s = 0; s < duration; s++) {
      // Geometric ramp from 1 to maxRate requests per second, spread evenly inside the second.
      int n =
          (int) Math.max(1, Math.round(Math.pow(maxRate, s / (double) Math.max(1, duration - 1))));
      int reservoir = 0;
      int fromRate = 0;
      long step = 1_000_000_000L / n;
      for (int i = 0; i < n; i++) {
        SamplingDecision d = sampler.shouldSample(request);
        if (d.reason() == SamplingReason.RESERVOIR) {
          reservoir++;
        } else if (d.reason() == SamplingReason.FIXED_RATE) {
          fromRate++;
        }
        sim.advanceBy(Duration.ofNanos(step));
      }
      sim.advanceTo(sim.clock().start().plusSeconds(s + 1L));
      rate.add(s, n);
      sampled.add(s, reservoir + fromRate);
      fraction.add(s, 100.0 * (reservoir + fromRate) / n);
      totalRequests += n;
      totalSampled += reservoir + fromRate;
      if (s % Math.max(1, duration / 10) == 0 || s == duration - 1) {
        result.row(
            Numbers.seconds(s),
            Numbers.count(n),
            Integer.toString(reservoir),
            Integer.toString(fromRate),
            Numbers.number(100.0 * (reservoir + fromRate) / n) + " %");
      }
    }
    return result
        .keyNumber("requests", Numbers.count(totalRequests), "over the ramp, one instance")
        .keyNumber(
            "sampled",
            Numbers.count(totalSampled),
            "1 per second from the reservoir, then 5 % of the rest (seeded draws)")
        .chart(
            DemoResult.Chart.of("Sampled share of requests", "%", duration, Series.all(fraction))
                .limit("fixed rate, 5 %", 5))
        .chart(
            DemoResult.Chart.of(
                "Requests and sampled requests per second",
                "requests/s",
                duration,
                Series.all(rate, sampled)));
  }
}
