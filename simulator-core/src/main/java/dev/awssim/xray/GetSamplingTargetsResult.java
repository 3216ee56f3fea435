package dev.awssim.xray;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;

/**
 * The answer to GetSamplingTargets ({@code
 * https://docs.aws.amazon.com/xray/latest/api/API_GetSamplingTargets.html}).
 *
 * @param samplingTargetDocuments one target per reported rule, in the order reported
 * @param lastRuleModification when the rules last changed: an instance whose copy is older fetches
 *     them again
 * @param unprocessedStatistics the documents X-Ray did not process
 */
public record GetSamplingTargetsResult(
    List<SamplingTargetDocument> samplingTargetDocuments,
    Instant lastRuleModification,
    List<UnprocessedStatistics> unprocessedStatistics) {

  /** Copies the lists. */
  public GetSamplingTargetsResult {
    samplingTargetDocuments = ImmutableList.copyOf(samplingTargetDocuments);
    unprocessedStatistics = ImmutableList.copyOf(unprocessedStatistics);
  }
}
