package dev.awssim.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;

/**
 * The AWS account and Region a simulation runs in: one per simulation, the same for every service,
 * so that queue URLs, ARNs and stream records agree with each other.
 *
 * <pre>{@code
 * AwsAccount account = context.account();
 * String arn = "arn:aws:sqs:" + account.region() + ":" + account.accountId() + ":orders";
 * }</pre>
 *
 * @param accountId the 12-digit account ID
 * @param region the Region code, such as {@code us-east-1}
 */
public record AwsAccount(String accountId, String region) {
  /** The account ID of a simulation that sets none: {@value}, as local emulators use. */
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";

  /** The Region of a simulation that sets none: {@value}. */
  public static final String DEFAULT_REGION = "us-east-1";

  /**
   * An AWS account ID is a 12-digit number
   * (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html).
   */
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

  /**
   * Region codes are lower-case words joined by hyphens ending in a number, such as {@code
   * us-east-1} or {@code us-gov-west-1}
   * (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html).
   */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

  private static final AwsAccount DEFAULTS = new AwsAccount(DEFAULT_ACCOUNT_ID, DEFAULT_REGION);

  /**
   * Validates the account.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code accountId} is not 12 digits or {@code region} is not
   *     shaped like a Region code
   */
  public AwsAccount {
    checkNotNull(accountId, "accountId");
    checkNotNull(region, "region");
    checkArgument(
        ACCOUNT_ID.matcher(accountId).matches(), "accountId must be 12 digits: %s", accountId);
    checkArgument(
        REGION.matcher(region).matches(),
        "region must be a Region code such as us-east-1: %s",
        region);
  }

  /** Account {@value #DEFAULT_ACCOUNT_ID} in {@value #DEFAULT_REGION}. */
  public static AwsAccount defaults() {
    return DEFAULTS;
  }
}
