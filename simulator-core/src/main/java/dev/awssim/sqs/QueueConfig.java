package dev.awssim.sqs;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settable attributes of one queue, validated, with AWS's defaults and ranges ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html},
 * {@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html}).
 * Immutable: a change makes a new config, applied at once (a simplification: AWS says a change can
 * take up to 60 seconds to propagate).
 */
final class QueueConfig {
  static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
  static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
  static final String MESSAGE_RETENTION_PERIOD = "MessageRetentionPeriod";
  static final String DELAY_SECONDS = "DelaySeconds";
  static final String RECEIVE_WAIT = "ReceiveMessageWaitTimeSeconds";
  static final String SSE = "SqsManagedSseEnabled";
  static final String POLICY = "Policy";
  static final String REDRIVE_POLICY = "RedrivePolicy";
  static final String REDRIVE_ALLOW_POLICY = "RedriveAllowPolicy";
  static final String KMS_KEY = "KmsMasterKeyId";
  static final String KMS_REUSE = "KmsDataKeyReusePeriodSeconds";
  static final String FIFO_QUEUE = "FifoQueue";
  static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";
  static final String DEDUPLICATION_SCOPE = "DeduplicationScope";
  static final String FIFO_THROUGHPUT_LIMIT = "FifoThroughputLimit";

  /** 30 s default visibility timeout, 0 to 12 h ({@code API_CreateQueue.html}). */
  static final int DEFAULT_VISIBILITY_TIMEOUT = 30;

  static final int MAX_VISIBILITY_TIMEOUT = 43_200;

  /** 4 days default retention, 60 s to 14 days ({@code quotas-messages.html}). */
  static final int DEFAULT_RETENTION = 345_600;

  static final int MIN_RETENTION = 60;
  static final int MAX_RETENTION = 1_209_600;

  /** 0 to 900 s of delay ({@code sqs-delay-queues.html}). */
  static final int MAX_DELAY = 900;

  /** 0 to 20 s of long-poll wait ({@code sqs-short-and-long-polling.html}). */
  static final int MAX_WAIT = 20;

  /** 1,024 bytes: the lowest MaximumMessageSize ({@code API_CreateQueue.html}). */
  static final int MIN_MAXIMUM_MESSAGE_SIZE = 1_024;

  /** maxReceiveCount 1 to 1,000 ({@code sqs-configure-dead-letter-queue.html}). */
  static final int MAX_RECEIVE_COUNT = 1_000;

  /**
   * maxReceiveCount when a RedrivePolicy omits it: "Default: 10" ({@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html}).
   */
  static final int DEFAULT_MAX_RECEIVE_COUNT = 10;

  /** byQueue allows up to 10 source queue ARNs ({@code API_CreateQueue.html}). */
  static final int MAX_SOURCE_QUEUE_ARNS = 10;

  private static final List<String> SETTABLE =
      ImmutableList.of(
          VISIBILITY_TIMEOUT,
          MAXIMUM_MESSAGE_SIZE,
          MESSAGE_RETENTION_PERIOD,
          DELAY_SECONDS,
          RECEIVE_WAIT,
          SSE,
          POLICY,
          REDRIVE_POLICY,
          REDRIVE_ALLOW_POLICY,
          KMS_KEY,
          KMS_REUSE);

  private static final List<String> FIFO_ONLY =
      ImmutableList.of(
          FIFO_QUEUE, CONTENT_BASED_DEDUPLICATION, DEDUPLICATION_SCOPE, FIFO_THROUGHPUT_LIMIT);

  /** A parsed RedrivePolicy. */
  record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {}

  /** A parsed RedriveAllowPolicy. */
  record RedriveAllowPolicy(String redrivePermission, List<String> sourceQueueArns) {
    boolean allows(String sourceArn) {
      return switch (redrivePermission) {
        case "allowAll" -> true;
        case "denyAll" -> false;
        default -> sourceQueueArns.contains(sourceArn);
      };
    }
  }

  final boolean fifo;
  final int visibilityTimeout;
  final int maximumMessageSize;
  final int messageRetentionPeriod;
  final int delaySeconds;
  final int receiveMessageWaitTimeSeconds;
  final RedrivePolicy redrivePolicy;
  final RedriveAllowPolicy redriveAllowPolicy;
  final boolean contentBasedDeduplication;
  final boolean deduplicationPerGroup;
  final boolean throughputPerGroup;
  private final ImmutableMap<String, String> values;

