package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.RuleLimitExceededException;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingRuleRecord;
import software.amazon.awssdk.services.xray.model.SamplingTargetDocument;

/** The sampling operations of XRayClient over the simulation's X-Ray. */
class SimulatedXRayClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(1);
  private final SimulatedAws aws = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build();
  private final XRayClient xray = aws.xRayClient();

  private static SamplingRule.Builder rule(String name, int priority) {
    return SamplingRule.builder()
        .ruleName(name)
        .priority(priority)
        .fixedRate(0.1)
        .reservoirSize(4)
        .resourceARN("*")
        .serviceName("shop")
        .serviceType("*")
        .host("*")
        .httpMethod("GET")
        .urlPath("/api/*")
        .version(1);
  }

  @Test
  void getSamplingRules_fresh_defaultRule() {
    List<SamplingRuleRecord> rules = xray.getSamplingRules(b -> {}).samplingRuleRecords();
    assertEquals(1, rules.size());
    assertEquals("Default", rules.get(0).samplingRule().ruleName());
    assertEquals(1, rules.get(0).samplingRule().reservoirSize());
    assertEquals(0.05, rules.get(0).samplingRule().fixedRate());
  }

  @Test
  void createUpdateDelete_roundTrip() {
    SamplingRuleRecord created =
        xray.createSamplingRule(b -> b.samplingRule(rule("api", 10).build())).samplingRuleRecord();
    assertEquals(
        "arn:aws:xray:us-east-1:000000000000:sampling-rule/api", created.samplingRule().ruleARN());
    xray.updateSamplingRule(b -> b.samplingRuleUpdate(u -> u.ruleName("api").fixedRate(0.5)));
    assertEquals(
        0.5,
        xray.getSamplingRules(b -> {}).samplingRuleRecords().get(0).samplingRule().fixedRate());
    xray.deleteSamplingRule(b -> b.ruleARN(created.samplingRule().ruleARN()));
    assertEquals(1, xray.getSamplingRules(b -> {}).samplingRuleRecords().size());
  }

  @Test
  void createSamplingRule_priority10000_invalidRequestException400() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> xray.createSamplingRule(b -> b.samplingRule(rule("bad", 10_000).build())));
    assertEquals(400, e.statusCode());
    assertEquals("InvalidRequestException", e.awsErrorDetails().errorCode());
    assertThrows(
        InvalidRequestException.class,
        () -> xray.createSamplingRule(b -> b.samplingRule(rule("bad", 1).version(null).build())));
  }

  @Test
  void createSamplingRule_26th_ruleLimitExceeded() {
    for (int i = 1; i <= 25; i++) {
      int p = i;
      xray.createSamplingRule(b -> b.samplingRule(rule("r" + p, p).build()));
    }
    assertThrows(
        RuleLimitExceededException.class,
        () -> xray.createSamplingRule(b -> b.samplingRule(rule("r26", 26).build())));
  }

  @Test
  void getSamplingTargets_oneInstance_wholeReservoirForFiveMinutes() {
    xray.createSamplingRule(b -> b.samplingRule(rule("api", 10).build()));
    Instant now = sim.now();
    GetSamplingTargetsResponse r =
        xray.getSamplingTargets(
            b ->
                b.samplingStatisticsDocuments(
                    d ->
                        d.ruleName("api")
                            .clientID("0123456789abcdef01234567")
                            .timestamp(now)
                            .requestCount(100)
                            .sampledCount(14)
                            .borrowCount(1)));
    SamplingTargetDocument t = r.samplingTargetDocuments().get(0);
    assertEquals(4, t.reservoirQuota());
    assertEquals(0.1, t.fixedRate());
    assertEquals(now.plusSeconds(300), t.reservoirQuotaTTL());
    assertEquals(10, t.interval());
  }

  @Test
  void asyncClient_invalidRequest_failsTheFuture() {
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () -> aws.xRayAsyncClient().deleteSamplingRule(b -> b.ruleName("Default")).join());
    assertEquals(InvalidRequestException.class, e.getCause().getClass());
  }
}
