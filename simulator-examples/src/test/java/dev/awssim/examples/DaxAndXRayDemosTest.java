package dev.awssim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The DAX and X-Ray demos show AWS's numbers. */
class DaxAndXRayDemosTest {
  private static DemoResult run(String demo, String... args) {
    Demo d = Demos.find(demo);
    return d.run(Demos.parse(d, args).options());
  }

  @Test
  void daxStaleReads_writeAt60s_staleUntilTheFiveMinuteTtlAt300s() {
    DemoResult result = run("dax-stale-reads");
    // one read a second from t = 60 s (the write) to t = 299 s: the entry cached at 0 s is served
    // until its 5-minute TTL ends at exactly 300 s
    assertEquals("240", result.value("stale reads"));
    assertEquals(2, result.charts().size());
  }

  @Test
  void xraySampling_quietService_everyRequestSampled() {
    DemoResult result = run("xray-sampling", "--max-rate", "1", "--duration-s", "10");
    assertEquals("10", result.value("requests"));
    assertEquals("10", result.value("sampled"));
  }

  @Test
  void xraySampling_rampTo1000_lastSecondNearFivePercent() {
    DemoResult result = run("xray-sampling", "--max-rate", "1000", "--duration-s", "20");
    List<double[]> share = result.charts().get(0).series().get(0).points();
    assertEquals(100.0, share.get(0)[1], 1e-9, "1 request in the first second: sampled");
    double last = share.get(share.size() - 1)[1];
    // 1 + Binomial(999, 0.05) of 1,000: mean 5.1 %, standard deviation 0.69 %; 4 sd either side
    assertTrue(last > 2.3 && last < 7.9, "share at 1,000 requests/s: " + last);
  }
}
