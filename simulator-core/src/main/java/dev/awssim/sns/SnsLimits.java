package dev.awssim.sns;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/**
 * The limits of simulated Amazon SNS, AWS's documented numbers by default.
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.builder().snsLimits(SnsLimits.defaults()).build();
 * }</pre>
 *
 * @param maxMessageBytes the largest published message, and the largest PublishBatch total
 * @param maxBatchEntries the most entries in one PublishBatch
 * @param maxFilterPolicyKeys the most top-level keys in one filter policy
 * @param maxFilterPolicyCombinations the most value combinations in one filter policy
 * @param maxFilterPolicyBytes the largest filter policy
 * @param maxFilterPoliciesPerTopic the most subscriptions with a filter policy on one topic
 * @param fifoDeduplicationInterval how long a FIFO topic remembers a deduplication id
 */
public record SnsLimits(
    int maxMessageBytes,
    int maxBatchEntries,
    int maxFilterPolicyKeys,
    int maxFilterPolicyCombinations,
    int maxFilterPolicyBytes,
    int maxFilterPoliciesPerTopic,
    Duration fifoDeduplicationInterval) {

  /**
   * 256 KB = 262,144 bytes: the largest message, counted in UTF-8 bytes with its attributes, and
   * the largest sum of a PublishBatch's messages
   * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html,
   * https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html).
   */
  public static final int MAX_MESSAGE_BYTES = 262_144;

  /**
   * A PublishBatch holds at most 10 entries
   * (https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html).
   */
  public static final int MAX_BATCH_ENTRIES = 10;

  /**
   * A Subject is "less than 100 characters": at most 99
   * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html).
   */
  public static final int MAX_SUBJECT_LENGTH = 99;

  /**
   * A topic name is 1 to 256 characters
   * (https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html).
   */
  public static final int MAX_TOPIC_NAME_LENGTH = 256;

  /**
   * MessageGroupId and MessageDeduplicationId are at most 128 characters
   * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html).
   */
  public static final int MAX_FIFO_ID_LENGTH = 128;

  /**
   * A filter policy has at most 5 keys; for nested policies only the top-level keys count
   * (https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html).
   */
  public static final int MAX_FILTER_POLICY_KEYS = 5;

  /** The total combination of values of a filter policy must not exceed 150 (page as above). */
  public static final int MAX_FILTER_POLICY_COMBINATIONS = 150;

  /** A filter policy is at most 256 KB (page as above). */
  public static final int MAX_FILTER_POLICY_BYTES = 262_144;

  /** By default at most 200 filter policies per topic (page as above). */
  public static final int MAX_FILTER_POLICIES_PER_TOPIC = 200;

  /**
   * A FIFO topic deduplicates within a 5-minute interval
   * (https://docs.aws.amazon.com/sns/latest/dg/fifo-message-dedup.html).
   */
  public static final Duration FIFO_DEDUPLICATION_INTERVAL = Duration.ofMinutes(5);

  private static final SnsLimits DEFAULTS =
      new SnsLimits(
          MAX_MESSAGE_BYTES,
          MAX_BATCH_ENTRIES,
          MAX_FILTER_POLICY_KEYS,
          MAX_FILTER_POLICY_COMBINATIONS,
          MAX_FILTER_POLICY_BYTES,
          MAX_FILTER_POLICIES_PER_TOPIC,
          FIFO_DEDUPLICATION_INTERVAL);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a number is not positive
   * @throws NullPointerException if the interval is null
   */
  public SnsLimits {
    checkArgument(maxMessageBytes > 0, "maxMessageBytes must be positive");
    checkArgument(maxBatchEntries > 0, "maxBatchEntries must be positive");
    checkArgument(maxFilterPolicyKeys > 0, "maxFilterPolicyKeys must be positive");
    checkArgument(maxFilterPolicyCombinations > 0, "maxFilterPolicyCombinations must be positive");
    checkArgument(maxFilterPolicyBytes > 0, "maxFilterPolicyBytes must be positive");
    checkArgument(maxFilterPoliciesPerTopic > 0, "maxFilterPoliciesPerTopic must be positive");
    checkArgument(
        !fifoDeduplicationInterval.isNegative() && !fifoDeduplicationInterval.isZero(),
        "fifoDeduplicationInterval must be positive");
  }

  /** AWS's numbers. */
  public static SnsLimits defaults() {
    return DEFAULTS;
  }
}
