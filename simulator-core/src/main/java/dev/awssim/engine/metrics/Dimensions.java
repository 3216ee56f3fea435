package dev.awssim.engine.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * The dimensions of a CloudWatch metric, such as {@code QueueName=orders}: an unordered set of
 * name/value pairs, kept sorted by name so that equal sets are equal.
 *
 * <pre>{@code
 * Dimensions d = Dimensions.of("TableName", "orders", "GlobalSecondaryIndexName", "byCustomer");
 * }</pre>
 */
public final class Dimensions {
  private static final Dimensions NONE = new Dimensions(ImmutableSortedMap.of());

  private final ImmutableSortedMap<String, String> values;

  private Dimensions(ImmutableSortedMap<String, String> values) {
    this.values = values;
  }

  /** No dimensions. */
  public static Dimensions none() {
    return NONE;
  }

  /** One dimension. */
  public static Dimensions of(String name, String value) {
    return none().with(name, value);
  }

  /** Two dimensions. */
  public static Dimensions of(String name1, String value1, String name2, String value2) {
    return of(name1, value1).with(name2, value2);
  }

  /**
   * These dimensions plus {@code name=value}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is empty or already present
   */
  public Dimensions with(String name, String value) {
    checkNotNull(name, "name");
    checkNotNull(value, "value");
    checkArgument(!name.isEmpty(), "dimension name must not be empty");
    checkArgument(!values.containsKey(name), "dimension %s is already set", name);
    return new Dimensions(
        ImmutableSortedMap.<String, String>naturalOrder().putAll(values).put(name, value).build());
  }

  /** The dimensions as a map sorted by name. */
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dimensions other && other.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
