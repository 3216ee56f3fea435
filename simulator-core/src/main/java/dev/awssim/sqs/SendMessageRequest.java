package dev.awssim.sqs;

import com.google.common.collect.ImmutableMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of SendMessage ({@code API_SendMessage.html}); null means "not given".
 *
 * <pre>{@code
 * sqs.sendMessage(SendMessageRequest.builder(queueUrl, "hello")
 *     .messageGroupId("g1").messageDeduplicationId("d1").build());
 * }</pre>
 *
 * @param queueUrl the queue
 * @param messageBody the body (1 character to the queue's MaximumMessageSize)
 * @param delaySeconds per-message delay 0-900 s (standard queues only), or null for the queue's
 * @param messageAttributes up to 10 user attributes
 * @param messageSystemAttributes system attributes ({@code AWSTraceHeader} only)
 * @param messageDeduplicationId FIFO deduplication id
 * @param messageGroupId FIFO message group (on standard queues: fair-queue tenant)
 */
public record SendMessageRequest(
    String queueUrl,
    String messageBody,
    Integer delaySeconds,
    Map<String, MessageAttributeValue> messageAttributes,
    Map<String, MessageAttributeValue> messageSystemAttributes,
    String messageDeduplicationId,
    String messageGroupId) {

  /**
   * Copies the maps (null becomes empty). A null name or value inside a map is kept, for
   * SendMessage to reject with AWS's {@code InvalidParameterValue}.
   */
  public SendMessageRequest {
    messageAttributes = copy(messageAttributes);
    messageSystemAttributes = copy(messageSystemAttributes);
  }

  /** An unmodifiable insertion-ordered copy that keeps null names and values for validation. */
  static Map<String, MessageAttributeValue> copy(Map<String, MessageAttributeValue> map) {
    return map == null || map.isEmpty()
        ? ImmutableMap.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A builder for a message to {@code queueUrl} with {@code messageBody}. */
  public static Builder builder(String queueUrl, String messageBody) {
    return new Builder(queueUrl, messageBody);
  }

  /** Builds a {@link SendMessageRequest}. */
  public static final class Builder {
    private final String queueUrl;
    private final String messageBody;
    private Integer delaySeconds;
    private Map<String, MessageAttributeValue> messageAttributes = ImmutableMap.of();
    private Map<String, MessageAttributeValue> messageSystemAttributes = ImmutableMap.of();
    private String messageDeduplicationId;
    private String messageGroupId;

    private Builder(String queueUrl, String messageBody) {
      this.queueUrl = queueUrl;
      this.messageBody = messageBody;
    }

    /** The per-message delay in seconds. */
    public Builder delaySeconds(Integer seconds) {
      this.delaySeconds = seconds;
      return this;
    }

    /** The user attributes. */
    public Builder messageAttributes(Map<String, MessageAttributeValue> attributes) {
      this.messageAttributes = attributes;
      return this;
    }

    /** The system attributes ({@code AWSTraceHeader}). */
    public Builder messageSystemAttributes(Map<String, MessageAttributeValue> attributes) {
      this.messageSystemAttributes = attributes;
      return this;
    }

    /** The FIFO deduplication id. */
    public Builder messageDeduplicationId(String id) {
      this.messageDeduplicationId = id;
      return this;
    }

    /** The message group id. */
    public Builder messageGroupId(String id) {
      this.messageGroupId = id;
      return this;
    }

    /** The request. */
    public SendMessageRequest build() {
      return new SendMessageRequest(
          queueUrl,
          messageBody,
          delaySeconds,
          messageAttributes,
          messageSystemAttributes,
          messageDeduplicationId,
          messageGroupId);
    }
  }
}
