package dev.awssim.xray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sampling decision of local and centralized samplers, on virtual time. */
class XRaySamplingTest {
  private static final SamplingRequest SHOP = SamplingRequest.of("shop");

  @Test
  void localSampler_steadyLoad_firstRequestEachSecondPlusFivePercentOfTheRest() {
    AwsSimulator sim = AwsSimulator.withSeed(7);
    Sampler sampler = sim.xray().localSampler("web-1");
    int seconds = 100;
    int perSecond = 100;
    int fromRate = 0;
    for (int s = 0; s < seconds; s++) {
      int reservoir = 0;
      for (int i = 0; i < perSecond; i++) {
        SamplingDecision d = sampler.shouldSample(SHOP);
        assertEquals("Default", d.ruleName());
        if (d.reason() == SamplingReason.RESERVOIR) {
          assertEquals(0, i, "the reservoir takes the first request of the second");
          reservoir++;
        } else if (d.reason() == SamplingReason.FIXED_RATE) {
          fromRate++;
        }
        sim.advanceBy(Duration.ofMillis(10));
      }
      assertEquals(1, reservoir, "reservoir 1 per second, second " + s);
    }
    // The rest are 100 x 99 = 9,900 Bernoulli(0.05) draws: mean 495, standard deviation
    // sqrt(9,900 x 0.05 x 0.95) = 21.7. Four standard deviations (87) either side: [408, 582].
    assertTrue(fromRate >= 408 && fromRate <= 582, "sampled by the 5 % rate: " + fromRate);
  }

