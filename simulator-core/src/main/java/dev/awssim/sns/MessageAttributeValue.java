package dev.awssim.sns;

import java.util.Arrays;
import java.util.Objects;

/**
 * The value of an SNS message attribute: a {@code DataType} ({@code String}, {@code String.Array},
 * {@code Number} or {@code Binary},
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html) and a string or binary
 * value. The binary value is copied in and out.
 *
 * <pre>{@code
 * MessageAttributeValue store = MessageAttributeValue.ofString("example_corp");
 * MessageAttributeValue price = MessageAttributeValue.ofNumber("301.5");
 * }</pre>
 */
public final class MessageAttributeValue {
  private final String dataType;
  private final String stringValue;
  private final byte[] binaryValue;

  /** {@link #baseType()}, worked out once: Publish and every filter policy read it. */
  private final String baseType;

  private MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {
    this.dataType = dataType;
    this.stringValue = stringValue;
    this.binaryValue = binaryValue == null ? null : binaryValue.clone();
    this.baseType = baseTypeOf(dataType);
  }

  /** A value as the SDK sends it; Publish validates it ({@code ParameterValueInvalid}). */
  public static MessageAttributeValue of(String dataType, String stringValue, byte[] binaryValue) {
    return new MessageAttributeValue(dataType, stringValue, binaryValue);
  }

  /** A {@code String} value. */
  public static MessageAttributeValue ofString(String value) {
    return new MessageAttributeValue("String", value, null);
  }

  /** A {@code String.Array} value: a JSON array such as {@code ["a", 1, true]}. */
  public static MessageAttributeValue ofStringArray(String jsonArray) {
    return new MessageAttributeValue("String.Array", jsonArray, null);
  }

  /** A {@code Number} value such as {@code "301.5"}. */
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

  /** A copy of the binary value, or null. */
  public byte[] binaryValue() {
    return binaryValue == null ? null : binaryValue.clone();
  }

  /** The base type: the data type up to its first '.', except {@code String.Array}. */
  String baseType() {
    return baseType;
  }

  private static String baseTypeOf(String dataType) {
    if (dataType == null) {
      return "";
    }
    if (dataType.startsWith("String.Array")) {
      return "String.Array";
    }
    int dot = dataType.indexOf('.');
    return dot < 0 ? dataType : dataType.substring(0, dot);
  }

  int sizeInBytes(String name) {
    int size = Utf8.length(name) + Utf8.length(dataType);
    if (binaryValue != null) {
      size += binaryValue.length;
    } else if (stringValue != null) {
      size += Utf8.length(stringValue);
    }
    return size;
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
