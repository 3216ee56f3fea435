package dev.awssim.apigateway;

import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * One day of an API key's usage in a plan, as in {@code GetUsage}: requests used that day and the
 * quota remaining in the period at the end of that day (empty when the plan has no quota).
 *
 * <pre>{@code
 * UsageDay d = usage.items().get(keyId).get(0);
 * }</pre>
 *
 * @param date the UTC day
 * @param used requests counted against the quota that day
 * @param remaining quota left in the period at the end of the day
 */
public record UsageDay(LocalDate date, long used, OptionalLong remaining) {}
