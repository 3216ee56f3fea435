package dev.awssim;

import com.google.common.collect.ImmutableMap;
import dev.awssim.sns.DeliveryStatus;
import dev.awssim.sns.QueueDelivery;
import dev.awssim.sns.QueueEndpoints;
import dev.awssim.sqs.MessageAttributeValue;
import dev.awssim.sqs.SendMessageRequest;
import dev.awssim.sqs.Sqs;
import dev.awssim.sqs.SqsException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * SNS's deliveries to SQS queues: an SQS SendMessage on the subscribed queue, following the queue's
 * own rules (size, attributes, FIFO group and deduplication). A missing queue or a message the
 * queue refuses is a client-side error (not retried); a throttled send is a server-side error
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html). The queue may be
 * in another Region of the simulation, as SNS delivers across Regions
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-cross-region-delivery.html); a Region the
 * simulation has not used has no queues.
 */
final class SnsToSqs implements QueueEndpoints {
  private static final String ARN_PREFIX = "arn:aws:sqs:";

  /** The SQS of a Region the simulation has used, or null. */
  private final Function<String, Sqs> sqsOfRegion;

  private final String accountId;

  /**
   * The queue of each queue ARN delivered to, looked up on the first delivery that finds it. A
   * queue's URL follows from its Region and name, so an entry stays right if the queue is deleted
   * (the send then fails with QueueDoesNotExist, as the lookup would) and recreated.
   */
  private final Map<String, Target> targets = new HashMap<>();

  /** The SNS attributes converted last, and their SQS form: one publish fans out one map. */
  private Map<String, dev.awssim.sns.MessageAttributeValue> lastSnsAttributes;

  private Map<String, MessageAttributeValue> lastSqsAttributes;

  /** A queue: the SQS of its Region and its URL. */
  private record Target(Sqs sqs, String url) {}

  SnsToSqs(Function<String, Sqs> sqsOfRegion, String accountId) {
    this.sqsOfRegion = sqsOfRegion;
    this.accountId = accountId;
  }

  @Override
  public DeliveryStatus send(QueueDelivery d) {
    String arn = d.queueArn();
    try {
      Target target = targets.get(arn);
      if (target == null) {
        // arn:aws:sqs:<region>:<account>:<name>
        String[] parts = arn.split(":", -1);
        if (!arn.startsWith(ARN_PREFIX) || parts.length != 6 || !parts[4].equals(accountId)) {
          return DeliveryStatus.CLIENT_ERROR;
        }
        Sqs regional = sqsOfRegion.apply(parts[3]);
        if (regional == null) {
          return DeliveryStatus.CLIENT_ERROR;
        }
        target = new Target(regional, regional.getQueueUrl(parts[5]));
        targets.put(arn, target);
      }
      Sqs sqs = target.sqs();
      String url = target.url();
      sqs.sendMessage(
          SendMessageRequest.builder(url, d.body())
              .messageAttributes(sqsAttributes(d.messageAttributes()))
              .messageGroupId(d.messageGroupId())
              .messageDeduplicationId(url.endsWith(".fifo") ? d.messageDeduplicationId() : null)
              .build());
      return DeliveryStatus.DELIVERED;
    } catch (SqsException e) {
      return e.isThrottling() ? DeliveryStatus.SERVER_ERROR : DeliveryStatus.CLIENT_ERROR;
    }
  }

  /** The same attributes as SQS values (both maps are immutable, so the last pair is reused). */
  @SuppressWarnings("ReferenceEquality") // the same immutable map: the same publish's fan-out
  private Map<String, MessageAttributeValue> sqsAttributes(
      Map<String, dev.awssim.sns.MessageAttributeValue> snsAttributes) {
    if (snsAttributes.isEmpty()) {
      return ImmutableMap.of();
    }
    if (snsAttributes != lastSnsAttributes) {
      Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
      for (Map.Entry<String, dev.awssim.sns.MessageAttributeValue> e : snsAttributes.entrySet()) {
        dev.awssim.sns.MessageAttributeValue v = e.getValue();
        attributes.put(
            e.getKey(), MessageAttributeValue.of(v.dataType(), v.stringValue(), v.binaryValue()));
      }
      lastSnsAttributes = snsAttributes;
      lastSqsAttributes = attributes;
    }
    return lastSqsAttributes;
  }
}
