package dev.awssim.dynamodb;

import static com.google.common.base.Preconditions.checkArgument;

import dev.awssim.dynamodb.capacity.CapacityKnobs;
import dev.awssim.dynamodb.capacity.CapacityLimits;

/**
 * DynamoDB's documented limits, as used by the simulator. Defaults are AWS's numbers
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html and the API
 * reference page each constant names); {@link #relaxed()} lifts the size limits.
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.builder().dynamoDbLimits(DynamoDbLimits.relaxed()).build();
 * }</pre>
 *
 * @param maxItemBytes maximum item size
 * @param maxPageBytes bytes one Query or Scan page reads
 * @param maxBatchGetKeys keys in one BatchGetItem
 * @param maxBatchWriteRequests requests in one BatchWriteItem
 * @param maxTransactionActions actions in one transaction
 * @param maxBatchBytes bytes of one BatchWriteItem request or BatchGetItem response
 * @param maxTransactionBytes bytes of one transaction
 * @param ttlDeletionDelay [SIM] how long after its expiry a TTL'd item is deleted
 * @param capacityLimits throughput quotas and on-demand scaling numbers
 * @param capacityKnobs the [SIM] partition model parameters every new table starts with
 * @param maxItemCollectionBytes size of one item collection (the items of one partition key and
 *     their entries in every LSI) of a table with local secondary indexes
 */
