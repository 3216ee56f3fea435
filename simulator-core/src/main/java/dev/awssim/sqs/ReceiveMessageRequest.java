package dev.awssim.sqs;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameters of ReceiveMessage ({@code API_ReceiveMessage.html}); null means "not given".
 *
 * <pre>{@code
 * sqs.receiveMessage(ReceiveMessageRequest.builder(queueUrl)
 *     .maxNumberOfMessages(10).waitTimeSeconds(20).messageSystemAttributeNames(List.of("All"))
 *     .build());
 * }</pre>
 *
 * @param queueUrl the queue
 * @param attributeNames system attributes to return (the older parameter; merged with the next)
 * @param messageSystemAttributeNames system attributes to return, or {@code All}
 * @param messageAttributeNames user attributes to return: names, prefixes ending in {@code .*},
 *     {@code All} or {@code .*}
 * @param maxNumberOfMessages 1-10, default 1
 * @param visibilityTimeout 0-43,200 s for the returned messages, or null for the queue's
 * @param waitTimeSeconds 0-20 s, or null for the queue's ReceiveMessageWaitTimeSeconds
 * @param receiveRequestAttemptId FIFO retry token (up to 128 characters)
 */
public record ReceiveMessageRequest(
    String queueUrl,
    List<String> attributeNames,
    List<String> messageSystemAttributeNames,
    List<String> messageAttributeNames,
    Integer maxNumberOfMessages,
    Integer visibilityTimeout,
    Integer waitTimeSeconds,
    String receiveRequestAttemptId) {

  /**
   * Copies the lists (null becomes empty). A null name inside a list is kept, for ReceiveMessage to
   * reject with {@code InvalidAttributeName}.
   */
  public ReceiveMessageRequest {
    attributeNames = copy(attributeNames);
    messageSystemAttributeNames = copy(messageSystemAttributeNames);
    messageAttributeNames = copy(messageAttributeNames);
  }

  private static List<String> copy(List<String> list) {
    return list == null || list.isEmpty()
        ? ImmutableList.of()
        : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** A request for one message with every other parameter not given. */
  public static ReceiveMessageRequest of(String queueUrl) {
    return builder(queueUrl).build();
  }

  /** A builder for a receive from {@code queueUrl}. */
  public static Builder builder(String queueUrl) {
    return new Builder(queueUrl);
  }

  /** Builds a {@link ReceiveMessageRequest}. */
  public static final class Builder {
    private final String queueUrl;
    private List<String> attributeNames;
    private List<String> messageSystemAttributeNames;
    private List<String> messageAttributeNames;
    private Integer maxNumberOfMessages;
    private Integer visibilityTimeout;
    private Integer waitTimeSeconds;
    private String receiveRequestAttemptId;

    private Builder(String queueUrl) {
      this.queueUrl = queueUrl;
    }

    /** System attributes to return (older parameter name). */
    public Builder attributeNames(List<String> names) {
      this.attributeNames = names;
      return this;
    }

    /** System attributes to return. */
    public Builder messageSystemAttributeNames(List<String> names) {
      this.messageSystemAttributeNames = names;
      return this;
    }

    /** User attributes to return. */
    public Builder messageAttributeNames(List<String> names) {
      this.messageAttributeNames = names;
      return this;
    }

    /** 1-10. */
    public Builder maxNumberOfMessages(Integer max) {
      this.maxNumberOfMessages = max;
      return this;
    }

    /** Visibility timeout in seconds for the returned messages. */
    public Builder visibilityTimeout(Integer seconds) {
      this.visibilityTimeout = seconds;
      return this;
    }

    /** Long-poll wait in seconds. */
    public Builder waitTimeSeconds(Integer seconds) {
      this.waitTimeSeconds = seconds;
      return this;
    }

    /** FIFO retry token. */
    public Builder receiveRequestAttemptId(String id) {
      this.receiveRequestAttemptId = id;
      return this;
    }

    /** The request. */
    public ReceiveMessageRequest build() {
      return new ReceiveMessageRequest(
          queueUrl,
          attributeNames,
          messageSystemAttributeNames,
          messageAttributeNames,
          maxNumberOfMessages,
          visibilityTimeout,
          waitTimeSeconds,
          receiveRequestAttemptId);
    }
  }
}
