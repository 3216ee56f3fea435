package dev.awssim.xray;

import java.time.Duration;
import java.time.Instant;

/**
 * What X-Ray tells one instance to do for one rule ({@code
 * https://docs.aws.amazon.com/xray/latest/api/API_SamplingTargetDocument.html}): the rate, the
 * reservoir quota (requests per second for this instance), until when the quota holds, and how
 * often to report.
 *
 * @param ruleName the rule
 * @param fixedRate the rate to apply beyond the quota
 * @param reservoirQuota sampled requests per second this instance may take from the reservoir, or
 *     null when X-Ray assigns none
 * @param reservoirQuotaTtl until when the quota holds (exclusive), or null with no quota
 * @param interval how often the instance should report
 */
public record SamplingTargetDocument(
    String ruleName,
    double fixedRate,
    Integer reservoirQuota,
    Instant reservoirQuotaTtl,
    Duration interval) {}