  private QueueConfig(boolean fifo, Map<String, String> values) {
    this.fifo = fifo;
    this.values = ImmutableMap.copyOf(values);
    this.visibilityTimeout = Integer.parseInt(values.get(VISIBILITY_TIMEOUT));
    this.maximumMessageSize = Integer.parseInt(values.get(MAXIMUM_MESSAGE_SIZE));
    this.messageRetentionPeriod = Integer.parseInt(values.get(MESSAGE_RETENTION_PERIOD));
    this.delaySeconds = Integer.parseInt(values.get(DELAY_SECONDS));
    this.receiveMessageWaitTimeSeconds = Integer.parseInt(values.get(RECEIVE_WAIT));
    this.redrivePolicy = parseRedrive(values.get(REDRIVE_POLICY));
    this.redriveAllowPolicy = parseRedriveAllow(values.get(REDRIVE_ALLOW_POLICY));
    this.contentBasedDeduplication = "true".equals(values.get(CONTENT_BASED_DEDUPLICATION));
    this.deduplicationPerGroup = "messageGroup".equals(values.get(DEDUPLICATION_SCOPE));
    this.throughputPerGroup = "perMessageGroupId".equals(values.get(FIFO_THROUGHPUT_LIMIT));
  }

  /**
   * The config of a new queue: defaults overridden by {@code given}.
   *
   * @throws SqsException InvalidAttributeName or InvalidAttributeValue
   */
  static QueueConfig create(boolean fifo, Map<String, String> given, SqsLimits limits) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(VISIBILITY_TIMEOUT, Integer.toString(DEFAULT_VISIBILITY_TIMEOUT));
    values.put(MAXIMUM_MESSAGE_SIZE, Integer.toString(limits.maxMessageBytes()));
    values.put(MESSAGE_RETENTION_PERIOD, Integer.toString(DEFAULT_RETENTION));
    values.put(DELAY_SECONDS, "0");
    values.put(RECEIVE_WAIT, "0");
    values.put(SSE, "true");
    if (fifo) {
      values.put(FIFO_QUEUE, "true");
      values.put(CONTENT_BASED_DEDUPLICATION, "false");
      values.put(DEDUPLICATION_SCOPE, "queue");
      values.put(FIFO_THROUGHPUT_LIMIT, "perQueue");
    }
    return apply(fifo, values, given, true, limits);
  }

  /**
   * This config with {@code changes} applied (SetQueueAttributes).
   *
   * @throws SqsException InvalidAttributeName or InvalidAttributeValue
   */
  QueueConfig with(Map<String, String> changes, SqsLimits limits) {
    return apply(fifo, new LinkedHashMap<>(values), changes, false, limits);
  }

  /** The first attribute of {@code given} whose value differs from this config's, or null. */
  String firstDifference(Map<String, String> given, SqsLimits limits) {
    QueueConfig other = create(fifo, given, limits);
    for (String name : given.keySet()) {
      if (!Objects.equals(values.get(name), other.values.get(name))) {
        return name;
      }
    }
    return null;
  }

  /** The settable attributes in AWS's order, with their current values. */
  ImmutableMap<String, String> values() {
    return values;
  }

  private static QueueConfig apply(
      boolean fifo,
      Map<String, String> values,
      Map<String, String> given,
      boolean creating,
      SqsLimits limits) {
    for (Map.Entry<String, String> e : given.entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      boolean known = SETTABLE.contains(name) || (fifo && FIFO_ONLY.contains(name));
      boolean fifoFlagOnCreate = creating && FIFO_QUEUE.equals(name);
      if ((!known && !fifoFlagOnCreate) || (!creating && FIFO_QUEUE.equals(name))) {
        throw SqsErrors.invalidAttributeName(name);
      }
      if (value == null) {
        throw SqsErrors.invalidAttributeValue(name, "the value must not be null");
      }
      String canonical = canonical(name, value, limits);
      if (canonical.isEmpty() || (!fifo && FIFO_QUEUE.equals(name))) {
        values.remove(name);
      } else {
        values.put(name, canonical);
      }
    }
    if ("perMessageGroupId".equals(values.get(FIFO_THROUGHPUT_LIMIT))
        && !"messageGroup".equals(values.get(DEDUPLICATION_SCOPE))) {
      throw SqsErrors.invalidAttributeValue(
          FIFO_THROUGHPUT_LIMIT,
          "perMessageGroupId is allowed only when DeduplicationScope is messageGroup");
    }
    return new QueueConfig(fifo, values);
  }

  private static String canonical(String name, String value, SqsLimits limits) {
    return switch (name) {
      case VISIBILITY_TIMEOUT -> range(name, value, 0, MAX_VISIBILITY_TIMEOUT);
      case MAXIMUM_MESSAGE_SIZE ->
          range(name, value, MIN_MAXIMUM_MESSAGE_SIZE, limits.maxMessageBytes());
      case MESSAGE_RETENTION_PERIOD -> range(name, value, MIN_RETENTION, MAX_RETENTION);
      case DELAY_SECONDS -> range(name, value, 0, MAX_DELAY);
      case RECEIVE_WAIT -> range(name, value, 0, MAX_WAIT);
      case KMS_REUSE -> range(name, value, 60, 86_400);
      case SSE, CONTENT_BASED_DEDUPLICATION -> bool(name, value);
      case FIFO_QUEUE -> fifoFlag(value);
      case DEDUPLICATION_SCOPE -> oneOf(name, value, "messageGroup", "queue");
      case FIFO_THROUGHPUT_LIMIT -> oneOf(name, value, "perQueue", "perMessageGroupId");
      case REDRIVE_POLICY -> value.isEmpty() ? "" : redriveJson(value);
      case REDRIVE_ALLOW_POLICY -> value.isEmpty() ? "" : redriveAllowJson(value);
      default -> value;
    };
  }

  private static String range(String name, String value, int min, int max) {
    try {
      int v = Integer.parseInt(value.trim());
      if (v >= min && v <= max) {
        return Integer.toString(v);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw SqsErrors.invalidAttributeValue(
        name, String.format(Locale.ROOT, "must be an integer from %d to %d: %s", min, max, value));
  }

  private static String bool(String name, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return value.toLowerCase(Locale.ROOT);
    }
    throw SqsErrors.invalidAttributeValue(name, "must be true or false: " + value);
  }

  private static String fifoFlag(String value) {
    // FifoQueue=true is needed to create a FIFO queue; a name without .fifo with it is rejected
    // by the name check, so here only the boolean form is validated.
    return bool(FIFO_QUEUE, value);
  }

  private static String oneOf(String name, String value, String a, String b) {
    if (value.equals(a) || value.equals(b)) {
      return value;
    }
    throw SqsErrors.invalidAttributeValue(name, "must be " + a + " or " + b + ": " + value);
  }

  private static String redriveJson(String value) {
    RedrivePolicy p = parseRedrive(value);
    return "{\"deadLetterTargetArn\":\""
        + p.deadLetterTargetArn()
        + "\",\"maxReceiveCount\":"
        + p.maxReceiveCount()
        + "}";
  }

  private static RedrivePolicy parseRedrive(String value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> json = json(REDRIVE_POLICY, value);
    Object arn = json.get("deadLetterTargetArn");
    Object count =
        json.getOrDefault("maxReceiveCount", Integer.toString(DEFAULT_MAX_RECEIVE_COUNT));
    if (!(arn instanceof String arnText) || !(count instanceof String countText)) {
      throw SqsErrors.invalidAttributeValue(
          REDRIVE_POLICY,
          "Redrive policy is not a valid JSON map of deadLetterTargetArn and"
              + " maxReceiveCount.");
    }
    int max;
    try {
      max = Integer.parseInt(countText);
    } catch (NumberFormatException e) {
      max = -1;
    }
    if (max < 1 || max > MAX_RECEIVE_COUNT) {
      throw SqsErrors.invalidAttributeValue(
          REDRIVE_POLICY, "Value " + count + " for maxReceiveCount must be between 1 and 1000.");
    }
    return new RedrivePolicy(arnText, max);
  }

  private static String redriveAllowJson(String value) {
    RedriveAllowPolicy p = parseRedriveAllow(value);
    StringBuilder sb =
        new StringBuilder("{\"redrivePermission\":\"").append(p.redrivePermission()).append('"');
    if (p.redrivePermission().equals("byQueue")) {
      sb.append(",\"sourceQueueArns\":[");
      for (int i = 0; i < p.sourceQueueArns().size(); i++) {
        sb.append(i == 0 ? "\"" : ",\"").append(p.sourceQueueArns().get(i)).append('"');
      }
      sb.append(']');
    }
    return sb.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static RedriveAllowPolicy parseRedriveAllow(String value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> json = json(REDRIVE_ALLOW_POLICY, value);
    Object permission = json.get("redrivePermission");
    Object arns = json.getOrDefault("sourceQueueArns", ImmutableList.of());
    boolean byQueue = "byQueue".equals(permission);
    boolean valid =
        ("allowAll".equals(permission) || "denyAll".equals(permission) || byQueue)
            && arns instanceof List
            && (byQueue
                ? !((List<?>) arns).isEmpty() && ((List<?>) arns).size() <= MAX_SOURCE_QUEUE_ARNS
                : ((List<?>) arns).isEmpty());
    if (!valid) {
      throw SqsErrors.invalidAttributeValue(
          REDRIVE_ALLOW_POLICY,
          "redrivePermission must be allowAll, denyAll or byQueue with 1 to 10 sourceQueueArns.");
    }
    return new RedriveAllowPolicy((String) permission, (List<String>) arns);
  }

  private static Map<String, Object> json(String name, String value) {
    try {
      return PolicyJson.parse(value);
    } catch (IllegalArgumentException e) {
      throw SqsErrors.invalidAttributeValue(name, "Invalid JSON: " + e.getMessage());
    }
  }
}
