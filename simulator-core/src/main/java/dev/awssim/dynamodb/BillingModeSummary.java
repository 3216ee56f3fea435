package dev.awssim.dynamodb;

/**
 * The billing mode of a table and when it last changed.
 *
 * <pre>{@code
 * summary.billingMode()
 * }</pre>
 *
 * @param billingMode the mode
 * @param lastUpdateToPayPerRequestDateTime last switch to on-demand, or null
 */
public record BillingModeSummary(
    BillingMode billingMode, java.time.Instant lastUpdateToPayPerRequestDateTime) {}
