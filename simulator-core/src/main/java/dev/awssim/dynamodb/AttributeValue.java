package dev.awssim.dynamodb;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One DynamoDB attribute value of any of the ten types: {@code S}, {@code N}, {@code B}, {@code
 * BOOL}, {@code NULL}, {@code M}, {@code L}, {@code SS}, {@code NS}, {@code BS}. Immutable.
 *
 * <p>Numbers hold up to 38 significant digits and compare numerically ({@code n("1.50")} equals
 * {@code n("1.5")}); they are kept in canonical form without trailing zeros, as DynamoDB returns
 * them. Sets are unordered for equality and keep insertion order for output.
 *
 * <pre>{@code
 * Map<String, AttributeValue> item = Map.of(
 *     "id", AttributeValue.s("order-1"),
 *     "total", AttributeValue.n("12.50"),
 *     "tags", AttributeValue.ss("new", "paid"));
 * }</pre>
 *
 * <p>{@link #n(String)} and {@link #ns(String...)} throw {@link DynamoDbException} ({@code
 * ValidationException}) for a value that is not a DynamoDB number.
 */
public final class AttributeValue {
  /** The attribute types, named as in the DynamoDB wire format. */
  public enum Type {
    S,
    N,
    B,
    BOOL,
    NULL,
    M,
    L,
    SS,
    NS,
    BS
  }

  private static final AttributeValue TRUE = new AttributeValue(Type.BOOL, true, null);
  private static final AttributeValue FALSE = new AttributeValue(Type.BOOL, false, null);
  private static final AttributeValue NUL = new AttributeValue(Type.NULL, true, null);

  private final Type type;
  private final Object value;
  private final BigDecimal number;
  private int hash;

  private AttributeValue(Type type, Object value, BigDecimal number) {
    this.type = type;
    this.value = value;
    this.number = number;
  }

  /**
   * A string ({@code S}).
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static AttributeValue s(String value) {
    return new AttributeValue(Type.S, checkNotNull(value, "S"), null);
  }

  /**
   * A number ({@code N}) from its decimal string.
   *
   * @throws DynamoDbException ValidationException if it is not a number, has more than 38
   *     significant digits, or is out of DynamoDB's range
   * @throws NullPointerException if {@code value} is null
   */
  public static AttributeValue n(String value) {
    BigDecimal parsed = Numbers.parse(checkNotNull(value, "N"));
    return new AttributeValue(Type.N, Numbers.canonical(parsed), parsed);
  }

  /** A number ({@code N}). */
  public static AttributeValue n(long value) {
    return n(Long.toString(value));
  }

