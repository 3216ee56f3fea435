package dev.awssim.sns;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * The JSON documents SNS sends: the notification envelope
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html), the subscription
 * confirmation, and the Lambda event (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html).
 *
 * <p>The {@code Signature} is a deterministic stand-in (a base64 SHA-256 over the fields AWS
 * signs), not an RSA signature that a certificate could verify.
 */
final class Envelopes {
  /** ISO-8601 with milliseconds and {@code Z}, as in {@code 2012-04-25T21:49:25.719Z}. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", java.util.Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final String region;

  Envelopes(String region) {
    this.region = region;
  }

  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  String signingCertUrl() {
    return "https://sns." + region + ".amazonaws.com/SimpleNotificationService-awssim.pem";
  }

  String unsubscribeUrl(String subscriptionArn) {
    return "https://sns."
        + region
        + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
        + subscriptionArn;
  }

  /** The JSON envelope of a notification (raw delivery off). */
  String notification(Published m, String message, String subscriptionArn) {
    StringBuilder sb = new StringBuilder(message.length() + 512);
    sb.append('{');
    field(sb, "Type", "Notification").append(',');
    field(sb, "MessageId", m.messageId()).append(',');
    if (m.sequenceNumber() != null) {
      field(sb, "SequenceNumber", m.sequenceNumber()).append(',');
    }
    field(sb, "TopicArn", m.topicArn()).append(',');
    if (m.subject() != null) {
      field(sb, "Subject", m.subject()).append(',');
    }
    field(sb, "Message", message).append(',');
    String ts = timestamp(m.timestamp());
    field(sb, "Timestamp", ts).append(',');
    field(sb, "SignatureVersion", "1").append(',');
    field(sb, "Signature", signature(m.messageId(), message, ts, m.topicArn())).append(',');
    field(sb, "SigningCertURL", signingCertUrl()).append(',');
    field(sb, "UnsubscribeURL", unsubscribeUrl(subscriptionArn));
    if (!m.attributes().isEmpty()) {
      sb.append(',');
      Json.quote(sb, "MessageAttributes").append(':');
      attributes(sb, m.attributes());
    }
    return sb.append('}').toString();
  }

  /** The SubscriptionConfirmation document POSTed to an HTTP/S endpoint. */
  String confirmation(String messageId, String token, String topicArn, Instant now) {
    String message =
        "You have chosen to subscribe to the topic "
            + topicArn
            + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
    String ts = timestamp(now);
    StringBuilder sb = new StringBuilder(1024).append('{');
    field(sb, "Type", "SubscriptionConfirmation").append(',');
    field(sb, "MessageId", messageId).append(',');
    field(sb, "Token", token).append(',');
    field(sb, "TopicArn", topicArn).append(',');
    field(sb, "Message", message).append(',');
    field(sb, "SubscribeURL", subscribeUrl(topicArn, token)).append(',');
    field(sb, "Timestamp", ts).append(',');
    field(sb, "SignatureVersion", "1").append(',');
    field(sb, "Signature", signature(messageId, message, ts, topicArn)).append(',');
    field(sb, "SigningCertURL", signingCertUrl());
    return sb.append('}').toString();
  }

  String subscribeUrl(String topicArn, String token) {
    return "https://sns."
        + region
        + ".amazonaws.com/?Action=ConfirmSubscription&TopicArn="
        + topicArn
        + "&Token="
        + token;
  }

  /** The event a Lambda function subscribed to the topic receives. */
  String lambdaEvent(Published m, String message, String subscriptionArn) {
    StringBuilder sb = new StringBuilder(message.length() + 640);
    sb.append("{\"Records\":[{");
    field(sb, "EventSource", "aws:sns").append(',');
    field(sb, "EventVersion", "1.0").append(',');
    field(sb, "EventSubscriptionArn", subscriptionArn).append(',');
    Json.quote(sb, "Sns").append(":{");
    field(sb, "Type", "Notification").append(',');
    field(sb, "MessageId", m.messageId()).append(',');
    field(sb, "TopicArn", m.topicArn()).append(',');
    Json.quote(sb, "Subject").append(':');
    if (m.subject() == null) {
      sb.append("null");
    } else {
      Json.quote(sb, m.subject());
    }
    sb.append(',');
    field(sb, "Message", message).append(',');
    String ts = timestamp(m.timestamp());
    field(sb, "Timestamp", ts).append(',');
    field(sb, "SignatureVersion", "1").append(',');
    field(sb, "Signature", signature(m.messageId(), message, ts, m.topicArn())).append(',');
    field(sb, "SigningCertUrl", signingCertUrl()).append(',');
    field(sb, "UnsubscribeUrl", unsubscribeUrl(subscriptionArn)).append(',');
    Json.quote(sb, "MessageAttributes").append(':');
    attributes(sb, m.attributes());
    return sb.append("}}]}").toString();
  }

  private static void attributes(StringBuilder sb, Map<String, MessageAttributeValue> attributes) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      MessageAttributeValue v = e.getValue();
      Json.quote(sb, e.getKey()).append(":{");
      field(sb, "Type", v.dataType()).append(',');
      String value =
          v.binaryValueUnsafe() != null
              ? Base64.getEncoder().encodeToString(v.binaryValueUnsafe())
              : v.stringValue();
      field(sb, "Value", value).append('}');
    }
    sb.append('}');
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    Json.quote(sb, name).append(':');
    return Json.quote(sb, value);
  }

  private static String signature(String... parts) {
    return Base64.getEncoder()
        .encodeToString(
            Hashing.sha256()
                .hashString(String.join("\n", parts), StandardCharsets.UTF_8)
                .asBytes());
  }

  /** What fan-out needs of a published message. */
  record Published(
      String messageId,
      String sequenceNumber,
      String topicArn,
      String subject,
      String message,
      Map<String, Object> perProtocol,
      Map<String, MessageAttributeValue> attributes,
      String messageGroupId,
      String messageDeduplicationId,
      Instant timestamp) {

    /**
     * The body for {@code protocol}: its own entry with MessageStructure json, else the default.
     */
    String messageFor(String protocol) {
      if (perProtocol == null) {
        return message;
      }
      Object own = perProtocol.get(protocol);
      return own instanceof String s ? s : (String) perProtocol.get("default");
    }
  }
}
