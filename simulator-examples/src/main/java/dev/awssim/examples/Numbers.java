package dev.awssim.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** One way to write numbers in every table, chart and key number: 14,913 and 0.25. */
final class Numbers {
  private Numbers() {}

  /** A whole number with thousands separators: {@code 14,913}. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A number with thousands separators and at most two decimals, trailing zeros dropped. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return count((long) value);
    }
    BigDecimal rounded =
        new BigDecimal(Double.toString(Math.abs(value)))
            .setScale(2, RoundingMode.HALF_UP)
            .stripTrailingZeros();
    String plain = rounded.toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String fraction = dot < 0 ? "" : plain.substring(dot);
    return (value < 0 ? "-" : "") + count(Long.parseLong(whole)) + fraction;
  }

  /** Virtual seconds with milliseconds: {@code 31.000 s}, or {@code never} when negative. */
  static String seconds(double seconds) {
    return seconds < 0 ? "never" : String.format(Locale.ROOT, "%.3f s", seconds);
  }
}
