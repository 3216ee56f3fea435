package dev.awssim.sqs;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.engine.AwsAccount;
import java.util.regex.Pattern;

/**
 * The limits and identity of simulated Amazon SQS: AWS's documented numbers by default, FIFO
 * throughput quotas included ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html}),
 * and a {@link #relaxed()} profile without in-flight limits or throttles as an explicit opt-out.
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.builder().sqsLimits(SqsLimits.relaxed()).build();
 * SqsLimits mine = SqsLimits.defaults().withAccountId("123456789012").withRegion("eu-west-1");
 * }</pre>
 *
 * @param accountId the simulated account id in queue URLs and ARNs (12 digits)
 * @param region the simulated Region in queue URLs and ARNs
 * @param maxMessageBytes the largest message (body and attributes) and the upper bound of {@code
 *     MaximumMessageSize}
 * @param maxBatchPayloadBytes the largest total payload of one SendMessageBatch
 * @param maxInflightStandard the in-flight limit of a standard queue
 * @param maxInflightFifo the in-flight limit of a FIFO queue
 * @param fifoThrottling whether FIFO queues throttle requests above their quota with {@code
 *     RequestThrottled}
 * @param fifoTransactionsPerSecond the FIFO quota per API action per queue (non-high-throughput),
 *     or per message group for SendMessage in high-throughput mode
 * @param highThroughputTransactionsPerSecond the queue-wide quota per API action of a
 *     high-throughput FIFO queue
 */
