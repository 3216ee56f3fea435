package dev.awssim.examples;

import java.util.List;

/**
 * One classroom demo: a documented AWS behaviour shown on virtual time.
 *
 * <p>A demo declares its options (with defaults and help), runs one seeded simulation and returns a
 * {@link DemoResult}: key numbers, a timeline and charts, which the launcher prints as text and,
 * with {@code --report}, writes as a self-contained HTML page.
 *
 * <pre>{@code
 * final class MyDemo implements Demo {
 *   public String name() { return "my-demo"; }
 *   ...
 *   public DemoResult run(DemoOptions options) { ... }
 * }
 * }</pre>
 */
public interface Demo {
  /** The name on the command line, such as {@code sqs-visibility}. */
  String name();

  /** A one-line title. */
  String title();

  /** A short explanation of the AWS rule being shown, with the numbers of {@code options}. */
  String rule(DemoOptions options);

  /** The AWS documentation page of the rule. */
  String docUrl();

  /** The options this demo takes, besides {@code --seed} and {@code --report}. */
  List<DemoOption> options();

  /** The options of a short run, for the tour. */
  default List<String> tourArguments() {
    return List.of();
  }

  /** Runs the demo once. */
  DemoResult run(DemoOptions options);
}
