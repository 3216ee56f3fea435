package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.Set;

/**
 * The account-level limits of the simulated API Gateway in one Region (limits.html): the throttle
 * shared by every REST and HTTP API of the account, and the API key count.
 *
 * <pre>{@code
 * ApiGatewayLimits capeTown = ApiGatewayLimits.lowerDefaultRegion();
 * ApiGatewayLimits raised = ApiGatewayLimits.defaults().withAccountThrottle(20_000, 5_000);
 * }</pre>
 *
 * @param accountRateLimit the account's steady-state requests per second
 * @param accountBurstLimit the account's bucket size
 * @param maxApiKeys API keys per account per Region
 */
public record ApiGatewayLimits(double accountRateLimit, int accountBurstLimit, int maxApiKeys) {
  /** 10,000 requests per second per account per Region (limits.html; since 2017-06-06). */
  public static final double DEFAULT_ACCOUNT_RATE_LIMIT = 10_000;

  /** A burst of 5,000 requests per account per Region (limits.html). */
  public static final int DEFAULT_ACCOUNT_BURST_LIMIT = 5_000;

  /**
   * 2,500 requests per second in the lower-default Regions such as Africa (Cape Town) and Europe
   * (Milan) (limits.html).
   */
  public static final double LOWER_REGION_ACCOUNT_RATE_LIMIT = 2_500;

  /** A burst of 1,250 in the lower-default Regions (limits.html). */
  public static final int LOWER_REGION_ACCOUNT_BURST_LIMIT = 1_250;

  /** 10,000 API keys per account per Region (limits.html). */
  public static final int DEFAULT_MAX_API_KEYS = 10_000;

  /**
   * The largest response a stage cache stores, 1,048,576 bytes; larger responses are served but not
   * cached. Source: {@code
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html}.
   */
  public static final long MAX_CACHED_RESPONSE_BYTES = 1_048_576;

  /**
   * The largest request payload of a REST or HTTP API, 10 MB, which cannot be increased; a larger
   * body gets the {@code REQUEST_TOO_LARGE} gateway response (413). [SIM] "10 MB" is read as 10 x
   * 1,048,576 = 10,485,760 bytes of the UTF-8 body, the binary reading the simulator uses for every
   * AWS size. Source: {@code
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html}.
   */
  public static final long MAX_PAYLOAD_BYTES = 10L * 1_048_576;

  /**
   * The default (and, without a quota increase, the largest) REST API integration timeout, 29 s.
   * Source: {@code https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html}.
   */
  public static final Duration REST_DEFAULT_INTEGRATION_TIMEOUT = Duration.ofSeconds(29);

  /**
   * The shortest integration timeout, 50 ms, for REST and HTTP APIs. Source: {@code
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html}.
   */
  public static final Duration MIN_INTEGRATION_TIMEOUT = Duration.ofMillis(50);

  /**
   * The largest HTTP API integration timeout, 30 s, which cannot be increased; it is also the
   * default of an HTTP API route. Source: {@code
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html}.
   */
  public static final Duration HTTP_MAX_INTEGRATION_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a value is negative or not finite
   */
  public ApiGatewayLimits {
    checkArgument(
        Double.isFinite(accountRateLimit) && accountRateLimit >= 0,
        "accountRateLimit must be a finite non-negative number: %s",
        accountRateLimit);
    checkArgument(accountBurstLimit >= 0, "accountBurstLimit must not be negative");
    checkArgument(maxApiKeys >= 0, "maxApiKeys must not be negative");
  }

  /** AWS's defaults for most Regions: 10,000 RPS, burst 5,000, 10,000 keys. */
  public static ApiGatewayLimits defaults() {
    return new ApiGatewayLimits(
        DEFAULT_ACCOUNT_RATE_LIMIT, DEFAULT_ACCOUNT_BURST_LIMIT, DEFAULT_MAX_API_KEYS);
  }

  /** AWS's defaults for the lower-default Regions: 2,500 RPS, burst 1,250. */
  public static ApiGatewayLimits lowerDefaultRegion() {
    return new ApiGatewayLimits(
        LOWER_REGION_ACCOUNT_RATE_LIMIT, LOWER_REGION_ACCOUNT_BURST_LIMIT, DEFAULT_MAX_API_KEYS);
  }

  /**
   * The Regions whose default account throttle is 2,500 RPS with a burst of 1,250 (limits.html):
   * Africa (Cape Town), Europe (Milan), Asia Pacific (Jakarta), Middle East (UAE), Asia Pacific
   * (Hyderabad), Asia Pacific (Melbourne), Europe (Spain), Europe (Zurich), Israel (Tel Aviv),
   * Canada West (Calgary), Asia Pacific (Malaysia), Asia Pacific (Thailand) and Mexico (Central).
   */
  public static final Set<String> LOWER_DEFAULT_REGIONS =
      Set.of(
          "af-south-1",
          "eu-south-1",
          "ap-southeast-3",
          "me-central-1",
          "ap-south-2",
          "ap-southeast-4",
          "eu-south-2",
          "eu-central-2",
          "il-central-1",
          "ca-west-1",
          "ap-southeast-5",
          "ap-southeast-7",
          "mx-central-1");

  /**
   * AWS's defaults for {@code region}: {@link #lowerDefaultRegion()} in the {@link
   * #LOWER_DEFAULT_REGIONS}, {@link #defaults()} elsewhere.
   *
   * @throws NullPointerException if {@code region} is null
   */
  public static ApiGatewayLimits forRegion(String region) {
    return LOWER_DEFAULT_REGIONS.contains(checkNotNull(region, "region"))
        ? lowerDefaultRegion()
        : defaults();
  }

  /**
   * These limits with the account throttle {@code rateLimit}/{@code burstLimit} (a raised quota).
   *
   * @throws IllegalArgumentException if a value is negative
   */
  public ApiGatewayLimits withAccountThrottle(double rateLimit, int burstLimit) {
    return new ApiGatewayLimits(rateLimit, burstLimit, maxApiKeys);
  }

  /** These limits with {@code maxApiKeys}. */
  public ApiGatewayLimits withMaxApiKeys(int maxApiKeys) {
    return new ApiGatewayLimits(accountRateLimit, accountBurstLimit, maxApiKeys);
  }
}
