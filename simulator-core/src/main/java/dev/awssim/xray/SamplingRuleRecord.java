package dev.awssim.xray;

import java.time.Instant;

/**
 * A rule as GetSamplingRules returns it, with when it was created and last changed ({@code
 * https://docs.aws.amazon.com/xray/latest/api/API_SamplingRuleRecord.html}).
 *
 * @param samplingRule the rule
 * @param createdAt when it was created
 * @param modifiedAt when it was last changed
 */
public record SamplingRuleRecord(
    SamplingRule samplingRule, Instant createdAt, Instant modifiedAt) {}
