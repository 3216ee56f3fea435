package dev.awssim.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart axis from 0 to a "nice" maximum, with ticks on round steps (1, 2 or 5 times a power of
 * ten), so that labels read 0, 5, 10, 15, 20 s or 0, 5,000, 10,000, ... 30,000, and the axis ends
 * less than one step above the data.
 *
 * @param max the end of the axis, a whole number of steps
 * @param step the distance between ticks
 */
record Axis(double max, double step) {
  /** At most this many intervals between ticks. */
  static final int MAX_INTERVALS = 7;

  /** The axis covering 0 to {@code value} (0 to 1 when nothing is above 0). */
  static Axis covering(double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      return new Axis(1, 0.2);
    }
    double step = niceStep(value / 10);
    while (Math.ceil(value / step - 1e-9) > MAX_INTERVALS) {
      step = nextNiceStep(step);
    }
    return new Axis(Math.ceil(value / step - 1e-9) * step, step);
  }

  /** The axis covering 0 to {@code value} for counts: ticks on whole numbers only. */
  static Axis coveringCounts(double value) {
    Axis axis = covering(value);
    if (axis.step() >= 1) {
      return axis;
    }
    return new Axis(Math.max(1, Math.ceil(value - 1e-9)), 1);
  }

  /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
  static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double normalized = raw / magnitude;
    double nice =
        normalized <= 1 + 1e-9 ? 1 : normalized <= 2 + 1e-9 ? 2 : normalized <= 5 + 1e-9 ? 5 : 10;
    return nice * magnitude;
  }

  /** The next step of 1, 2, 5, 10, 20, 50, ... after {@code step}. */
  static double nextNiceStep(double step) {
    return niceStep(step * 1.5);
  }

  /** The tick values, 0 to {@link #max()} inclusive. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long count = Math.round(max / step);
    for (long i = 0; i <= count; i++) {
      ticks.add(roundOff(i * step));
    }
    return ticks;
  }

  /** Removes binary noise such as 0.30000000000000004. */
  private static double roundOff(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
