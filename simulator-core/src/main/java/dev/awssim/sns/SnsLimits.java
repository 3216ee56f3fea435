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
 * @param maxStandardTopics the most standard topics in the account (CreateTopic's
 *     TopicLimitExceeded beyond)
 * @param maxFifoTopics the most FIFO topics in the account
 * @param managedNoDelayRetries SQS and Lambda deliveries: retries with no delay
 * @param managedMinDelayRetries SQS and Lambda: pre-backoff retries, {@code managedMinDelaySeconds}
 *     apart
 * @param managedBackoffRetries SQS and Lambda: backoff retries, from the minimum to the maximum
 *     delay
 * @param managedMaxDelayRetries SQS and Lambda: post-backoff retries, {@code
 *     managedMaxDelaySeconds} apart
 * @param managedMinDelaySeconds SQS and Lambda: the minimum delay between retries
 * @param managedMaxDelaySeconds SQS and Lambda: the maximum delay between retries
 * @param httpDefaultNumRetries HTTP/S without a DeliveryPolicy: how many retries
 * @param httpDefaultDelaySeconds HTTP/S without a DeliveryPolicy: the delay between retries (and a
 *     policy's default {@code minDelayTarget} and {@code maxDelayTarget})
 * @param httpMaxNumRetries the largest {@code numRetries} an HTTP/S DeliveryPolicy may set
 * @param httpMaxDelaySeconds the largest {@code maxDelayTarget} an HTTP/S DeliveryPolicy may set
 * @param httpMaxTotalRetrySeconds the longest an HTTP/S DeliveryPolicy's retries may take in all
 * @param maxFilterPoliciesPerAccount the most subscriptions with a filter policy in the account
 */
public record SnsLimits(
    int maxMessageBytes,
    int maxBatchEntries,
    int maxFilterPolicyKeys,
    int maxFilterPolicyCombinations,
    int maxFilterPolicyBytes,
    int maxFilterPoliciesPerTopic,
    Duration fifoDeduplicationInterval,
    int maxStandardTopics,
    int maxFifoTopics,
    int managedNoDelayRetries,
    int managedMinDelayRetries,
    int managedBackoffRetries,
    int managedMaxDelayRetries,
    int managedMinDelaySeconds,
    int managedMaxDelaySeconds,
    int httpDefaultNumRetries,
    int httpDefaultDelaySeconds,
    int httpMaxNumRetries,
    int httpMaxDelaySeconds,
    int httpMaxTotalRetrySeconds,
    int maxFilterPoliciesPerAccount) {

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
   * By default at most 10,000 filter policies per AWS account; beyond, Subscribe or
   * SetSubscriptionAttributes with a filter policy fails (FilterPolicyLimitExceeded), a
   * subscription without one is still created
   * (https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html).
   */
  public static final int MAX_FILTER_POLICIES_PER_ACCOUNT = 10_000;

  /**
   * A FIFO topic deduplicates within a 5-minute interval
   * (https://docs.aws.amazon.com/sns/latest/dg/fifo-message-dedup.html).
   */
  public static final Duration FIFO_DEDUPLICATION_INTERVAL = Duration.ofMinutes(5);

  /**
   * At most 100,000 standard topics per account
   * (https://docs.aws.amazon.com/general/latest/gr/sns.html,
   * https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html).
   */
  public static final int MAX_STANDARD_TOPICS = 100_000;

  /** At most 1,000 FIFO topics per account (pages as above). */
  public static final int MAX_FIFO_TOPICS = 1_000;

  /**
   * A FIFO topic with {@code FifoThroughputScope=Topic} (the default) takes at most 3,000 messages
   * per second, "or 20 MB per second, whichever comes first"
   * (https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html, FifoThroughputScope), over
   * every one-second span of virtual time; each PublishBatch entry is a message. With {@code
   * MessageGroup} scope AWS gives "higher throughput ... subject to Regional quotas": not modelled
   * [SIM].
   */
  public static final int FIFO_TOPIC_MESSAGES_PER_SECOND = 3_000;

  /** 20 MB per second for a FIFO topic in Topic scope (page as above), read as 20 MiB [INTERP]. */
  public static final long FIFO_TOPIC_BYTES_PER_SECOND = 20L * 1024 * 1024;

  /**
   * AWS-managed endpoints (SQS, Lambda) get 3 immediate retries
   * (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html).
   */
  public static final int MANAGED_NO_DELAY_RETRIES = 3;

  /** AWS-managed endpoints: 2 pre-backoff retries, 1 second apart (page as above). */
  public static final int MANAGED_MIN_DELAY_RETRIES = 2;

  /** AWS-managed endpoints: 10 backoff retries (page as above). */
  public static final int MANAGED_BACKOFF_RETRIES = 10;

  /** AWS-managed endpoints: 100,000 post-backoff retries, 20 seconds apart (page as above). */
  public static final int MANAGED_MAX_DELAY_RETRIES = 100_000;

  /** AWS-managed endpoints: the minimum delay, 1 second (page as above). */
  public static final int MANAGED_MIN_DELAY_SECONDS = 1;

  /** AWS-managed endpoints: the maximum delay, 20 seconds (page as above). */
  public static final int MANAGED_MAX_DELAY_SECONDS = 20;

  /** HTTP/S by default: {@code numRetries} 3 (page as above). */
  public static final int HTTP_DEFAULT_NUM_RETRIES = 3;

  /** HTTP/S by default: {@code minDelayTarget} and {@code maxDelayTarget} 20 seconds. */
  public static final int HTTP_DEFAULT_DELAY_SECONDS = 20;

  /** HTTP/S DeliveryPolicy: {@code numRetries} at most 100 (page as above). */
  public static final int HTTP_MAX_NUM_RETRIES = 100;

  /** HTTP/S DeliveryPolicy: {@code maxDelayTarget} at most 3,600 seconds (page as above). */
  public static final int HTTP_MAX_DELAY_SECONDS = 3_600;

  /** HTTP/S DeliveryPolicy: all its retries within 3,600 seconds (page as above). */
  public static final int HTTP_MAX_TOTAL_RETRY_SECONDS = 3_600;

  private static final SnsLimits DEFAULTS =
      new SnsLimits(
          MAX_MESSAGE_BYTES,
          MAX_BATCH_ENTRIES,
          MAX_FILTER_POLICY_KEYS,
          MAX_FILTER_POLICY_COMBINATIONS,
          MAX_FILTER_POLICY_BYTES,
          MAX_FILTER_POLICIES_PER_TOPIC,
          FIFO_DEDUPLICATION_INTERVAL,
          MAX_STANDARD_TOPICS,
          MAX_FIFO_TOPICS,
          MANAGED_NO_DELAY_RETRIES,
          MANAGED_MIN_DELAY_RETRIES,
          MANAGED_BACKOFF_RETRIES,
          MANAGED_MAX_DELAY_RETRIES,
          MANAGED_MIN_DELAY_SECONDS,
          MANAGED_MAX_DELAY_SECONDS,
          HTTP_DEFAULT_NUM_RETRIES,
          HTTP_DEFAULT_DELAY_SECONDS,
          HTTP_MAX_NUM_RETRIES,
          HTTP_MAX_DELAY_SECONDS,
          HTTP_MAX_TOTAL_RETRY_SECONDS,
          MAX_FILTER_POLICIES_PER_ACCOUNT);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a size, count or delay is not positive, a retry count is
   *     negative, or a minimum delay exceeds its maximum
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
    checkArgument(maxStandardTopics > 0, "maxStandardTopics must be positive");
    checkArgument(maxFifoTopics > 0, "maxFifoTopics must be positive");
    checkArgument(
        managedNoDelayRetries >= 0
            && managedMinDelayRetries >= 0
            && managedBackoffRetries >= 0
            && managedMaxDelayRetries >= 0,
        "managed retry counts must not be negative");
    checkArgument(
        managedMinDelaySeconds > 0 && managedMinDelaySeconds <= managedMaxDelaySeconds,
        "managed delays must be positive, the minimum at most the maximum");
    checkArgument(httpDefaultNumRetries >= 0, "httpDefaultNumRetries must not be negative");
    checkArgument(httpDefaultDelaySeconds > 0, "httpDefaultDelaySeconds must be positive");
    checkArgument(httpMaxNumRetries >= 0, "httpMaxNumRetries must not be negative");
    checkArgument(httpMaxDelaySeconds > 0, "httpMaxDelaySeconds must be positive");
    checkArgument(httpMaxTotalRetrySeconds > 0, "httpMaxTotalRetrySeconds must be positive");
    checkArgument(maxFilterPoliciesPerAccount > 0, "maxFilterPoliciesPerAccount must be positive");
  }

  /** AWS's numbers. */
  public static SnsLimits defaults() {
    return DEFAULTS;
  }

  /**
   * These limits with other topic quotas.
   *
   * @throws IllegalArgumentException if a quota is not positive
   */
  public SnsLimits withMaxTopics(int standard, int fifo) {
    return new SnsLimits(
        maxMessageBytes,
        maxBatchEntries,
        maxFilterPolicyKeys,
        maxFilterPolicyCombinations,
        maxFilterPolicyBytes,
        maxFilterPoliciesPerTopic,
        fifoDeduplicationInterval,
        standard,
        fifo,
        managedNoDelayRetries,
        managedMinDelayRetries,
        managedBackoffRetries,
        managedMaxDelayRetries,
        managedMinDelaySeconds,
        managedMaxDelaySeconds,
        httpDefaultNumRetries,
        httpDefaultDelaySeconds,
        httpMaxNumRetries,
        httpMaxDelaySeconds,
        httpMaxTotalRetrySeconds,
        maxFilterPoliciesPerAccount);
  }
}