public record SqsLimits(
    String accountId,
    String region,
    int maxMessageBytes,
    int maxBatchPayloadBytes,
    int maxInflightStandard,
    int maxInflightFifo,
    boolean fifoThrottling,
    int fifoTransactionsPerSecond,
    int highThroughputTransactionsPerSecond) {

  /** The simulated account id by default: {@link AwsAccount#DEFAULT_ACCOUNT_ID}. */
  public static final String DEFAULT_ACCOUNT_ID = AwsAccount.DEFAULT_ACCOUNT_ID;

  /** The simulated Region by default: {@link AwsAccount#DEFAULT_REGION}. */
  public static final String DEFAULT_REGION = AwsAccount.DEFAULT_REGION;

  /**
   * 1 MiB: the largest message and batch payload since the 2025-08-25 SQS model update (262,144
   * bytes before). Source: {@code API_SendMessage.html}, {@code API_SendMessageBatch.html}.
   */
  public static final int MAX_MESSAGE_BYTES = 1_048_576;

  /**
   * About 120,000 in-flight messages per standard queue. Source: {@code
   * sqs-visibility-timeout.html}, {@code quotas-messages.html}.
   */
  public static final int MAX_INFLIGHT_STANDARD = 120_000;

  /**
   * 120,000 in-flight messages per FIFO queue (20,000 before the 2025-01-02 model update). Source:
   * {@code quotas-messages.html}, {@code avoid-backlog-with-the-same-message-group-id.html}.
   */
  public static final int MAX_INFLIGHT_FIFO = 120_000;

  /**
   * A FIFO queue scans its first 120,000 messages (in flight or not) for available message groups,
   * so a group whose oldest message lies further back waits until the backlog ahead of it shrinks.
   * Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/avoid-backlog-with-the-same-message-group-id.html}.
   */
  public static final int FIFO_GROUP_SCAN_WINDOW = 120_000;

  /**
   * A message movement task moves at most 500 messages per second. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html}.
   */
  public static final int MAX_MESSAGE_MOVE_RATE = 500;

  /**
   * ListMessageMoveTasks returns the most recent 1 (default) to 10 tasks. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListMessageMoveTasks.html}.
   */
  public static final int MAX_LISTED_MESSAGE_MOVE_TASKS = 10;

  /**
   * 300 transactions per second per API action on a FIFO queue without high throughput. Source:
   * {@code quotas-messages.html}.
   */
  public static final int FIFO_TRANSACTIONS_PER_SECOND = 300;

  /**
   * 70,000 transactions per second per API action for high-throughput FIFO queues in US East (N.
   * Virginia). Source: {@code quotas-messages.html}.
   */
  public static final int HIGH_THROUGHPUT_TRANSACTIONS_PER_SECOND = 70_000;

  /**
   * At most 10 entries in one batch request. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html}.
   */
  public static final int MAX_BATCH_ENTRIES = 10;

  /**
   * A batch entry {@code Id} has up to 80 letters, digits, hyphens and underscores. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatchRequestEntry.html}.
   */
  public static final int MAX_BATCH_ENTRY_ID_LENGTH = 80;

  /**
   * Short polling samples a subset of the servers only while a queue holds fewer than 1,000
   * messages. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html}.
   */
  public static final int SHORT_POLL_SAMPLING_THRESHOLD = 1_000;

  /**
   * One PurgeQueue per queue every 60 s. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_PurgeQueue.html}.
   */
  public static final int PURGE_COOLDOWN_SECONDS = 60;

  /**
   * A deleted queue's name cannot be reused for 60 s. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteQueue.html}.
   */
  public static final int DELETED_QUEUE_NAME_WAIT_SECONDS = 60;

  /**
   * Up to 10 message attributes per message. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html}.
   */
  public static final int MAX_MESSAGE_ATTRIBUTES = 10;

  /**
   * Message group, deduplication and receive attempt ids have up to 128 characters. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html}.
   */
  public static final int MAX_ID_LENGTH = 128;

  /**
   * ReceiveMessage returns 1 to 10 messages. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html}.
   */
  public static final int MAX_RECEIVE_MESSAGES = 10;

  /**
   * ListQueues returns up to 1,000 URLs per page. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListQueues.html}.
   */
  public static final int MAX_LIST_QUEUES_RESULTS = 1_000;

  /**
   * The 5-minute deduplication interval of FIFO queues, which also bounds a
   * ReceiveRequestAttemptId. Source: {@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagededuplicationid-property.html}.
   */
  public static final int DEDUPLICATION_INTERVAL_SECONDS = 300;

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,32}");

  /**
   * Validates the limits.
   *
   * @throws NullPointerException if the account id or region is null
   * @throws IllegalArgumentException if a value is out of range
   */
  public SqsLimits {
    checkNotNull(accountId, "accountId");
    checkNotNull(region, "region");
    checkArgument(
        ACCOUNT.matcher(accountId).matches(), "accountId must be 12 digits: %s", accountId);
    checkArgument(REGION.matcher(region).matches(), "invalid region: %s", region);
    checkArgument(maxMessageBytes >= 1024, "maxMessageBytes must be >= 1024: %s", maxMessageBytes);
    checkArgument(maxBatchPayloadBytes >= 1, "maxBatchPayloadBytes must be positive");
    checkArgument(maxInflightStandard >= 1, "maxInflightStandard must be positive");
    checkArgument(maxInflightFifo >= 1, "maxInflightFifo must be positive");
    checkArgument(fifoTransactionsPerSecond >= 1, "fifoTransactionsPerSecond must be positive");
    checkArgument(
        highThroughputTransactionsPerSecond >= 1,
        "highThroughputTransactionsPerSecond must be positive");
  }

  /**
   * AWS's documented limits, FIFO throughput quotas included: without high throughput, 300 calls
   * per second per action per queue, so the 301st SendMessage within a second is throttled.
   */
  public static SqsLimits defaults() {
    return new SqsLimits(
        DEFAULT_ACCOUNT_ID,
        DEFAULT_REGION,
        MAX_MESSAGE_BYTES,
        MAX_MESSAGE_BYTES,
        MAX_INFLIGHT_STANDARD,
        MAX_INFLIGHT_FIFO,
        true,
        FIFO_TRANSACTIONS_PER_SECOND,
        HIGH_THROUGHPUT_TRANSACTIONS_PER_SECOND);
  }

  /** The same as {@link #defaults()}: AWS's documented limits, FIFO throughput quotas included. */
  public static SqsLimits strict() {
    return defaults();
  }

  /**
   * An explicit opt-out from AWS's limits: no in-flight limits and no FIFO throttling, for tests
   * that only care about message flow.
   */
  public static SqsLimits relaxed() {
    return defaults().withMaxInflight(Integer.MAX_VALUE).withFifoThrottling(false);
  }

  /** These limits with another account id. */
  public SqsLimits withAccountId(String newAccountId) {
    return toBuilder().accountId(newAccountId).build();
  }

  /** These limits with another Region. */
  public SqsLimits withRegion(String newRegion) {
    return toBuilder().region(newRegion).build();
  }

  /** These limits with FIFO throttling on or off. */
  public SqsLimits withFifoThrottling(boolean enabled) {
    return toBuilder().fifoThrottling(enabled).build();
  }

  /** These limits with the same in-flight limit for standard and FIFO queues. */
  public SqsLimits withMaxInflight(int limit) {
    return toBuilder().maxInflightStandard(limit).maxInflightFifo(limit).build();
  }

  /** These limits with another largest message size (and batch payload). */
  public SqsLimits withMaxMessageBytes(int bytes) {
    return toBuilder().maxMessageBytes(bytes).maxBatchPayloadBytes(bytes).build();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Builds {@link SqsLimits} from a prototype.
   *
   * <pre>{@code
   * SqsLimits l = SqsLimits.defaults().toBuilder().fifoTransactionsPerSecond(10).build();
   * }</pre>
   */
  public static final class Builder {
    private String accountId;
    private String region;
    private int maxMessageBytes;
    private int maxBatchPayloadBytes;
    private int maxInflightStandard;
    private int maxInflightFifo;
    private boolean fifoThrottling;
    private int fifoTransactionsPerSecond;
    private int highThroughputTransactionsPerSecond;

    private Builder(SqsLimits l) {
      accountId = l.accountId;
      region = l.region;
      maxMessageBytes = l.maxMessageBytes;
      maxBatchPayloadBytes = l.maxBatchPayloadBytes;
      maxInflightStandard = l.maxInflightStandard;
      maxInflightFifo = l.maxInflightFifo;
      fifoThrottling = l.fifoThrottling;
      fifoTransactionsPerSecond = l.fifoTransactionsPerSecond;
      highThroughputTransactionsPerSecond = l.highThroughputTransactionsPerSecond;
    }

    /** The account id (12 digits). */
    public Builder accountId(String value) {
      accountId = value;
      return this;
    }

    /** The Region. */
    public Builder region(String value) {
      region = value;
      return this;
    }

    /** The largest message in bytes. */
    public Builder maxMessageBytes(int value) {
      maxMessageBytes = value;
      return this;
    }

    /** The largest SendMessageBatch payload in bytes. */
    public Builder maxBatchPayloadBytes(int value) {
      maxBatchPayloadBytes = value;
      return this;
    }

    /** The in-flight limit of standard queues. */
    public Builder maxInflightStandard(int value) {
      maxInflightStandard = value;
      return this;
    }

    /** The in-flight limit of FIFO queues. */
    public Builder maxInflightFifo(int value) {
      maxInflightFifo = value;
      return this;
    }

    /** Whether FIFO quotas are enforced. */
    public Builder fifoThrottling(boolean value) {
      fifoThrottling = value;
      return this;
    }

    /** The FIFO quota per action (non-high-throughput), and per group in high throughput. */
    public Builder fifoTransactionsPerSecond(int value) {
      fifoTransactionsPerSecond = value;
      return this;
    }

    /** The queue-wide quota per action of high-throughput FIFO queues. */
    public Builder highThroughputTransactionsPerSecond(int value) {
      highThroughputTransactionsPerSecond = value;
      return this;
    }

    /**
     * The limits.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public SqsLimits build() {
      return new SqsLimits(
          accountId,
          region,
          maxMessageBytes,
          maxBatchPayloadBytes,
          maxInflightStandard,
          maxInflightFifo,
          fifoThrottling,
          fifoTransactionsPerSecond,
          highThroughputTransactionsPerSecond);
    }
  }

  String queueUrlPrefix() {
    return "https://sqs." + region + ".amazonaws.com/" + accountId + "/";
  }

  String arnPrefix() {
    return "arn:aws:sqs:" + region + ":" + accountId + ":";
  }
}
