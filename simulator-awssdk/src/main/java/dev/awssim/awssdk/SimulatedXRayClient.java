package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.awssim.xray.GetSamplingTargetsResult;
import dev.awssim.xray.SamplingRuleUpdate;
import dev.awssim.xray.XRay;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.XRayServiceClientConfiguration;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleResponse;
import software.amazon.awssdk.services.xray.model.DeleteSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.DeleteSamplingRuleResponse;
import software.amazon.awssdk.services.xray.model.GetSamplingRulesRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingRulesResponse;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsRequest;
import software.amazon.awssdk.services.xray.model.GetSamplingTargetsResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.RuleLimitExceededException;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingRuleRecord;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;
import software.amazon.awssdk.services.xray.model.SamplingTargetDocument;
import software.amazon.awssdk.services.xray.model.ThrottledException;
import software.amazon.awssdk.services.xray.model.UnprocessedStatistics;
import software.amazon.awssdk.services.xray.model.UpdateSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.UpdateSamplingRuleResponse;
import software.amazon.awssdk.services.xray.model.XRayException;

/**
 * An {@link XRayClient} over the simulation's {@link XRay}: the sampling operations
 * (GetSamplingRules, GetSamplingTargets, CreateSamplingRule, UpdateSamplingRule,
 * DeleteSamplingRule) with the SDK's modelled exceptions ({@code InvalidRequestException}, {@code
 * RuleLimitExceededException}, {@code ThrottledException}). GetSamplingRules returns every rule in
 * one page. Traces, groups and the other X-Ray operations throw the interface's {@code
 * UnsupportedOperationException}.
 */
final class SimulatedXRayClient implements XRayClient {
  /** X-Ray: the error code is the exception's simple name. */
  static final ServiceErrors ERRORS =
      new ServiceErrors(
          "XRay",
          XRayException::builder,
          ImmutableMap
              .<String,
                  java.util.function.Supplier<
                      software.amazon.awssdk.awscore.exception.AwsServiceException.Builder>>
                  builder()
              .put("InvalidRequestException", InvalidRequestException::builder)
              .put("RuleLimitExceededException", RuleLimitExceededException::builder)
              .put("ThrottledException", ThrottledException::builder)
              .buildOrThrow(),
          dev.awssim.engine.AwsServiceException::errorCode,
          (e, b) -> {});

  private final XRay xray;
  private final RetryExecutor retries;