  /**
   * A binary value ({@code B}); the bytes are copied, so later changes to {@code value} do not
   * reach it.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static AttributeValue b(byte[] value) {
    return new AttributeValue(Type.B, checkNotNull(value, "B").clone(), null);
  }

  /** A boolean ({@code BOOL}). */
  public static AttributeValue bool(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** The {@code NULL} value. */
  public static AttributeValue nul() {
    return NUL;
  }

  /**
   * A map ({@code M}); keeps the entries' order.
   *
   * @throws NullPointerException if {@code value}, one of its names or one of its values is null
   */
  public static AttributeValue m(Map<String, AttributeValue> value) {
    return new AttributeValue(Type.M, ImmutableMap.copyOf(checkNotNull(value, "M")), null);
  }

  /**
   * A list ({@code L}).
   *
   * @throws NullPointerException if {@code value} or one of its elements is null
   */
  public static AttributeValue l(List<AttributeValue> value) {
    return new AttributeValue(Type.L, ImmutableList.copyOf(checkNotNull(value, "L")), null);
  }

  /**
   * A list ({@code L}).
   *
   * @throws NullPointerException if {@code values} or one of its elements is null
   */
  public static AttributeValue l(AttributeValue... values) {
    return l(Arrays.asList(checkNotNull(values, "L")));
  }

  /**
   * A string set ({@code SS}); may be empty here, but DynamoDB rejects empty sets on write.
   *
   * @throws NullPointerException if {@code values} or one of its members is null
   */
  public static AttributeValue ss(Collection<String> values) {
    ImmutableList.Builder<String> members = ImmutableList.builder();
    for (String member : checkNotNull(values, "SS")) {
      members.add(checkNotNull(member, "SS member"));
    }
    return new AttributeValue(Type.SS, members.build(), null);
  }

  /**
   * A string set ({@code SS}).
   *
   * @throws NullPointerException if {@code values} or one of its members is null
   */
  public static AttributeValue ss(String... values) {
    return ss(Arrays.asList(checkNotNull(values, "SS")));
  }

  /**
   * A number set ({@code NS}); each member is canonicalised like {@link #n(String)}.
   *
   * @throws DynamoDbException ValidationException for a member that is not a number
   * @throws NullPointerException if {@code values} or one of its members is null
   */
  public static AttributeValue ns(Collection<String> values) {
    ImmutableList.Builder<String> members = ImmutableList.builder();
    for (String member : checkNotNull(values, "NS")) {
      members.add(Numbers.canonical(Numbers.parse(checkNotNull(member, "NS member"))));
    }
    return new AttributeValue(Type.NS, members.build(), null);
  }

  /**
   * A number set ({@code NS}).
   *
   * @throws DynamoDbException ValidationException for a member that is not a number
   * @throws NullPointerException if {@code values} or one of its members is null
   */
  public static AttributeValue ns(String... values) {
    return ns(Arrays.asList(checkNotNull(values, "NS")));
  }

  /**
   * A binary set ({@code BS}); the bytes are copied, so later changes to the arrays do not reach
   * it.
   *
   * @throws NullPointerException if {@code values} or one of its members is null
   */
  public static AttributeValue bs(Collection<byte[]> values) {
    ImmutableList.Builder<Bytes> members = ImmutableList.builder();
    for (byte[] member : checkNotNull(values, "BS")) {
      members.add(new Bytes(checkNotNull(member, "BS member").clone()));
    }
    return new AttributeValue(Type.BS, members.build(), null);
  }

  /** The type of this value. */
  public Type type() {
    return type;
  }

  /** The string of an {@code S}; null for other types. */
  public String s() {
    return type == Type.S ? (String) value : null;
  }

  /** The canonical decimal string of an {@code N}; null for other types. */
  public String n() {
    return type == Type.N ? (String) value : null;
  }

  /** A copy of the bytes of a {@code B}; null for other types. */
  public byte[] b() {
    return type == Type.B ? ((byte[]) value).clone() : null;
  }

  /** The boolean of a {@code BOOL}; null for other types. */
  public Boolean bool() {
    return type == Type.BOOL ? (Boolean) value : null;
  }

  /** Whether this is the {@code NULL} value. */
  public boolean isNull() {
    return type == Type.NULL;
  }

  /** The entries of an {@code M}; null for other types. */
  @SuppressWarnings("unchecked")
  public Map<String, AttributeValue> m() {
    return type == Type.M ? (Map<String, AttributeValue>) value : null;
  }

  /** The elements of an {@code L}; null for other types. */
  @SuppressWarnings("unchecked")
  public List<AttributeValue> l() {
    return type == Type.L ? (List<AttributeValue>) value : null;
  }

  /** The members of an {@code SS}; null for other types. */
  @SuppressWarnings("unchecked")
  public List<String> ss() {
    return type == Type.SS ? (List<String>) value : null;
  }

  /** The canonical members of an {@code NS}; null for other types. */
  @SuppressWarnings("unchecked")
  public List<String> ns() {
    return type == Type.NS ? (List<String>) value : null;
  }

  /** Copies of the members of a {@code BS}; null for other types. */
  public List<byte[]> bs() {
    if (type != Type.BS) {
      return null;
    }
    return bytesMembers().stream().map(Bytes::copy).collect(ImmutableList.toImmutableList());
  }

  @SuppressWarnings("unchecked")
  List<Bytes> bytesMembers() {
    return (List<Bytes>) value;
  }

  byte[] rawBytes() {
    return (byte[]) value;
  }

  BigDecimal number() {
    return number;
  }

  /** Whether this is one of the three set types. */
  boolean isSet() {
    return type == Type.SS || type == Type.NS || type == Type.BS;
  }

  /** The members of a set (strings, canonical numbers, or {@link Bytes}). */
  List<?> setMembers() {
    return (List<?>) value;
  }

  /** A set of the same type holding {@code members}. */
  static AttributeValue setOf(Type type, List<?> members) {
    return new AttributeValue(type, ImmutableList.copyOf(members), null);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof AttributeValue that) || that.type != type) {
      return false;
    }
    return switch (type) {
      case B -> Arrays.equals((byte[]) value, (byte[]) that.value);
      case SS, NS, BS ->
          setMembers().size() == that.setMembers().size()
              && new HashSet<>(setMembers()).equals(new HashSet<>(that.setMembers()));
      default -> value.equals(that.value);
    };
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h =
          switch (type) {
            case B -> Arrays.hashCode((byte[]) value);
            case SS, NS, BS -> new HashSet<>(setMembers()).hashCode();
            default -> value.hashCode();
          };
      h = 31 * h + type.hashCode();
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    Object shown =
        switch (type) {
          case B -> java.util.Base64.getEncoder().encodeToString((byte[]) value);
          case NULL -> "true";
          default -> value;
        };
    return "{" + type + ": " + shown + "}";
  }

  /** Immutable bytes with value equality, for binary set members. */
  record Bytes(byte[] bytes) {
    byte[] copy() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }
  }

  static boolean sameType(AttributeValue a, AttributeValue b) {
    return a != null && b != null && Objects.equals(a.type, b.type);
  }
}
