package dev.awssim.sqs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The validated parameters of one ReceiveMessage, with the queue's defaults filled in ({@code
 * API_ReceiveMessage.html}).
 */
record ReceiveParameters(
    int maxNumberOfMessages,
    int visibilityTimeout,
    int waitSeconds,
    String receiveRequestAttemptId,
    Set<String> systemAttributes,
    List<String> messageAttributeNames) {

  /** MaxNumberOfMessages is 1 to 10 ({@code API_ReceiveMessage.html}). */
  static final int MAX_MESSAGES = SqsLimits.MAX_RECEIVE_MESSAGES;

  /**
   * Validates {@code r} against {@code config}.
   *
   * @throws SqsException InvalidParameterValue, InvalidAttributeName (a null attribute name)
   */
  static ReceiveParameters of(ReceiveMessageRequest r, QueueConfig config) {
    if (r.attributeNames().contains(null)
        || r.messageSystemAttributeNames().contains(null)
        || r.messageAttributeNames().contains(null)) {
      throw SqsErrors.invalidAttributeName(null);
    }
    int max = r.maxNumberOfMessages() == null ? 1 : r.maxNumberOfMessages();
    if (max < 1 || max > MAX_MESSAGES) {
      throw SqsErrors.invalidParameter(
          "MaxNumberOfMessages", max, "Must be between 1 and 10, if provided.");
    }
    int visibility =
        r.visibilityTimeout() == null ? config.visibilityTimeout : r.visibilityTimeout();
    if (visibility < 0 || visibility > QueueConfig.MAX_VISIBILITY_TIMEOUT) {
      throw SqsErrors.invalidParameter(
          "VisibilityTimeout", visibility, "Must be between 0 and 43200, if provided.");
    }
    int wait =
        r.waitTimeSeconds() == null ? config.receiveMessageWaitTimeSeconds : r.waitTimeSeconds();
    if (wait < 0 || wait > QueueConfig.MAX_WAIT) {
      throw SqsErrors.invalidParameter(
          "WaitTimeSeconds", wait, "Must be >= 0 and <= 20, if provided.");
    }
    String attemptId = config.fifo ? checkAttemptId(r.receiveRequestAttemptId()) : null;
    return new ReceiveParameters(
        max, visibility, wait, attemptId, systemAttributes(r), r.messageAttributeNames());
  }

  private static Set<String> systemAttributes(ReceiveMessageRequest r) {
    if (r.attributeNames().isEmpty() && r.messageSystemAttributeNames().isEmpty()) {
      return Set.of();
    }
    Set<String> system = new HashSet<>(r.attributeNames());
    system.addAll(r.messageSystemAttributeNames());
    system.retainAll(MessageViews.SYSTEM_ATTRIBUTES);
    return Set.copyOf(system);
  }

  private static String checkAttemptId(String id) {
    if (id == null) {
      return null;
    }
    boolean valid = !id.isEmpty() && id.length() <= MessageValidator.MAX_ID_LENGTH;
    for (int i = 0; valid && i < id.length(); i++) {
      valid = id.charAt(i) >= '!' && id.charAt(i) <= '~';
    }
    if (!valid) {
      throw SqsErrors.invalidParameter(
          "ReceiveRequestAttemptId",
          id,
          "ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to"
              + " 128 in length.");
    }
    return id;
  }
}
