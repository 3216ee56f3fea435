package dev.awssim.examples;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The parsed options of one demo run: {@code --seed}, {@code --report} and the demo's own.
 *
 * <pre>{@code
 * int shards = options.integer("shards");
 * }</pre>
 */
public final class DemoOptions {
  private final long seed;
  private final Map<String, String> values;
  private final Consumer<String> progress;

  DemoOptions(long seed, Map<String, String> values) {
    this(seed, values, line -> {});
  }

  private DemoOptions(long seed, Map<String, String> values, Consumer<String> progress) {
    this.seed = seed;
    this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.progress = progress;
  }

  /** These options, reporting progress lines to {@code sink}. */
  DemoOptions withProgress(Consumer<String> sink) {
    return new DemoOptions(seed, values, sink);
  }

  /**
   * Reports progress five times over {@code total} of virtual time, as the simulation reaches each
   * fifth (so a long simulated run shows it is moving, the same way on every run).
   */
  public void reportProgress(AwsSimulator sim, Duration total) {
    Duration step = total.dividedBy(5);
    if (step.isZero()) {
      return;
    }
    for (int i = 1; i <= 5; i++) {
      Duration at = step.multipliedBy(i);
      sim.after(
          at,
          () ->
              progress.accept(
                  String.format(
                      Locale.ROOT, "simulated %d s of %d s", at.toSeconds(), total.toSeconds())));
    }
  }

  /** Options of {@code demo} with its defaults and {@code overrides}. */
  static DemoOptions of(Demo demo, long seed, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    for (DemoOption option : demo.options()) {
      values.put(option.name(), option.defaultValue());
    }
    values.putAll(overrides);
    return new DemoOptions(seed, values);
  }

  /**
   * Options of {@code demo} with its defaults and {@code overrides}, checked as the launcher checks
   * its command line: each a whole number in the option's range. Values whose range AWS sets pass
   * here, and the simulated service refuses them with AWS's error when the run starts.
   *
   * @throws IllegalArgumentException if an override names no option of {@code demo}, or a value is
   *     not a whole number or lies outside the option's range; the message says which
   */
  public static DemoOptions parse(Demo demo, long seed, Map<String, String> overrides) {
    for (String name : overrides.keySet()) {
      if (demo.options().stream().noneMatch(o -> o.name().equals(name))) {
        throw new IllegalArgumentException("unknown option --" + name + " for " + demo.name());
      }
    }
    DemoOptions options = of(demo, seed, overrides);
    validate(demo, options);
    return options;
  }

  /** The root seed of the run. */
  public long seed() {
    return seed;
  }

  /**
   * The option's value as an integer.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public int integer(String name) {
    String value = values.get(name);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, not '" + value + "'", e);
    }
  }

  /**
   * The option's value as a number.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public double number(String name) {
    String value = values.get(name);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'", e);
    }
  }

  /** Checks every option parses and lies in its range, so that a bad value fails before the run. */
  static void validate(Demo demo, DemoOptions options) {
    for (DemoOption option : demo.options()) {
      String value = options.values.get(option.name());
      long parsed;
      try {
        parsed = Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--" + option.name() + " must be a whole number, not '" + value + "'", e);
      }
      if (parsed < option.min() || parsed > option.max()) {
        throw new IllegalArgumentException(
            "--" + option.name() + " must be " + option.range() + ", not " + value);
      }
    }
  }

  /** The options as {@code --name value} pairs, in the demo's order, for the report. */
  Map<String, String> values() {
    return values;
  }
}
