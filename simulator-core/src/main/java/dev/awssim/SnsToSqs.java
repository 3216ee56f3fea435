package dev.awssim;

import dev.awssim.sns.DeliveryStatus;
import dev.awssim.sns.QueueDelivery;
import dev.awssim.sns.QueueEndpoints;
import dev.awssim.sqs.MessageAttributeValue;
import dev.awssim.sqs.SendMessageRequest;
import dev.awssim.sqs.Sqs;
import dev.awssim.sqs.SqsException;
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
      String url = sqs.getQueueUrl(d.queueArn().substring(arnPrefix.length()));
      Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
      for (Map.Entry<String, dev.awssim.sns.MessageAttributeValue> e :
          d.messageAttributes().entrySet()) {
        dev.awssim.sns.MessageAttributeValue v = e.getValue();
        attributes.put(
            e.getKey(), MessageAttributeValue.of(v.dataType(), v.stringValue(), v.binaryValue()));
      }
      sqs.sendMessage(
          SendMessageRequest.builder(url, d.body())
              .messageAttributes(attributes)
              .messageGroupId(d.messageGroupId())
              .messageDeduplicationId(url.endsWith(".fifo") ? d.messageDeduplicationId() : null)
              .build());
      return DeliveryStatus.DELIVERED;
    } catch (SqsException e) {
      return e.isThrottling() ? DeliveryStatus.SERVER_ERROR : DeliveryStatus.CLIENT_ERROR;
    }
  }
}
