package dev.awssim.xray;

import static dev.awssim.xray.XRaySamplingTest.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CreateSamplingRule, UpdateSamplingRule, DeleteSamplingRule: AWS's validation and errors. */
class XRayRulesTest {
  private final XRay xray = AwsSimulator.withSeed(1).xray();

  private void assertInvalid(SamplingRule r) {
    XRayException e = assertThrows(XRayException.class, () -> xray.createSamplingRule(r));
    assertEquals("InvalidRequestException", e.errorCode());
    assertEquals(400, e.statusCode());
    assertEquals(1, xray.getSamplingRules().size(), "a rejected call changes nothing");
  }

  @Test
  void getSamplingRules_fresh_onlyDefaultOnePerSecondPlusFivePercent() {
    SamplingRule d = xray.getSamplingRules().get(0).samplingRule();
    assertEquals("Default", d.ruleName());
    assertEquals(10_000, d.priority());
    assertEquals(1, d.reservoirSize());
    assertEquals(0.05, d.fixedRate());
    assertEquals("arn:aws:xray:us-east-1:000000000000:sampling-rule/Default", d.ruleArn());
  }

  @Test
  void createSamplingRule_priorityOutside1To9999_invalidRequest() {
    assertInvalid(rule("p0", 0).build());
    assertInvalid(rule("p10000", 10_000).build());
    xray.createSamplingRule(rule("p1", 1).build());
    xray.createSamplingRule(rule("p9999", 9_999).build());
    assertEquals(3, xray.getSamplingRules().size());
  }

  @Test
  void createSamplingRule_rateOutside0To1_invalidRequest() {
    assertInvalid(rule("r", 1).fixedRate(1.000001).build());
    assertInvalid(rule("r", 1).fixedRate(-0.1).build());
    assertInvalid(rule("r", 1).fixedRate(Double.NaN).build());
    xray.createSamplingRule(rule("r1", 1).fixedRate(1.0).build());
    xray.createSamplingRule(rule("r0", 2).fixedRate(0.0).build());
  }

