package dev.awssim.sqs;

import dev.awssim.internal.SimulationContext;
import dev.awssim.internal.time.TimeUnits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The queues of one simulation by name: creation (name rules, QueueNameExists, the 60 s
 * QueueDeletedRecently rule), lookup by URL and ARN, listing, attributes and the checks of a
 * redrive policy against the queue it names ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html}).
 */
final class QueueRegistry {
  /** After a delete, the name cannot be reused for 60 s ({@code API_CreateQueue.html}). */
  static final long DELETED_RECENTLY_NANOS =
      SqsLimits.DELETED_QUEUE_NAME_WAIT_SECONDS * TimeUnits.NANOS_PER_SECOND;

  /** ListQueues returns at most 1,000 URLs ({@code API_ListQueues.html}). */
  static final int MAX_LIST_RESULTS = SqsLimits.MAX_LIST_QUEUES_RESULTS;

  private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");

  private final SimulationContext context;
  private final SqsLimits limits;
  private final TreeMap<String, MessageQueue> byName = new TreeMap<>();
  private final Map<String, MessageQueue> byUrl = new HashMap<>();
  private final Map<String, Long> deletedAt = new HashMap<>();
  private int nextId = 1;

  QueueRegistry(SimulationContext context, SqsLimits limits) {
    this.context = context;
    this.limits = limits;
  }

  String create(String name, Map<String, String> attributes, long now) {
    if (name == null || name.isEmpty()) {
      throw SqsErrors.missingParameter("QueueName");
    }
    String fifoFlag = attributes.get(QueueConfig.FIFO_QUEUE);
    boolean fifo = fifoFlag != null && fifoFlag.equalsIgnoreCase("true");
    checkName(name, fifo);
    QueueConfig config = QueueConfig.create(fifo, attributes, limits);
    MessageQueue existing = byName.get(name);
    if (existing != null) {
      String differs =
          existing.isFifo() != fifo
              ? QueueConfig.FIFO_QUEUE
              : existing.config.firstDifference(attributes, limits);
      if (differs != null) {
        throw SqsErrors.queueNameExists(name, differs);
      }
      return existing.url;
    }
    Long deleted = deletedAt.get(name);
    if (deleted != null && now < deleted + DELETED_RECENTLY_NANOS) {
      throw SqsErrors.queueDeletedRecently(name);
    }
    String arn = limits.arnPrefix() + name;
    checkRedrive(config, arn, fifo);
    MessageQueue q = newQueue(name, arn, config, now);
    byName.put(name, q);
    byUrl.put(q.url, q);
    q.observer.queueEvent(SqsEventType.QUEUE_CREATED);
    return q.url;
  }

  private MessageQueue newQueue(String name, String arn, QueueConfig config, long now) {
    MessageQueue.QueueSetup setup =
        new MessageQueue.QueueSetup(
            nextId++,
            name,
            limits.queueUrlPrefix() + name,
            arn,
            now,
            config,
            new QueueObserver(context, name),
            config.fifo ? limits.maxInflightFifo() : limits.maxInflightStandard(),
            context.random().stream("sqs/" + name + "/ids"),
            context.random().stream("sqs/" + name + "/receipts").nextLong());
    return config.fifo ? new FifoQueue(setup) : new StandardQueue(setup);
  }

