package dev.awssim.xray;

import java.time.Instant;

/**
 * One instance's counts for one rule since its last report, sent with GetSamplingTargets ({@code
 * https://docs.aws.amazon.com/xray/latest/api/API_SamplingStatisticsDocument.html}).
 *
 * @param ruleName the rule
 * @param clientId the instance's 24-hex-character ID
 * @param timestamp when the counts were taken
 * @param requestCount requests that matched the rule
 * @param sampledCount requests sampled by the rule
 * @param borrowCount requests sampled by borrowing from the reservoir
 */
public record SamplingStatisticsDocument(
    String ruleName,
    String clientId,
    Instant timestamp,
    int requestCount,
    int sampledCount,
    int borrowCount) {}
