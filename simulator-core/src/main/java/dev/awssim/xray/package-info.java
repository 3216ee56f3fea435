/**
 * AWS X-Ray sampling on the virtual clock: {@link dev.awssim.xray.XRay} (the account's sampling
 * rules and the targets exchange) and {@link dev.awssim.xray.Sampler} (the instance side, as the
 * AWS X-Ray SDKs implement it), configured by {@link dev.awssim.xray.XRayLimits}.
 *
 * <h2>How is the model designed, and why?</h2>
 *
 * <p>X-Ray does not decide which requests are traced: each instrumented instance does, with rules
 * it gets from X-Ray (centralized sampling) or carries itself (local rules). So the model has two
 * halves. {@code XRay} stores the rules and answers GetSamplingTargets; a {@code Sampler} holds a
 * copy of the rules and, per rule, a reservoir counter for the current whole second, the quota
 * X-Ray gave it and the counts it will report. Nothing runs per request but one match and, when the
 * reservoir is spent, one draw from the rule's seeded stream.
 *
 * <pre>
 *   request ──▶ first rule that matches (ascending priority, Default last)
 *                 │
 *                 ├─ reservoir has room this second? ──yes──▶ sampled (RESERVOIR / BORROWED)
 *                 └─ no ──▶ draw &lt; FixedRate? ──yes──▶ sampled (FIXED_RATE)
 *                                               └─no──▶ not sampled
 *   one instance, Default rule, 100 requests/s:  1 + about 5 % of 99 = about 5.95 sampled per second
 *   one instance, Default rule, 1 request/s:     every request sampled
 * </pre>
 *
 * <h2>AWS rules followed</h2>
 *
 * <ul>
 *   <li>The default rule: the first request each second and 5 % of the rest ({@code
 *       https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html}); it matches
 *       every request, has priority 10,000 in API output, and only its rate and reservoir change.
 *   <li>Rules match service name, service type, host, HTTP method, URL path and resource ARN with
 *       {@code *} and {@code ?}, case-insensitively as the SDKs do; a field the request does not
 *       carry matches. Priority 1-9,999, rate 0-1, reservoir &ge; 0, name 1-32 characters, field
 *       lengths as in {@code https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html}.
 *   <li>The reservoir counts per integer second of the clock, not a sliding window (the SDKs'
 *       {@code reservoir.py}).
 *   <li>Centralized: before a quota, or after it expires, an instance borrows 1 request per second
 *       from a rule whose reservoir is above 0; a quota holds for its TTL; the instance reports
 *       every 10 s ({@code
 *       https://docs.aws.amazon.com/xray/latest/devguide/xray-api-sampling.html}).
 * </ul>
 *
 * <h2>Where it simplifies</h2>
 *
 * <ul>
 *   <li>X-Ray's split of a reservoir between instances is not documented beyond "evenly": the
 *       simulator gives each of the n instances that reported for the rule in the last two
 *       intervals ⌊R/n⌋ and the first R mod n (by client ID) one more.
 *   <li>No polling jitter; every reply carries a quota; {@code SamplingRateBoost} is ignored.
 *   <li>The fixed-rate draw is {@code nextDouble() < rate}, so a rate of 0 never samples and 1
 *       always does.
 * </ul>
 */
package dev.awssim.xray;
