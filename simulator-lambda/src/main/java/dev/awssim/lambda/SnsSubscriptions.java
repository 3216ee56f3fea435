package dev.awssim.lambda;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the SNS event a {@code lambda} subscription delivers
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html) into the {@link SNSEvent} handlers
 * receive.
 */
final class SnsSubscriptions {
  private SnsSubscriptions() {}

  /**
   * The event, from SNS's JSON.
   *
   * @throws IllegalArgumentException if the JSON is not an SNS event
   */
  @SuppressWarnings("unchecked")
  static SNSEvent event(String json) {
    Map<String, Object> root = (Map<String, Object>) Json.parse(json);
    List<SNSEvent.SNSRecord> records = new ArrayList<>();
    for (Object o : (List<Object>) root.get("Records")) {
      Map<String, Object> r = (Map<String, Object>) o;
      Map<String, Object> n = (Map<String, Object>) r.get("Sns");
      SNSEvent.SNS sns = new SNSEvent.SNS();
      sns.setType((String) n.get("Type"));
      sns.setMessageId((String) n.get("MessageId"));
      sns.setTopicArn((String) n.get("TopicArn"));
      sns.setSubject((String) n.get("Subject"));
      sns.setMessage((String) n.get("Message"));
      sns.setTimestamp(new org.joda.time.DateTime((String) n.get("Timestamp")));
      sns.setSignatureVersion((String) n.get("SignatureVersion"));
      sns.setSignature((String) n.get("Signature"));
      sns.setSigningCertUrl((String) n.get("SigningCertUrl"));
      sns.setUnsubscribeUrl((String) n.get("UnsubscribeUrl"));
      Map<String, SNSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
      Object attrs = n.get("MessageAttributes");
      if (attrs instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          Map<String, Object> a = (Map<String, Object>) e.getValue();
          SNSEvent.MessageAttribute attribute = new SNSEvent.MessageAttribute();
          attribute.setType((String) a.get("Type"));
          attribute.setValue((String) a.get("Value"));
          attributes.put((String) e.getKey(), attribute);
        }
      }
      sns.setMessageAttributes(attributes);
      SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
      record.setEventSource((String) r.get("EventSource"));
      record.setEventVersion((String) r.get("EventVersion"));
      record.setEventSubscriptionArn((String) r.get("EventSubscriptionArn"));
      record.setSns(sns);
      records.add(record);
    }
    SNSEvent event = new SNSEvent();
    event.setRecords(records);
    return event;
  }
}