  @Test
  void localSampler_quietService_everyRequestSampled() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    Sampler sampler = sim.xray().localSampler("web-1");
    for (int i = 0; i < 60; i++) {
      assertEquals(SamplingReason.RESERVOIR, sampler.shouldSample(SHOP).reason());
      sim.advanceBy(Duration.ofSeconds(1));
    }
  }

  @Test
  void reservoir_countsPerWholeSecond_notASlidingWindow() {
    AwsSimulator sim = AwsSimulator.builder().seed(3).build();
    Sampler sampler =
        sim.xray().localSampler("web-1", List.of(rule("all", 1).fixedRate(0.0).build()));
    sim.advanceBy(Duration.ofMillis(999));
    assertEquals(SamplingReason.RESERVOIR, sampler.shouldSample(SHOP).reason());
    sim.advanceBy(Duration.ofNanos(999_999));
    // t = 0.999999999 s: still the same second, the reservoir of 1 is spent
    assertEquals(SamplingReason.NOT_SAMPLED, sampler.shouldSample(SHOP).reason());
    sim.advanceBy(Duration.ofNanos(1));
    // t = 1.000000000 s: a new second, a full reservoir, 1 ns after the last reservoir sample
    assertEquals(SamplingReason.RESERVOIR, sampler.shouldSample(SHOP).reason());
  }

  @Test
  void localSamplers_eachInstanceHasItsOwnReservoir() {
    AwsSimulator sim = AwsSimulator.withSeed(3);
    List<Sampler> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      instances.add(sim.xray().localSampler("web-" + i));
    }
    int reservoir = 0;
    for (Sampler s : instances) {
      for (int i = 0; i < 10; i++) {
        if (s.shouldSample(SHOP).reason() == SamplingReason.RESERVOIR) {
          reservoir++;
        }
      }
    }
    assertEquals(3, reservoir);
  }

  @Test
  void rules_ascendingPriority_firstMatchDecides_wildcards() {
    AwsSimulator sim = AwsSimulator.withSeed(5);
    XRay xray = sim.xray();
    xray.createSamplingRule(
        rule("health", 1).fixedRate(0.0).reservoirSize(0).urlPath("/health*").build());
    xray.createSamplingRule(
        rule("posts", 20).fixedRate(1.0).reservoirSize(0).httpMethod("POST").build());
    xray.createSamplingRule(
        rule("v1", 10)
            .fixedRate(1.0)
            .reservoirSize(0)
            .urlPath("/api/v?/*")
            .host("*.EXAMPLE.com")
            .build());
    Sampler s = xray.centralizedSampler();
    assertEquals(
        "health",
        s.shouldSample(SamplingRequest.http("shop", "a.example.com", "POST", "/healthz"))
            .ruleName());
    assertEquals(
        "v1",
        s.shouldSample(SamplingRequest.http("shop", "a.example.com", "POST", "/api/v2/orders"))
            .ruleName());
    // '?' is exactly one character: v10 does not match /api/v?/
    assertEquals(
        "posts",
        s.shouldSample(SamplingRequest.http("shop", "a.example.com", "POST", "/api/v10/orders"))
            .ruleName());
    SamplingDecision get =
        s.shouldSample(SamplingRequest.http("shop", "a.example.org", "GET", "/api/v1/x"));
    assertEquals("Default", get.ruleName());
    assertEquals(
        List.of("health", "v1", "posts", "Default"),
        xray.getSamplingRules().stream().map(r -> r.samplingRule().ruleName()).toList());
  }

  @Test
  void centralized_beforeAnyQuota_borrowsOnePerSecond() {
    AwsSimulator sim = AwsSimulator.withSeed(11);
    sim.xray().updateSamplingRule(SamplingRuleUpdate.rateAndReservoir("Default", 0.0, 50));
    Sampler s = sim.xray().centralizedSampler();
    assertEquals(SamplingReason.BORROWED, s.shouldSample(SHOP).reason());
    // a reservoir of 50, but without a quota the instance borrows 1 per second only
    for (int i = 0; i < 20; i++) {
      assertEquals(SamplingReason.NOT_SAMPLED, s.shouldSample(SHOP).reason());
    }
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(SamplingReason.BORROWED, s.shouldSample(SHOP).reason());
    assertNull(s.reservoirQuota("Default"));
  }

  @Test
  void centralized_afterTargets_usesQuotaUntilItsTtl() {
    AwsSimulator sim = AwsSimulator.withSeed(11);
    sim.xray().updateSamplingRule(SamplingRuleUpdate.rateAndReservoir("Default", 0.0, 3));
    Sampler s = sim.xray().centralizedSampler();
    s.shouldSample(SHOP);
    sim.advanceBy(Duration.ofSeconds(10)); // the target poll reports and takes a quota
    s.close(); // no more polls: the quota now ages
    assertEquals(3, s.reservoirQuota("Default"));
    for (int i = 0; i < 3; i++) {
      assertEquals(SamplingReason.RESERVOIR, s.shouldSample(SHOP).reason());
    }
    assertEquals(SamplingReason.NOT_SAMPLED, s.shouldSample(SHOP).reason());
    // the quota holds five minutes from the reply at t = 10 s: [10 s, 310 s)
    sim.advanceBy(Duration.ofMinutes(5).minusNanos(1));
    assertEquals(SamplingReason.RESERVOIR, s.shouldSample(SHOP).reason());
    sim.advanceBy(Duration.ofNanos(1));
    assertNull(s.reservoirQuota("Default"));
    assertEquals(SamplingReason.BORROWED, s.shouldSample(SHOP).reason());
  }

  @Test
  void getSamplingTargets_reservoirSplitBetweenReportingInstances() {
    AwsSimulator sim = AwsSimulator.withSeed(2);
    sim.xray().updateSamplingRule(SamplingRuleUpdate.rateAndReservoir("Default", 0.05, 5));
    Sampler a = sim.xray().centralizedSampler();
    Sampler b = sim.xray().centralizedSampler();
    a.shouldSample(SHOP);
    b.shouldSample(SHOP);
    sim.advanceBy(Duration.ofSeconds(10));
    a.shouldSample(SHOP);
    b.shouldSample(SHOP);
    sim.advanceBy(Duration.ofSeconds(10)); // both reported twice: both are known to X-Ray
    int qa = a.reservoirQuota("Default");
    int qb = b.reservoirQuota("Default");
    assertEquals(5, qa + qb);
    assertEquals(1, Math.abs(qa - qb));
  }

  /**
   * [SIM] split of a reservoir R between n reporting instances: ⌊R/n⌋ each and one more for the
   * first R mod n by client ID; the quota holds for 5 minutes from the reply (its TTL,
   * xray-api-sampling.html) and the reporting interval is 10 s.
   */
  @Test
  void getSamplingTargets_threeInstancesReservoir5_quotas2_2_1ByClientId_ttlFiveMinutes() {
    AwsSimulator sim = AwsSimulator.withSeed(4);
    XRay xray = sim.xray();
    xray.updateSamplingRule(SamplingRuleUpdate.rateAndReservoir("Default", 0.1, 5));
    sim.advanceBy(Duration.ofSeconds(3));
    Instant now = sim.clock().now();
    List<String> clients =
        List.of("cccccccccccccccccccccccc", "aaaaaaaaaaaaaaaaaaaaaaaa", "b".repeat(24));
    List<SamplingStatisticsDocument> docs = new ArrayList<>();
    for (String c : clients) {
      docs.add(new SamplingStatisticsDocument("Default", c, now, 10, 2, 1));
    }
    GetSamplingTargetsResult r = xray.getSamplingTargets(docs);
    List<Integer> quotas = new ArrayList<>();
    for (SamplingTargetDocument t : r.samplingTargetDocuments()) {
      quotas.add(t.reservoirQuota());
      assertEquals(0.1, t.fixedRate());
      assertEquals(now.plusSeconds(300), t.reservoirQuotaTtl());
      assertEquals(Duration.ofSeconds(10), t.interval());
    }
    // In the order reported: c is third by client ID, a first, b second.
    assertEquals(List.of(1, 2, 2), quotas);
  }

  /** xray-api-sampling.html: an instance borrows only from a rule whose reservoir is above 0. */
  @Test
  void centralized_reservoirZero_neverBorrows() {
    AwsSimulator sim = AwsSimulator.withSeed(11);
    sim.xray().updateSamplingRule(SamplingRuleUpdate.rateAndReservoir("Default", 0.0, 0));
    Sampler s = sim.xray().centralizedSampler();
    for (int i = 0; i < 5; i++) {
      assertEquals(SamplingReason.NOT_SAMPLED, s.shouldSample(SHOP).reason());
      sim.advanceBy(Duration.ofSeconds(1));
    }
  }

  @Test
  void centralized_ruleChange_reachesTheSamplerAtItsNextTargetPoll() {
    AwsSimulator sim = AwsSimulator.withSeed(2);
    Sampler s = sim.xray().centralizedSampler();
    s.shouldSample(SamplingRequest.of("billing"));
    sim.xray()
        .createSamplingRule(
            rule("billing", 5).serviceName("billing").fixedRate(1.0).reservoirSize(0).build());
    assertEquals("Default", s.shouldSample(SamplingRequest.of("billing")).ruleName());
    sim.advanceBy(Duration.ofSeconds(10));
    assertEquals("billing", s.shouldSample(SamplingRequest.of("billing")).ruleName());
  }

  @Test
  void sameSeed_sameDecisions() {
    assertEquals(decisions(99), decisions(99));
    assertFalse(decisions(99).equals(decisions(100)));
  }

  private static List<SamplingReason> decisions(long seed) {
    AwsSimulator sim = AwsSimulator.withSeed(seed);
    Sampler s = sim.xray().localSampler("web-1");
    List<SamplingReason> out = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      out.add(s.shouldSample(SHOP).reason());
      sim.advanceBy(Duration.ofMillis(5));
    }
    return out;
  }

  static SamplingRule.Builder rule(String name, int priority) {
    return SamplingRule.builder(name).priority(priority).fixedRate(0.05).reservoirSize(1);
  }
}
