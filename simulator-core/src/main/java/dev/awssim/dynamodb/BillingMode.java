package dev.awssim.dynamodb;

/**
 * How a table is billed: provisioned capacity or on-demand.
 *
 * <pre>{@code
 * BillingMode.PROVISIONED
 * }</pre>
 */
public enum BillingMode {
  PROVISIONED,
  PAY_PER_REQUEST
}
