package dev.awssim.apigateway;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;

/**
 * The result of {@code getUsage}: per API key, one {@link UsageDay} for each day from {@code
 * startDate} to {@code endDate} inclusive.
 *
 * <pre>{@code
 * Usage u = gateway.getUsage(planId, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-02"));
 * }</pre>
 *
 * @param usagePlanId the plan
 * @param startDate the first day
 * @param endDate the last day
 * @param items the days by key id, keys in the order they joined the plan
 */
public record Usage(
    String usagePlanId,
    LocalDate startDate,
    LocalDate endDate,
    ImmutableMap<String, ImmutableList<UsageDay>> items) {}