  private static void checkName(String name, boolean fifo) {
    if (fifo && !FIFO_NAME.matcher(name).matches()) {
      throw SqsErrors.invalidParameterValue(
          "The name of a FIFO queue can only include alphanumeric characters, hyphens, or"
              + " underscores, must end with .fifo suffix and be 1 to 80 in length.");
    }
    if (!fifo && !STANDARD_NAME.matcher(name).matches()) {
      throw SqsErrors.invalidParameterValue(
          "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
    }
  }

  /**
   * The queue of {@code url}.
   *
   * @throws SqsException QueueDoesNotExist
   */
  MessageQueue byUrl(String url) {
    if (url == null || url.isEmpty()) {
      throw SqsErrors.missingParameter("QueueUrl");
    }
    MessageQueue q = byUrl.get(url);
    if (q == null) {
      throw SqsErrors.queueDoesNotExist();
    }
    return q;
  }

  /** The queue of {@code arn}, or null. */
  MessageQueue byArn(String arn) {
    if (arn == null || !arn.startsWith(limits.arnPrefix())) {
      return null;
    }
    return byName.get(arn.substring(limits.arnPrefix().length()));
  }

  String urlOf(String name) {
    if (name == null || name.isEmpty()) {
      throw SqsErrors.missingParameter("QueueName");
    }
    MessageQueue q = byName.get(name);
    if (q == null) {
      throw SqsErrors.queueDoesNotExist();
    }
    return q.url;
  }

  void delete(MessageQueue q, long now) {
    byName.remove(q.name);
    byUrl.remove(q.url);
    deletedAt.put(q.name, now);
    q.markDeleted();
    q.observer.queueEvent(SqsEventType.QUEUE_DELETED);
  }

  ListQueuesResult list(String prefix, Integer maxResults, String nextToken) {
    return page(prefix == null ? "" : prefix, q -> true, maxResults, nextToken);
  }

  /**
   * ListDeadLetterSourceQueues: the queues whose RedrivePolicy names {@code dlq}, by name ({@code
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListDeadLetterSourceQueues.html}).
   */
  ListQueuesResult deadLetterSources(MessageQueue dlq, Integer maxResults, String nextToken) {
    return page(
        "",
        q ->
            q.config.redrivePolicy != null
                && q.config.redrivePolicy.deadLetterTargetArn().equals(dlq.arn),
        maxResults,
        nextToken);
  }

  private ListQueuesResult page(
      String from, Predicate<MessageQueue> include, Integer maxResults, String nextToken) {
    if (maxResults != null && (maxResults < 1 || maxResults > MAX_LIST_RESULTS)) {
      throw SqsErrors.invalidParameter(
          "MaxResults", maxResults, "MaxResults must be an integer between 1 and 1000.");
    }
    String after = nextToken == null ? null : decodeToken(nextToken);
    int limit = maxResults == null ? MAX_LIST_RESULTS : maxResults;
    List<String> urls = new ArrayList<>();
    String last = null;
    boolean more = false;
    for (MessageQueue q : byName.tailMap(from, true).values()) {
      if (!q.name.startsWith(from)) {
        break;
      }
      if ((after != null && q.name.compareTo(after) <= 0) || !include.test(q)) {
        continue;
      }
      if (urls.size() == limit) {
        more = true;
        break;
      }
      urls.add(q.url);
      last = q.name;
    }
    String token =
        more && maxResults != null
            ? Base64.getEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8))
            : null;
    return new ListQueuesResult(urls, token);
  }

  private static String decodeToken(String token) {
    try {
      return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw SqsErrors.invalidParameterValue("Invalid NextToken value.");
    }
  }

  void setAttributes(MessageQueue q, Map<String, String> attributes, long now) {
    QueueConfig next = q.config.with(attributes, limits);
    checkRedrive(next, q.arn, q.isFifo());
    q.config = next;
    q.lastModified = now;
  }

  /**
   * The dead-letter queue named by a redrive policy must exist, have the source's type, and allow
   * the source by its RedriveAllowPolicy ({@code sqs-dead-letter-queues.html}).
   */
  private void checkRedrive(QueueConfig config, String sourceArn, boolean fifo) {
    if (config.redrivePolicy == null) {
      return;
    }
    String target = config.redrivePolicy.deadLetterTargetArn();
    MessageQueue dlq = byArn(target);
    String reason = null;
    if (dlq == null) {
      reason = "Dead letter target does not exist.";
    } else if (dlq.isFifo() != fifo) {
      reason = "Dead-letter queue must be same type of queue as the source.";
    } else if (dlq.config.redriveAllowPolicy != null
        && !dlq.config.redriveAllowPolicy.allows(sourceArn)) {
      reason = "Queue " + target + " does not allow this queue to use it as a dead-letter queue.";
    }
    if (reason != null) {
      throw SqsErrors.invalidParameter(
          QueueConfig.REDRIVE_POLICY, config.values().get(QueueConfig.REDRIVE_POLICY), reason);
    }
  }

  /** Whether some queue's RedrivePolicy names {@code q}. */
  boolean isDeadLetterQueue(MessageQueue q) {
    for (MessageQueue source : byName.values()) {
      if (source.config.redrivePolicy != null
          && source.config.redrivePolicy.deadLetterTargetArn().equals(q.arn)) {
        return true;
      }
    }
    return false;
  }

  /** The dead-letter queue a receive from {@code q} moves to, or null. */
  MessageQueue deadLetterQueueOf(MessageQueue q) {
    if (q.config.redrivePolicy == null) {
      return null;
    }
    MessageQueue dlq = byArn(q.config.redrivePolicy.deadLetterTargetArn());
    // A queue named as its own dead-letter queue keeps its messages (a move would loop).
    return dlq != null && dlq != q && dlq.isFifo() == q.isFifo() ? dlq : null;
  }

  /** Every attribute of {@code q} in AWS's order. */
  Map<String, String> attributes(MessageQueue q, long now) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("QueueArn", q.arn);
    all.put("ApproximateNumberOfMessages", Long.toString(q.visibleCount(now)));
    all.put("ApproximateNumberOfMessagesNotVisible", Long.toString(q.inflightCount()));
    all.put("ApproximateNumberOfMessagesDelayed", Long.toString(q.delayedCount(now)));
    all.put("CreatedTimestamp", epochSeconds(q.createdAt));
    all.put("LastModifiedTimestamp", epochSeconds(q.lastModified));
    all.putAll(q.config.values());
    return all;
  }

  static boolean isAttributeName(String name, boolean fifo) {
    return switch (name) {
      case MessageViews.ALL,
          "QueueArn",
          "ApproximateNumberOfMessages",
          "ApproximateNumberOfMessagesNotVisible",
          "ApproximateNumberOfMessagesDelayed",
          "CreatedTimestamp",
          "LastModifiedTimestamp",
          QueueConfig.VISIBILITY_TIMEOUT,
          QueueConfig.MAXIMUM_MESSAGE_SIZE,
          QueueConfig.MESSAGE_RETENTION_PERIOD,
          QueueConfig.DELAY_SECONDS,
          QueueConfig.RECEIVE_WAIT,
          QueueConfig.SSE,
          QueueConfig.POLICY,
          QueueConfig.REDRIVE_POLICY,
          QueueConfig.REDRIVE_ALLOW_POLICY,
          QueueConfig.KMS_KEY,
          QueueConfig.KMS_REUSE ->
          true;
      case QueueConfig.FIFO_QUEUE,
          QueueConfig.CONTENT_BASED_DEDUPLICATION,
          QueueConfig.DEDUPLICATION_SCOPE,
          QueueConfig.FIFO_THROUGHPUT_LIMIT ->
          fifo;
      default -> false;
    };
  }

  private String epochSeconds(long nanos) {
    return Long.toString(context.clock().toInstant(nanos).getEpochSecond());
  }
}