public record DynamoDbLimits(
    long maxItemBytes,
    long maxPageBytes,
    int maxBatchGetKeys,
    int maxBatchWriteRequests,
    int maxTransactionActions,
    long maxBatchBytes,
    long maxTransactionBytes,
    java.time.Duration ttlDeletionDelay,
    CapacityLimits capacityLimits,
    CapacityKnobs capacityKnobs,
    long maxItemCollectionBytes) {
  /**
   * 400 KB, 1 KB = 1,024 bytes
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html, "Item
   * size").
   */
  public static final long MAX_ITEM_BYTES = 400 * 1024;

  /** 1 MB per Query/Scan page (ServiceQuotas.html; API_Query.html). */
  public static final long MAX_PAGE_BYTES = 1024 * 1024;

  /** 100 keys per BatchGetItem (API_BatchGetItem.html). */
  public static final int MAX_BATCH_GET_KEYS = 100;

  /** 25 requests per BatchWriteItem (API_BatchWriteItem.html). */
  public static final int MAX_BATCH_WRITE_REQUESTS = 25;

  /** 100 actions per transaction (API_TransactWriteItems.html). */
  public static final int MAX_TRANSACTION_ACTIONS = 100;

  /**
   * 36 characters at most in a TransactWriteItems ClientRequestToken, and at least 1
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html,
   * "ClientRequestToken": Length Constraints).
   */
  public static final int MAX_CLIENT_REQUEST_TOKEN_LENGTH = 36;

  /**
   * 16 MB per batch (API_BatchWriteItem.html, API_BatchGetItem.html), counted as 16,000,000 bytes:
   * the BatchGetItem page's own example ("if you ask to retrieve 100 items, but each individual
   * item is 300 KB in size, the system returns 52 items (so as not to exceed the 16 MB limit)",
   * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html) holds
   * only with a decimal 16 MB and 300 KB of 1,024 bytes: 52 x 307,200 = 15,974,400 bytes fit and 53
   * do not, where a binary 16 MiB would return 54 [INTERP]. The item size limit stays binary (400
   * KB = 409,600 bytes). A BatchWriteItem of 25 items of at most 400 KB never reaches either
   * reading.
   */
  public static final long MAX_BATCH_BYTES = 16_000_000L;

  /** 4 MB per transaction (API_TransactWriteItems.html). */
  public static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

  /**
   * 1,000 stream records at most per DynamoDB Streams GetRecords, the upper limit of its {@code
   * Limit}
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html).
   */
  public static final int STREAM_GET_RECORDS_MAX_RECORDS = 1_000;

  /**
   * 1 MB of data at most per DynamoDB Streams GetRecords, "whichever comes first" with the record
   * limit
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html).
   */
  public static final long STREAM_GET_RECORDS_MAX_BYTES = 1024 * 1024;

  /**
   * 2 processes at most reading one DynamoDB Streams shard at the same time: "Do not allow more
   * than two processes to read from the same DynamoDB Streams shard at the same time. Exceeding
   * this limit can result in request throttling"
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-dynamodb-streams);
   * the throttle is a LimitExceededException ("More than 2 processes are reading from the same
   * streams shard at the same time",
   * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html,
   * "Errors").
   */
  public static final int STREAM_MAX_READERS_PER_SHARD = 2;

  /**
   * [SIM] How long a GetRecords call keeps its reader "reading" the shard: one second, the span of
   * Kinesis's per-shard read limits. A reader is one chain of iterators (a GetShardIterator and the
   * NextShardIterators that follow from it); AWS does not say how it tells processes apart or how
   * long a read lasts.
   */
  public static final java.time.Duration STREAM_READER_WINDOW = java.time.Duration.ofSeconds(1);

  /**
   * 2,048 bytes at most in a partition key value
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html).
   */
  public static final int MAX_PARTITION_KEY_BYTES = 2048;

  /**
   * 1,024 bytes at most in a sort key value
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html).
   */
  public static final int MAX_SORT_KEY_BYTES = 1024;

  /**
   * 32 levels of nested maps and lists at most in an item
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html).
   */
  public static final int MAX_NESTING_DEPTH = 32;

  /**
   * 4 KB (4,096 UTF-8 bytes) at most in any expression string: "The maximum length of any
   * expression string is 4 KB. For example, the size of the ConditionExpression a=b is 3 bytes"
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html#limits-expression-parameters).
   */
  public static final int MAX_EXPRESSION_BYTES = 4 * 1024;

  /**
   * 255 bytes at most in one expression attribute name or value placeholder: "For example, #name is
   * 5 bytes; :val is 4 bytes"
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html#limits-expression-parameters).
   */
  public static final int MAX_PLACEHOLDER_BYTES = 255;

  /**
   * 2 MB at most in all substitution variables of a request, "the sum of the lengths of all
   * ExpressionAttributeNames and ExpressionAttributeValues"
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html#limits-expression-parameters).
   */
  public static final long MAX_SUBSTITUTION_BYTES = 2L * 1024 * 1024;

  /**
   * 300 operators or functions at most in one expression: "the UpdateExpression SET a = :val1 +
   * :val2 + :val3 contains two '+' operators"
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html#limits-expression-parameters).
   */
  public static final int MAX_EXPRESSION_OPERATORS = 300;

  /**
   * 100 operands at most for the IN comparator
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html#limits-expression-parameters).
   */
  public static final int MAX_IN_OPERANDS = 100;

  /**
   * 38 digits of precision at most in a Number
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html).
   */
  public static final int MAX_NUMBER_DIGITS = 38;

  /**
   * Magnitude of a Number at most 9.99...E+125, so 125 is the largest decimal exponent
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html).
   */
  public static final int MAX_NUMBER_EXPONENT = 125;

  /**
   * A table name has 3 to 255 characters
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html,
   * TableName).
   */
  public static final int MIN_TABLE_NAME_LENGTH = 3;

  /**
   * A table name has 3 to 255 characters
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html,
   * TableName).
   */
  public static final int MAX_TABLE_NAME_LENGTH = 255;

  /**
   * TTL ignores an expiry more than five years in the past, in seconds (5 x 365 days)
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html).
   */
  public static final long TTL_MAX_PAST_SECONDS = 5L * 365 * 24 * 3600;

  /**
   * [SIM] 48 hours between an item's expiry and its TTL deletion: AWS "typically deletes expired
   * items within two days of expiration"
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html); the
   * simulator takes that bound as one fixed delay so that runs are reproducible.
   */
  public static final java.time.Duration TTL_DELETION_DELAY = java.time.Duration.ofDays(2);

  /**
   * 10 GB per item collection of a table with local secondary indexes: "The maximum size of any
   * item collection for a table which has one or more local secondary indexes is 10 GB"
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.ItemCollections.SizeLimit);
   * a write past it is ItemCollectionSizeLimitExceededException.
   */
  public static final long MAX_ITEM_COLLECTION_BYTES = 10L * 1024 * 1024 * 1024;

  /**
   * How long a TransactWriteItems ClientRequestToken stays valid: 10 minutes, after which the same
   * token is a new request
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
   */
  public static final java.time.Duration TRANSACTION_TOKEN_LIFETIME =
      java.time.Duration.ofMinutes(10);

  /**
   * How long a DynamoDB Streams shard iterator stays valid: 15 minutes
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html).
   */
  public static final java.time.Duration STREAM_ITERATOR_LIFETIME =
      java.time.Duration.ofMinutes(15);

  /**
   * How long a stream record is kept: 24 hours
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html).
   */
  public static final java.time.Duration STREAM_RECORD_RETENTION = java.time.Duration.ofHours(24);

  /**
   * How often UpdateTimeToLive may change a table's TTL setting: once per hour
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html).
   */
  public static final java.time.Duration TTL_CHANGE_INTERVAL = java.time.Duration.ofHours(1);

  /**
   * Limits with AWS's capacity quotas, item collection size and the default partition model.
   *
   * @throws IllegalArgumentException if a limit is not positive
   */
  public DynamoDbLimits(
      long maxItemBytes,
      long maxPageBytes,
      int maxBatchGetKeys,
      int maxBatchWriteRequests,
      int maxTransactionActions,
      long maxBatchBytes,
      long maxTransactionBytes,
      java.time.Duration ttlDeletionDelay) {
    this(
        maxItemBytes,
        maxPageBytes,
        maxBatchGetKeys,
        maxBatchWriteRequests,
        maxTransactionActions,
        maxBatchBytes,
        maxTransactionBytes,
        ttlDeletionDelay,
        CapacityLimits.defaults(),
        CapacityKnobs.defaults(),
        MAX_ITEM_COLLECTION_BYTES);
  }

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a limit is not positive or a component is null
   */
  public DynamoDbLimits {
    checkArgument(
        maxItemBytes > 0
            && maxPageBytes > 0
            && maxBatchBytes > 0
            && maxTransactionBytes > 0
            && maxItemCollectionBytes > 0,
        "sizes must be positive");
    checkArgument(
        maxBatchGetKeys > 0 && maxBatchWriteRequests > 0 && maxTransactionActions > 0,
        "counts must be positive");
    checkArgument(
        ttlDeletionDelay != null && !ttlDeletionDelay.isNegative(),
        "ttlDeletionDelay must not be negative");
    checkArgument(
        capacityLimits != null && capacityKnobs != null, "capacity settings are required");
  }

  /** AWS's documented limits. */
  public static DynamoDbLimits defaults() {
    return new DynamoDbLimits(
        MAX_ITEM_BYTES,
        MAX_PAGE_BYTES,
        MAX_BATCH_GET_KEYS,
        MAX_BATCH_WRITE_REQUESTS,
        MAX_TRANSACTION_ACTIONS,
        MAX_BATCH_BYTES,
        MAX_TRANSACTION_BYTES,
        TTL_DELETION_DELAY);
  }

  /** Same as {@link #defaults()}: AWS's limits, strictly. */
  public static DynamoDbLimits strict() {
    return defaults();
  }

  /** These limits with another TTL deletion delay. */
  public DynamoDbLimits withTtlDeletionDelay(java.time.Duration delay) {
    return new DynamoDbLimits(
        maxItemBytes,
        maxPageBytes,
        maxBatchGetKeys,
        maxBatchWriteRequests,
        maxTransactionActions,
        maxBatchBytes,
        maxTransactionBytes,
        delay,
        capacityLimits,
        capacityKnobs,
        maxItemCollectionBytes);
  }

  /** These limits with other capacity quotas (e.g. a raised account quota). */
  public DynamoDbLimits withCapacityLimits(CapacityLimits value) {
    return new DynamoDbLimits(
        maxItemBytes,
        maxPageBytes,
        maxBatchGetKeys,
        maxBatchWriteRequests,
        maxTransactionActions,
        maxBatchBytes,
        maxTransactionBytes,
        ttlDeletionDelay,
        value,
        capacityKnobs,
        maxItemCollectionBytes);
  }

  /** These limits with other [SIM] partition-model knobs for every new table. */
  public DynamoDbLimits withCapacityKnobs(CapacityKnobs value) {
    return new DynamoDbLimits(
        maxItemBytes,
        maxPageBytes,
        maxBatchGetKeys,
        maxBatchWriteRequests,
        maxTransactionActions,
        maxBatchBytes,
        maxTransactionBytes,
        ttlDeletionDelay,
        capacityLimits,
        value,
        maxItemCollectionBytes);
  }

  /** These limits with another item collection size (e.g. a small one a test can fill). */
  public DynamoDbLimits withMaxItemCollectionBytes(long value) {
    return new DynamoDbLimits(
        maxItemBytes,
        maxPageBytes,
        maxBatchGetKeys,
        maxBatchWriteRequests,
        maxTransactionActions,
        maxBatchBytes,
        maxTransactionBytes,
        ttlDeletionDelay,
        capacityLimits,
        capacityKnobs,
        value);
  }

  /** AWS's limits with item, page, batch and transaction sizes raised 64-fold. */
  public static DynamoDbLimits relaxed() {
    return new DynamoDbLimits(
        MAX_ITEM_BYTES * 64,
        MAX_PAGE_BYTES * 64,
        MAX_BATCH_GET_KEYS,
        MAX_BATCH_WRITE_REQUESTS,
        MAX_TRANSACTION_ACTIONS,
        MAX_BATCH_BYTES * 64,
        MAX_TRANSACTION_BYTES * 64,
        TTL_DELETION_DELAY);
  }
}
