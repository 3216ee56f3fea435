package dev.awssim.xray;

/**
 * A sampler's answer for one request: whether it is sampled, by which rule, and why.
 *
 * @param sampled whether the request is traced ({@code Sampled=1} in its trace header)
 * @param ruleName the rule that matched (the first in priority order)
 * @param reason reservoir, borrowed, fixed rate, or not sampled
 */
public record SamplingDecision(boolean sampled, String ruleName, SamplingReason reason) {}
