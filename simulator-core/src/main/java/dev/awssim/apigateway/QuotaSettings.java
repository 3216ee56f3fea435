package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.apigateway.ApiGatewayErrors.require;

/**
 * A usage plan quota ({@code API_QuotaSettings.html}): at most {@code limit} requests per API key
 * in each {@code period}; {@code offset} requests are subtracted from the limit in the plan's first
 * period (the current AWS definition, API_QuotaSettings.html).
 *
 * <pre>{@code
 * QuotaSettings q = QuotaSettings.of(1_000, "DAY");
 * }</pre>
 *
 * @param limit the maximum number of requests in a period
 * @param offset requests subtracted from the limit in the first period
 * @param period DAY, WEEK or MONTH
 */
public record QuotaSettings(int limit, int offset, QuotaPeriod period) {
  /**
   * Validates the settings.
   *
   * @throws ApiGatewayException {@code BadRequestException} if the limit is negative, or the offset
   *     is negative or above the limit, or the period is missing
   */
  public QuotaSettings {
    require(limit >= 0, "Invalid quota limit: " + limit + ". The limit must not be negative.");
    require(
        offset >= 0 && offset <= limit,
        "Invalid quota offset: " + offset + ". The offset must be between 0 and the limit.");
    require(period != null, "Quota period is required: DAY, WEEK or MONTH.");
  }

  /**
   * {@code limit} requests per {@code period} (DAY, WEEK or MONTH), no offset.
   *
   * @throws ApiGatewayException {@code BadRequestException} for a negative limit or unknown period
   */
  public static QuotaSettings of(int limit, String period) {
    return new QuotaSettings(limit, 0, QuotaPeriod.parse(checkNotNull(period, "period")));
  }

  /** These settings with {@code offset}. */
  public QuotaSettings withOffset(int offset) {
    return new QuotaSettings(limit, offset, period);
  }
}
