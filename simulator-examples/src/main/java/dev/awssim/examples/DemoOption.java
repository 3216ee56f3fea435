package dev.awssim.examples;

/**
 * An option of a demo: {@code --name value}, with a default, the range the demo accepts and a line
 * of help. Values outside the range are refused before the run, never clamped. Where AWS itself
 * sets the range (a queue's VisibilityTimeout, a table's capacity), the range here is left open and
 * the simulated service refuses the value with AWS's own error.
 *
 * @param name the option's name, without the dashes
 * @param defaultValue the value when the option is not given
 * @param help what it changes
 * @param min the smallest value the demo accepts
 * @param max the largest value the demo accepts
 */
public record DemoOption(String name, String defaultValue, String help, long min, long max) {
  /** An option taking any whole number from 0 up. */
  public DemoOption(String name, String defaultValue, String help) {
    this(name, defaultValue, help, 0, Long.MAX_VALUE);
  }

  /**
   * An option whose range AWS sets: any whole number is passed on, and the simulated service
   * refuses what AWS refuses, with AWS's error.
   */
  static DemoOption checkedByAws(String name, String defaultValue, String help) {
    return new DemoOption(name, defaultValue, help, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** An option taking whole numbers of at least {@code min}. */
  static DemoOption atLeast(String name, String defaultValue, long min, String help) {
    return new DemoOption(name, defaultValue, help, min, Long.MAX_VALUE);
  }

  /** An option taking whole numbers from {@code min} to {@code max}. */
  static DemoOption between(String name, String defaultValue, long min, long max, String help) {
    return new DemoOption(name, defaultValue, help, min, max);
  }

  /** The accepted range in words, for the help and for errors; empty when AWS sets it. */
  String range() {
    if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
      return "";
    }
    if (max == Long.MAX_VALUE) {
      return min == 0 ? "0 or more" : min + " or more";
    }
    return "from " + min + " to " + max;
  }
}