  @Test
  void createSamplingRule_badFields_invalidRequest() {
    assertInvalid(rule("r", 1).reservoirSize(-1).build());
    assertInvalid(rule("", 1).build());
    assertInvalid(rule("x".repeat(33), 1).build());
    assertInvalid(rule("r", 1).httpMethod("x".repeat(11)).build());
    assertInvalid(rule("r", 1).urlPath("/" + "x".repeat(128)).build());
    assertInvalid(rule("r", 1).serviceName("x".repeat(65)).build());
    assertInvalid(rule("r", 1).resourceArn(null).build());
    assertInvalid(rule("r", 1).version(2).build());
    assertInvalid(rule("r", 1).priority(null).build());
    assertInvalid(
        rule("r", 1)
            .attributes(Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"))
            .build());
    xray.createSamplingRule(rule("x".repeat(32), 1).build());
  }

  /**
   * API_SamplingRule.html: ServiceName, ServiceType and Host up to 64 characters, HTTPMethod 10,
   * URLPath 128, ResourceARN 500, up to 5 Attributes of 1 to 32 characters each: the maximum is
   * accepted, one more refused.
   */
  @Test
  void createSamplingRule_fieldLengths_maximumAccepted_oneMoreRefused() {
    List<java.util.function.BiFunction<SamplingRule.Builder, Integer, SamplingRule.Builder>>
        fields =
            List.of(
                (b, n) -> b.serviceName("s".repeat(n)),
                (b, n) -> b.serviceType("t".repeat(n)),
                (b, n) -> b.host("h".repeat(n)),
                (b, n) -> b.httpMethod("M".repeat(n)),
                (b, n) -> b.urlPath("/".repeat(n)),
                (b, n) -> b.resourceArn("a".repeat(n)),
                (b, n) -> b.attributes(Map.of("k".repeat(n), "v")),
                (b, n) -> b.attributes(Map.of("k", "v".repeat(n))));
    List<Integer> maxima = List.of(64, 64, 64, 10, 128, 500, 32, 32);
    for (int i = 0; i < fields.size(); i++) {
      int max = maxima.get(i);
      assertInvalid(fields.get(i).apply(rule("f" + i, i + 1), max + 1).build());
      xray.createSamplingRule(fields.get(i).apply(rule("f" + i, i + 1), max).build());
      xray.deleteSamplingRule("f" + i);
    }
    xray.createSamplingRule(
        rule("five", 1)
            .attributes(Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5"))
            .build());
  }

  @Test
  void createSamplingRule_nameInUse_invalidRequest() {
    xray.createSamplingRule(rule("r", 1).build());
    XRayException e =
        assertThrows(XRayException.class, () -> xray.createSamplingRule(rule("r", 2).build()));
    assertEquals("InvalidRequestException", e.errorCode());
    assertEquals(1, xray.getSamplingRules().get(0).samplingRule().priority());
  }

  @Test
  void createSamplingRule_26thRule_ruleLimitExceeded() {
    for (int i = 0; i < 25; i++) {
      xray.createSamplingRule(rule("r" + i, i + 1).build());
    }
    XRayException e =
        assertThrows(XRayException.class, () -> xray.createSamplingRule(rule("r25", 30).build()));
    assertEquals("RuleLimitExceededException", e.errorCode());
    assertEquals(26, xray.getSamplingRules().size());
  }

  @Test
  void deleteSamplingRule_default_invalidRequest_custom_deleted() {
    XRayException e = assertThrows(XRayException.class, () -> xray.deleteSamplingRule("Default"));
    assertEquals("InvalidRequestException", e.errorCode());
    SamplingRuleRecord created = xray.createSamplingRule(rule("r", 1).build());
    xray.deleteSamplingRule(null, created.samplingRule().ruleArn());
    assertEquals(List.of("Default"), names());
    assertThrows(XRayException.class, () -> xray.deleteSamplingRule("r"));
    assertThrows(XRayException.class, () -> xray.deleteSamplingRule("r", "arn"));
  }

  @Test
  void updateSamplingRule_default_onlyRateAndReservoir() {
    xray.updateSamplingRule(SamplingRuleUpdate.rateAndReservoir("Default", 0.1, 10));
    SamplingRule d = xray.getSamplingRules().get(0).samplingRule();
    assertEquals(0.1, d.fixedRate());
    assertEquals(10, d.reservoirSize());
    SamplingRuleUpdate host =
        new SamplingRuleUpdate(
            "Default", null, null, null, null, null, null, null, "x", null, null, null);
    assertThrows(XRayException.class, () -> xray.updateSamplingRule(host));
    assertThrows(
        XRayException.class,
        () -> xray.updateSamplingRule(SamplingRuleUpdate.rateAndReservoir("Default", 1.5, null)));
    assertEquals(0.1, xray.getSamplingRules().get(0).samplingRule().fixedRate());
  }

  @Test
  void getSamplingTargets_badDocuments_invalidRequest() {
    assertThrows(XRayException.class, () -> xray.getSamplingTargets(List.of()));
    SamplingStatisticsDocument badId =
        new SamplingStatisticsDocument("Default", "abc", java.time.Instant.EPOCH, 1, 1, 0);
    assertThrows(XRayException.class, () -> xray.getSamplingTargets(List.of(badId)));
    SamplingStatisticsDocument unknown =
        new SamplingStatisticsDocument(
            "nope", "0123456789abcdef01234567", java.time.Instant.EPOCH, 1, 1, 0);
    GetSamplingTargetsResult r = xray.getSamplingTargets(List.of(unknown));
    assertEquals(0, r.samplingTargetDocuments().size());
    assertEquals("nope", r.unprocessedStatistics().get(0).ruleName());
  }

  private List<String> names() {
    return xray.getSamplingRules().stream().map(r -> r.samplingRule().ruleName()).toList();
  }
}
