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

  SnsToSqs(Function<String, Sqs> sqsOfRegion, String accountId) {
    this.sqsOfRegion = sqsOfRegion;
    this.accountId = accountId;
  }

  @Override
  public DeliveryStatus send(QueueDelivery d) {
    // arn:aws:sqs:<region>:<account>:<name>
    String arn = d.queueArn();
    String[] parts = arn.split(":", -1);
    if (!arn.startsWith(ARN_PREFIX) || parts.length != 6 || !parts[4].equals(accountId)) {
      return DeliveryStatus.CLIENT_ERROR;
    }
    Sqs sqs = sqsOfRegion.apply(parts[3]);
    if (sqs == null) {
      return DeliveryStatus.CLIENT_ERROR;
    }
    try {
      String url = sqs.getQueueUrl(parts[5]);
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
