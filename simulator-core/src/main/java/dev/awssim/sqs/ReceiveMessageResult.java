package dev.awssim.sqs;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What ReceiveMessage returns: up to MaxNumberOfMessages messages, possibly none.
 *
 * <pre>{@code
 * List<Message> got = sqs.receiveMessage(queueUrl).messages();
 * }</pre>
 *
 * @param messages the messages
 */
public record ReceiveMessageResult(List<Message> messages) {
  /** Copies the list. */
  public ReceiveMessageResult {
    messages = ImmutableList.copyOf(messages);
  }
}
