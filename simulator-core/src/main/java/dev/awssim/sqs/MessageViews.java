package dev.awssim.sqs;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.time.VirtualClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Message}s a receive returns: the receipt handle of this receive, the requested
 * system attributes ({@code API_ReceiveMessage.html} MessageSystemAttributeNames) and the requested
 * user attributes with their MD5.
 */
final class MessageViews {
  static final String ALL = "All";
  static final Set<String> SYSTEM_ATTRIBUTES =
      Set.of(
          ALL,
          "SenderId",
          "SentTimestamp",
          "ApproximateReceiveCount",
          "ApproximateFirstReceiveTimestamp",
          "SequenceNumber",
          "MessageDeduplicationId",
          "MessageGroupId",
          "AWSTraceHeader",
          "DeadLetterQueueSourceArn");

  private final VirtualClock clock;
  private final Digests digests;
  private final String senderId;

  MessageViews(VirtualClock clock, Digests digests, String senderId) {
    this.clock = clock;
    this.digests = digests;
    this.senderId = senderId;
  }

  Message view(MessageQueue q, StoredMessage m, Set<String> system, List<String> userNames) {
    String handle = ReceiptHandles.encode(q.id, m.sequence, m.receiveCount, q.receiptSecret);
    Map<String, MessageAttributeValue> user = userAttributes(m, userNames);
    return new Message(
        m.messageId(),
        handle,
        m.md5OfBody(),
        m.body,
        system.isEmpty() ? ImmutableMap.of() : systemAttributes(m, system),
        digests.attributesMd5(user),
        user);
  }

  private Map<String, String> systemAttributes(StoredMessage m, Set<String> wanted) {
    boolean all = wanted.contains(ALL);
    Map<String, String> a = new LinkedHashMap<>();
    put(a, wanted, all, "SenderId", senderId);
    put(a, wanted, all, "ApproximateFirstReceiveTimestamp", millis(m.firstReceivedAt));
    put(a, wanted, all, "ApproximateReceiveCount", Integer.toString(m.receiveCount));
    put(a, wanted, all, "SentTimestamp", millis(m.sentAt));
    put(a, wanted, all, "SequenceNumber", m.sequenceNumber);
    put(a, wanted, all, "MessageDeduplicationId", m.deduplicationId);
    put(a, wanted, all, "MessageGroupId", m.groupId);
    put(a, wanted, all, "AWSTraceHeader", m.traceHeader);
    put(a, wanted, all, "DeadLetterQueueSourceArn", m.deadLetterSourceArn);
    return a;
  }

  private static void put(
      Map<String, String> a, Set<String> wanted, boolean all, String name, String value) {
    if (value != null && (all || wanted.contains(name))) {
      a.put(name, value);
    }
  }

  private String millis(long nanos) {
    return Long.toString(clock.toInstant(nanos).toEpochMilli());
  }

  private static Map<String, MessageAttributeValue> userAttributes(
      StoredMessage m, List<String> names) {
    if (names.isEmpty() || m.attributes.isEmpty()) {
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<String, MessageAttributeValue> b = ImmutableMap.builder();
    for (Map.Entry<String, MessageAttributeValue> e : m.attributes.entrySet()) {
      if (matches(e.getKey(), names)) {
        b.put(e);
      }
    }
    return b.buildOrThrow();
  }

  private static boolean matches(String name, List<String> patterns) {
    for (String p : patterns) {
      boolean match =
          p.equals(ALL)
              || p.equals(".*")
              || p.equals(name)
              || (p.endsWith(".*") && name.startsWith(p.substring(0, p.length() - 1)));
      if (match) {
        return true;
      }
    }
    return false;
  }
}