  SimulatedXRayClient(XRay xray, RetryExecutor retries) {
    this.xray = checkNotNull(xray, "xray");
    this.retries = checkNotNull(retries, "retries");
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {
    // Nothing to release: no connection was opened.
  }

  @Override
  public XRayServiceClientConfiguration serviceClientConfiguration() {
    return XRayServiceClientConfiguration.builder()
        .region(Region.of(retries.context().account().region()))
        .build();
  }

  @Override
  public GetSamplingRulesResponse getSamplingRules(GetSamplingRulesRequest request) {
    return retries.call(
        "GetSamplingRules",
        () ->
            GetSamplingRulesResponse.builder()
                .samplingRuleRecords(
                    xray.getSamplingRules().stream().map(SimulatedXRayClient::toSdk).toList())
                .build());
  }

  @Override
  public CreateSamplingRuleResponse createSamplingRule(CreateSamplingRuleRequest request) {
    return retries.call(
        "CreateSamplingRule",
        () ->
            CreateSamplingRuleResponse.builder()
                .samplingRuleRecord(toSdk(xray.createSamplingRule(fromSdk(request.samplingRule()))))
                .build());
  }

  @Override
  public UpdateSamplingRuleResponse updateSamplingRule(UpdateSamplingRuleRequest request) {
    return retries.call(
        "UpdateSamplingRule",
        () -> {
          software.amazon.awssdk.services.xray.model.SamplingRuleUpdate u =
              request.samplingRuleUpdate();
          SamplingRuleUpdate update =
              u == null
                  ? null
                  : new SamplingRuleUpdate(
                      u.ruleName(),
                      u.ruleARN(),
                      u.resourceARN(),
                      u.priority(),
                      u.fixedRate(),
                      u.reservoirSize(),
                      u.serviceName(),
                      u.serviceType(),
                      u.host(),
                      u.httpMethod(),
                      u.urlPath(),
                      u.hasAttributes() ? u.attributes() : null);
          return UpdateSamplingRuleResponse.builder()
              .samplingRuleRecord(toSdk(xray.updateSamplingRule(update)))
              .build();
        });
  }

  @Override
  public DeleteSamplingRuleResponse deleteSamplingRule(DeleteSamplingRuleRequest request) {
    return retries.call(
        "DeleteSamplingRule",
        () ->
            DeleteSamplingRuleResponse.builder()
                .samplingRuleRecord(
                    toSdk(xray.deleteSamplingRule(request.ruleName(), request.ruleARN())))
                .build());
  }

  @Override
  public GetSamplingTargetsResponse getSamplingTargets(GetSamplingTargetsRequest request) {
    return retries.call(
        "GetSamplingTargets",
        () -> {
          List<dev.awssim.xray.SamplingStatisticsDocument> docs = new ArrayList<>();
          if (request.hasSamplingStatisticsDocuments()) {
            for (SamplingStatisticsDocument d : request.samplingStatisticsDocuments()) {
              docs.add(
                  new dev.awssim.xray.SamplingStatisticsDocument(
                      d.ruleName(),
                      d.clientID(),
                      d.timestamp(),
                      count(d.requestCount()),
                      count(d.sampledCount()),
                      count(d.borrowCount())));
            }
          }
          GetSamplingTargetsResult r = xray.getSamplingTargets(docs);
          return GetSamplingTargetsResponse.builder()
              .samplingTargetDocuments(
                  r.samplingTargetDocuments().stream()
                      .map(
                          t ->
                              SamplingTargetDocument.builder()
                                  .ruleName(t.ruleName())
                                  .fixedRate(t.fixedRate())
                                  .reservoirQuota(t.reservoirQuota())
                                  .reservoirQuotaTTL(t.reservoirQuotaTtl())
                                  .interval((int) t.interval().toSeconds())
                                  .build())
                      .toList())
              .lastRuleModification(r.lastRuleModification())
              .unprocessedStatistics(
                  r.unprocessedStatistics().stream()
                      .map(
                          u ->
                              UnprocessedStatistics.builder()
                                  .ruleName(u.ruleName())
                                  .errorCode(u.errorCode())
                                  .message(u.message())
                                  .build())
                      .toList())
              .build();
        });
  }

  /** A missing count is invalid: X-Ray requires all three; -1 makes the model reject it. */
  private static int count(Integer n) {
    return n == null ? -1 : n;
  }

  private static dev.awssim.xray.SamplingRule fromSdk(SamplingRule r) {
    if (r == null) {
      return null;
    }
    return new dev.awssim.xray.SamplingRule(
        r.ruleName(),
        r.ruleARN(),
        r.resourceARN(),
        r.priority(),
        r.fixedRate(),
        r.reservoirSize(),
        r.serviceName(),
        r.serviceType(),
        r.host(),
        r.httpMethod(),
        r.urlPath(),
        r.version(),
        r.hasAttributes() ? r.attributes() : null);
  }

  private static SamplingRuleRecord toSdk(dev.awssim.xray.SamplingRuleRecord rec) {
    dev.awssim.xray.SamplingRule r = rec.samplingRule();
    return SamplingRuleRecord.builder()
        .samplingRule(
            SamplingRule.builder()
                .ruleName(r.ruleName())
                .ruleARN(r.ruleArn())
                .resourceARN(r.resourceArn())
                .priority(r.priority())
                .fixedRate(r.fixedRate())
                .reservoirSize(r.reservoirSize())
                .serviceName(r.serviceName())
                .serviceType(r.serviceType())
                .host(r.host())
                .httpMethod(r.httpMethod())
                .urlPath(r.urlPath())
                .version(r.version())
                .attributes(r.attributes())
                .build())
        .createdAt(rec.createdAt())
        .modifiedAt(rec.modifiedAt())
        .build();
  }
}
