package dev.awssim.examples;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The launcher of the demos: {@code Demos tour} runs short versions of every demo.
 *
 * <pre>{@code
 * mvn -q -pl simulator-examples -am package exec:java -DskipTests -Dexec.args="tour"
 * }</pre>
 */
public final class Demos {
  private Demos() {}

  /** Runs the demo named by the first argument (default: {@code tour}). */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the launcher and returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String demo = args.length == 0 ? "tour" : args[0];
    switch (demo) {
      case "tour", "token-bucket" -> {
        TokenBucketDemo.print(out, 42);
        return 0;
      }
      case "--help", "list" -> {
        out.println("Demos: tour, token-bucket");
        return 0;
      }
      default -> {
        err.printf(Locale.ROOT, "Unknown demo '%s'. Run with --help to list the demos.%n", demo);
        return 2;
      }
    }
  }
}
