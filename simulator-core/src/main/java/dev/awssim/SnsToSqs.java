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

/**
 * SNS's deliveries to SQS queues: an SQS SendMessage on the subscribed queue, following the queue's
 * own rules (size, attributes, FIFO group and deduplication). A missing queue or a message the
 * queue refuses is a client-side error (not retried); a throttled send is a server-side error
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html).
 */
final class SnsToSqs implements QueueEndpoints {
  private final Sqs sqs;
  private final String arnPrefix;

  /**
   * Queue URLs by queue ARN, looked up on the first delivery to a queue. A queue's URL follows from
   * its name, so an entry stays right if the queue is deleted (the send then fails with
   * QueueDoesNotExist, as the lookup would) and recreated.
   */
  private final Map<String, String> urls = new HashMap<>();

  /** The SNS attributes converted last, and their SQS form: one publish fans out one map. */
  private Map<String, dev.awssim.sns.MessageAttributeValue> lastSnsAttributes;

  private Map<String, MessageAttributeValue> lastSqsAttributes;

  SnsToSqs(Sqs sqs, String region, String accountId) {
    this.sqs = sqs;
    this.arnPrefix = "arn:aws:sqs:" + region + ":" + accountId + ":";
  }

  @Override
  public DeliveryStatus send(QueueDelivery d) {
    if (!d.queueArn().startsWith(arnPrefix)) {
      return DeliveryStatus.CLIENT_ERROR;
    }
    try {
      String url = urls.get(d.queueArn());
      if (url == null) {
        url = sqs.getQueueUrl(d.queueArn().substring(arnPrefix.length()));
        urls.put(d.queueArn(), url);
      }
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
