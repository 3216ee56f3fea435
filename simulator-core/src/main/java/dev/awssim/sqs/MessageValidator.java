package dev.awssim.sqs;

import static dev.awssim.internal.time.TimeUnits.NANOS_PER_SECOND;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a SendMessage (or batch entry) against AWS's rules and turns it into an {@link
 * OutgoingMessage}: body characters and size, message attributes, delay, FIFO group and
 * deduplication ids ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html}).
 */
final class MessageValidator {
  /** Up to 10 message attributes ({@code quotas-messages.html}). */
  static final int MAX_ATTRIBUTES = SqsLimits.MAX_MESSAGE_ATTRIBUTES;

  /** Group and deduplication ids: up to 128 characters ({@code API_SendMessage.html}). */
  static final int MAX_ID_LENGTH = SqsLimits.MAX_ID_LENGTH;

  private static final int MAX_ATTRIBUTE_NAME = 256;
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
  private static final String INVALID_FOR_TYPE =
      "The request include parameter that is not valid for this queue type.";

  private final Digests digests;

  MessageValidator(Digests digests) {
    this.digests = digests;
  }

  /**
   * Validates {@code r} for a queue with {@code config}.
   *
   * @throws SqsException the AWS error of the first broken rule
   */
  OutgoingMessage validate(SendMessageRequest r, QueueConfig config) {
    String body = r.messageBody();
    if (body == null || body.isEmpty()) {
      throw SqsErrors.missingParameter("MessageBody");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    checkCharacters(body, bytes);
    long delayNanos = delayNanos(r.delaySeconds(), config);
    ImmutableMap<String, MessageAttributeValue> attributes = checkAttributes(r.messageAttributes());
    String traceHeader = checkSystemAttributes(r.messageSystemAttributes());
    long size = (long) bytes.length + attributesSize(attributes);
    if (size > config.maximumMessageSize) {
      throw SqsErrors.invalidParameterValue(
          "One or more parameters are invalid. Reason: Message must be shorter than "
              + config.maximumMessageSize
              + " bytes.");
    }
    String groupId = checkId("MessageGroupId", r.messageGroupId());
    String dedupId = checkId("MessageDeduplicationId", r.messageDeduplicationId());
    if (config.fifo) {
      if (groupId == null) {
        throw SqsErrors.missingParameter("MessageGroupId");
      }
      if (dedupId == null) {
        if (!config.contentBasedDeduplication) {
          throw SqsErrors.invalidParameterValue(
              "The queue should either have ContentBasedDeduplication enabled or"
                  + " MessageDeduplicationId provided explicitly");
        }
        dedupId = digests.sha256Hex(bytes);
      }
    } else if (dedupId != null) {
      throw SqsErrors.invalidParameter("MessageDeduplicationId", dedupId, INVALID_FOR_TYPE);
    }
    byte[] md5 = digests.md5(bytes);
    return new OutgoingMessage(
        body,
        Digests.longAt(md5, 0),
        Digests.longAt(md5, 8),
        attributes,
        traceHeader,
        (int) size,
        delayNanos,
        groupId,
        dedupId,
        null);
  }

  /** The bytes a request adds to a batch payload (body and attributes), without validating. */
  static long payloadSize(String body, Map<String, MessageAttributeValue> attributes) {
    return (body == null ? 0 : utf8Length(body)) + attributesSize(attributes);
  }

  private static long delayNanos(Integer delaySeconds, QueueConfig config) {
    if (delaySeconds == null) {
      return config.fifo ? 0 : config.delaySeconds * NANOS_PER_SECOND;
    }
    int d = delaySeconds;
    if (d < 0 || d > QueueConfig.MAX_DELAY) {
      throw SqsErrors.invalidParameter("DelaySeconds", d, "DelaySeconds must be >= 0 and <= 900.");
    }
    if (config.fifo && d > 0) {
      throw SqsErrors.invalidParameter("DelaySeconds", d, INVALID_FOR_TYPE);
    }
    // FIFO queues apply the queue delay retroactively, at receive time (FifoQueue).
    return config.fifo ? 0 : d * NANOS_PER_SECOND;
  }

  /**
   * {@link #checkCharacters(String)} of a body whose UTF-8 encoding is {@code utf8}. When it has as
   * many bytes as the body has chars, each char became one byte: an ASCII char itself, or an
   * unpaired surrogate (never allowed) a {@code '?'}. Then the bytes are checked, faster than the
   * chars.
   *
   * @throws SqsException InvalidMessageContents
   */
  private static void checkCharacters(String body, byte[] utf8) {
    if (utf8.length != body.length()) {
      checkCharacters(body);
      return;
    }
    for (int i = 0; i < utf8.length; i++) {
      byte b = utf8[i];
      if ((b < 0x20 && b != 0x9 && b != 0xA && b != 0xD) || (b == '?' && body.charAt(i) != '?')) {
        throw SqsErrors.invalidMessageContents();
      }
    }
  }

  /**
   * Checks the W3C XML character set that SQS allows.
   *
   * @throws SqsException InvalidMessageContents
   */
  static void checkCharacters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 0x20 && c < 0xD800) || c == 0x9 || c == 0xA || c == 0xD) {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      if (c >= 0xE000 && c <= 0xFFFD) {
        continue;
      }
      throw SqsErrors.invalidMessageContents();
    }
  }

  private ImmutableMap<String, MessageAttributeValue> checkAttributes(
      Map<String, MessageAttributeValue> attributes) {
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw SqsErrors.invalidParameterValue(
          "Number of message attributes ["
              + attributes.size()
              + "] exceeds the allowed maximum ["
              + MAX_ATTRIBUTES
              + "].");
    }
    for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
      checkAttributeName(e.getKey());
      checkAttributeValue(e.getKey(), e.getValue());
    }
    return ImmutableMap.copyOf(attributes);
  }

  private static void checkAttributeName(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    boolean valid =
        !lower.isEmpty()
            && name.length() <= MAX_ATTRIBUTE_NAME
            && ATTRIBUTE_NAME.matcher(name).matches()
            && !name.contains("..")
            && !name.startsWith(".")
            && !name.endsWith(".")
            && !lower.startsWith("aws.")
            && !lower.startsWith("amazon.");
    if (!valid) {
      throw SqsErrors.invalidParameterValue(
          "Message attribute name '"
              + name
              + "' is invalid. The name can contain alphanumeric characters, hyphens, underscores"
              + " and periods, must not start or end with a period or contain consecutive periods,"
              + " and must not start with AWS. or Amazon.");
    }
  }

  private static void checkAttributeValue(String name, MessageAttributeValue v) {
    String type = v == null ? null : v.dataType();
    if (type == null || type.isEmpty()) {
      throw SqsErrors.invalidParameterValue(
          "The message attribute '" + name + "' must contain non-empty message attribute type.");
    }
    String base = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
    boolean binary = base.equals("Binary");
    if ((!binary && !base.equals("String") && !base.equals("Number"))
        || type.length() > MAX_ATTRIBUTE_NAME) {
      throw SqsErrors.invalidParameterValue(
          "The type of message (user) attribute '"
              + name
              + "' is invalid. You must use only the following supported type prefixes: Binary,"
              + " Number, String.");
    }
    boolean hasValue =
        binary
            ? v.binaryValueUnsafe() != null && v.binaryValueUnsafe().length > 0
            : v.stringValue() != null && !v.stringValue().isEmpty();
    if (!hasValue) {
      throw SqsErrors.invalidParameterValue(
          "The message attribute '" + name + "' must contain non-empty message attribute value.");
    }
    if (!binary) {
      checkCharacters(v.stringValue());
    }
    if (base.equals("Number")) {
      try {
        new BigDecimal(v.stringValue().trim());
      } catch (NumberFormatException e) {
        throw SqsErrors.invalidParameterValue(
            "Can't cast the value of message (user) attribute '" + name + "' to a number.");
      }
    }
  }

  private static String checkSystemAttributes(Map<String, MessageAttributeValue> attributes) {
    String header = null;
    for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
      MessageAttributeValue v = e.getValue();
      if (!"AWSTraceHeader".equals(e.getKey())
          || v == null
          || !"String".equals(v.dataType())
          || v.stringValue() == null
          || v.stringValue().isEmpty()) {
        throw SqsErrors.invalidParameterValue(
            "Message system attribute name '"
                + e.getKey()
                + "' is invalid: only AWSTraceHeader of type String is supported.");
      }
      header = v.stringValue();
    }
    return header;
  }

  private static String checkId(String parameter, String id) {
    if (id == null) {
      return null;
    }
    boolean valid = !id.isEmpty() && id.length() <= MAX_ID_LENGTH;
    for (int i = 0; valid && i < id.length(); i++) {
      char c = id.charAt(i);
      valid = c >= '!' && c <= '~';
    }
    if (!valid) {
      throw SqsErrors.invalidParameter(
          parameter,
          id,
          parameter
              + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
    }
    return id;
  }

  private static long attributesSize(Map<String, MessageAttributeValue> attributes) {
    long size = 0;
    for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
      size += attributeSize(e.getKey(), e.getValue());
    }
    return size;
  }

  private static long attributeSize(String name, MessageAttributeValue v) {
    if (name == null || v == null) {
      return 0;
    }
    long size = utf8Length(name) + (v.dataType() == null ? 0 : utf8Length(v.dataType()));
    if (v.binaryValueUnsafe() != null) {
      return size + v.binaryValueUnsafe().length;
    }
    return size + (v.stringValue() == null ? 0 : utf8Length(v.stringValue()));
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
