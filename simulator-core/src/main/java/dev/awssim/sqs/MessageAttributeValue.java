package dev.awssim.sqs;

import java.util.Arrays;
import java.util.Objects;

/**
 * The value of a message attribute: a {@code DataType} ({@code String}, {@code Number}, {@code
 * Binary}, optionally with a custom suffix such as {@code Number.int}) and a string or binary
 * value.
 *
 * <pre>{@code
 * MessageAttributeValue kind = MessageAttributeValue.ofString("order");
 * MessageAttributeValue raw = MessageAttributeValue.of("Binary", null, new byte[] {1, 2});
 * }</pre>
 */
public final class MessageAttributeValue {
  private final String dataType;
  private final String stringValue;
  private final byte[] binaryValue;

  private MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {
    this.dataType = dataType;
    this.stringValue = stringValue;
    this.binaryValue = binaryValue == null ? null : binaryValue.clone();
  }

  /**
   * A value as the SDK sends it; fields may be null, and SendMessage validates them ({@code
   * InvalidParameterValue} or {@code MissingParameter}).
   */
  public static MessageAttributeValue of(String dataType, String stringValue, byte[] binaryValue) {
    return new MessageAttributeValue(dataType, stringValue, binaryValue);
  }

  /** A {@code String} value. */
  public static MessageAttributeValue ofString(String value) {
    return new MessageAttributeValue("String", value, null);
  }

  /** A {@code Number} value, such as {@code "42"}. */
  public static MessageAttributeValue ofNumber(String value) {
    return new MessageAttributeValue("Number", value, null);
  }

  /** A {@code Binary} value. */
  public static MessageAttributeValue ofBinary(byte[] value) {
    return new MessageAttributeValue("Binary", null, value);
  }

  /** The data type, such as {@code String}. */
  public String dataType() {
    return dataType;
  }

  /** The string value, or null for binary values. */
  public String stringValue() {
    return stringValue;
  }

  /** A copy of the binary value, or null for string and number values. */
  public byte[] binaryValue() {
    return binaryValue == null ? null : binaryValue.clone();
  }

  byte[] binaryValueUnsafe() {
    return binaryValue;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageAttributeValue v
        && Objects.equals(dataType, v.dataType)
        && Objects.equals(stringValue, v.stringValue)
        && Arrays.equals(binaryValue, v.binaryValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataType, stringValue, Arrays.hashCode(binaryValue));
  }

  @Override
  public String toString() {
    return dataType + "=" + (binaryValue == null ? stringValue : Arrays.toString(binaryValue));
  }
}
