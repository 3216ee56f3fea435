package dev.awssim.sns;

import com.google.common.collect.ImmutableMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of Publish (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html); null
 * means "not given".
 *
 * <pre>{@code
 * sns.publish(PublishRequest.builder(topicArn, "hello")
 *     .subject("greeting")
 *     .messageAttributes(Map.of("store", MessageAttributeValue.ofString("example_corp")))
 *     .build());
 * }</pre>
 *
 * @param topicArn the topic
 * @param message the message (at most 256 KB with its attributes)
 * @param subject the subject (less than 100 characters), or null
 * @param messageStructure {@code json} for per-protocol messages, or null
 * @param messageAttributes the attributes, in insertion order
 * @param messageGroupId required on FIFO topics
 * @param messageDeduplicationId FIFO deduplication id, or null for content-based deduplication
 */
public record PublishRequest(
    String topicArn,
    String message,
    String subject,
    String messageStructure,
    Map<String, MessageAttributeValue> messageAttributes,
    String messageGroupId,
    String messageDeduplicationId) {

  /** Copies the attributes (null becomes empty). */
  public PublishRequest {
    messageAttributes = copy(messageAttributes);
  }

  /**
   * An immutable copy in insertion order. An {@link ImmutableMap} is its own copy, so the copies
   * fan-out makes per delivery ({@link QueueDelivery}) cost nothing; a map holding a null name or
   * value (which Publish refuses with AWS's error) is kept in a {@link LinkedHashMap}.
   */
  static Map<String, MessageAttributeValue> copy(Map<String, MessageAttributeValue> map) {
    if (map == null || map.isEmpty()) {
      return ImmutableMap.of();
    }
    if (map instanceof ImmutableMap<String, MessageAttributeValue> immutable) {
      return immutable;
    }
    for (Map.Entry<String, MessageAttributeValue> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
      }
    }
    return ImmutableMap.copyOf(map);
  }

  /** A builder for {@code message} to {@code topicArn}. */
  public static Builder builder(String topicArn, String message) {
    return new Builder(topicArn, message);
  }

  /** Builds a {@link PublishRequest}. */
  public static final class Builder {
    private final String topicArn;
    private final String message;
    private String subject;
    private String messageStructure;
    private Map<String, MessageAttributeValue> messageAttributes = ImmutableMap.of();
    private String messageGroupId;
    private String messageDeduplicationId;

    private Builder(String topicArn, String message) {
      this.topicArn = topicArn;
      this.message = message;
    }

    /** The subject. */
    public Builder subject(String value) {
      this.subject = value;
      return this;
    }

    /** {@code json} for a message whose top-level keys are protocols. */
    public Builder messageStructure(String value) {
      this.messageStructure = value;
      return this;
    }

    /** The message attributes. */
    public Builder messageAttributes(Map<String, MessageAttributeValue> value) {
      this.messageAttributes = value;
      return this;
    }

    /** The FIFO message group. */
    public Builder messageGroupId(String value) {
      this.messageGroupId = value;
      return this;
    }

    /** The FIFO deduplication id. */
    public Builder messageDeduplicationId(String value) {
      this.messageDeduplicationId = value;
      return this;
    }

    /** The request. */
    public PublishRequest build() {
      return new PublishRequest(
          topicArn,
          message,
          subject,
          messageStructure,
          messageAttributes,
          messageGroupId,
          messageDeduplicationId);
    }
  }
}
