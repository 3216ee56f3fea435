package dev.awssim.xray;

/** Why a request was or was not sampled. */
public enum SamplingReason {
  /** Taken from the rule's reservoir: a local reservoir or the quota X-Ray assigned. */
  RESERVOIR,
  /** Borrowed from the rule's reservoir (1 per second) while the instance had no valid quota. */
  BORROWED,
  /** Sampled by the rule's fixed rate after the reservoir was used up this second. */
  FIXED_RATE,
  /** Not sampled: the reservoir was used up and the fixed-rate draw said no. */
  NOT_SAMPLED
}
