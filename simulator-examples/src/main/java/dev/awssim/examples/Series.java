package dev.awssim.examples;

import java.util.ArrayList;
import java.util.List;

/** A growing chart series: (virtual seconds, value) points added as a demo runs. */
final class Series {
  private final String name;
  private final DemoResult.Style style;
  private final List<double[]> points = new ArrayList<>();

  Series(String name) {
    this(name, DemoResult.Style.STEP);
  }

  Series(String name, DemoResult.Style style) {
    this.name = name;
    this.style = style;
  }

  void add(double seconds, double value) {
    points.add(new double[] {seconds, value});
  }

  DemoResult.Series toResult() {
    return new DemoResult.Series(name, List.copyOf(points), style);
  }

  static List<DemoResult.Series> all(Series... series) {
    List<DemoResult.Series> result = new ArrayList<>();
    for (Series s : series) {
      result.add(s.toResult());
    }
    return result;
  }
}
