package dev.awssim.examples;

import dev.awssim.engine.AwsServiceException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The launcher of the demos.
 *
 * <pre>{@code
 * Demos list
 * Demos --seed 7 --report target/tour.html          (the tour is the default)
 * Demos kinesis-hot-shard --seed 7 --shards 4 --rate 3000 --report target/hot.html
 * }</pre>
 */
public final class Demos {
  static final List<Demo> ALL =
      List.of(
          new SqsVisibilityDemo(),
          new SqsFifoDemo(),
          new KinesisHotShardDemo(),
          new DynamoDbHotPartitionDemo(),
          new ApiGatewayDemo(),
          new RetriesDemo(),
          new DaxStaleReadsDemo(),
          new XRaySamplingRampDemo(),
          new SqsLambdaDemo(),
          new KinesisLambdaDemo(),
          new DynamoDbThrottleAlarmDemo());

  private Demos() {}

  /** Every demo, in the launcher's order. */
  public static List<Demo> all() {
    return ALL;
  }

  /**
   * The self-contained HTML page of {@code results}, exactly as {@code --report} writes it.
   *
   * @param seed the root seed the results were run with
   */
  public static String htmlReport(List<DemoResult> results, long seed) {
    return HtmlReport.render(results, seed);
  }

  /** Runs the launcher with {@code args} and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the launcher and returns its exit code: 0, 2 for a usage error or a value AWS refuses
   * (reported in one line, before the run where possible), 1 when the report cannot be written.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      return dispatch(args, out);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println("Run with --help to see the demos and their options.");
      return 2;
    } catch (AwsServiceException e) {
      err.println(
          "error: "
              + e.serviceName()
              + " refused a value: "
              + e.errorCode()
              + ": "
              + e.errorMessage());
      err.println("Run with --help to see the demos and their options.");
      return 2;
    } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
      err.println(
          "error: "
              + e.awsErrorDetails().serviceName()
              + " refused a value: "
              + e.awsErrorDetails().errorCode()
              + ": "
              + e.awsErrorDetails().errorMessage());
      err.println("Run with --help to see the demos and their options.");
      return 2;
    } catch (IOException e) {
      err.println("error: could not write the report: " + e.getMessage());
      return 1;
    }
  }

  private static int dispatch(String[] args, PrintStream out) throws IOException {
    if (args.length == 0 || (args[0].startsWith("--") && !isHelp(args[0]))) {
      return tour(args, out);
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (isHelp(command) || command.equals("list")) {
      if (rest.length > 0) {
        throw new IllegalArgumentException(
            "'" + command + "' takes no arguments, but got '" + String.join(" ", rest) + "'");
      }
      if (command.equals("list")) {
        ALL.forEach(d -> out.printf(Locale.ROOT, "  %-24s %s%n", d.name(), d.title()));
      } else {
        out.print(help());
      }
      return 0;
    }
    if (command.equals("tour")) {
      return tour(rest, out);
    }
    Demo demo = find(command);
    Parsed parsed = parse(demo, rest);
    checkWritable(parsed.report());
    out.println("running " + demo.name() + " (seed " + parsed.options().seed() + ")");
    DemoResult result = demo.run(parsed.options().withProgress(line -> out.println("  " + line)));
    TextReport.print(result, out);
    writeReport(parsed.report(), List.of(result), parsed.options().seed(), out);
    return 0;
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  private static int tour(String[] args, PrintStream out) throws IOException {
    Parsed common = parse(null, args);
    checkWritable(common.report());
    List<DemoResult> results = new ArrayList<>();
    for (Demo demo : ALL) {
      Parsed parsed = parse(demo, demo.tourArguments().toArray(String[]::new));
      DemoOptions options = DemoOptions.of(demo, common.options().seed(), parsed.values());
      out.println("running " + demo.name() + " (seed " + options.seed() + ")");
      DemoResult result = demo.run(options.withProgress(line -> out.println("  " + line)));
      TextReport.print(result, out);
      results.add(result);
    }
    writeReport(common.report(), results, common.options().seed(), out);
    if (common.report() == null) {
      out.println();
      out.println(
          "Charts for a browser: add --report target/tour.html. One demo with its options: --help.");
    }
    return 0;
  }

  /**
   * Refuses, before the run, a report path whose directory does not exist or cannot be written, so
   * that a long run does not end in an error.
   */
  static void checkWritable(Path report) {
    if (report == null) {
      return;
    }
    Path absolute = report.toAbsolutePath();
    Path directory = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new IllegalArgumentException(
          "--report " + report + " is a directory; give a file name such as report.html");
    }
    if (directory == null || !Files.isDirectory(directory)) {
      throw new IllegalArgumentException(
          "--report " + report + ": the directory " + directory + " does not exist");
    }
    if (!Files.isWritable(directory)) {
      throw new IllegalArgumentException(
          "--report " + report + ": the directory " + directory + " is not writable");
    }
  }

  private static void writeReport(Path report, List<DemoResult> results, long seed, PrintStream out)
      throws IOException {
    if (report != null) {
      Files.writeString(report, HtmlReport.render(results, seed), StandardCharsets.UTF_8);
      out.println();
      out.println("HTML report written to " + report.toAbsolutePath());
    }
  }

  static Demo find(String name) {
    for (Demo demo : ALL) {
      if (demo.name().equals(name)) {
        return demo;
      }
    }
    throw new IllegalArgumentException("unknown demo '" + name + "'");
  }

  /** The parsed command line of one demo (or of the tour when {@code demo} is null). */
  record Parsed(DemoOptions options, Map<String, String> values, Path report) {}

  static Parsed parse(Demo demo, String[] args) {
    long seed = 42;
    Path report = null;
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            arg.startsWith("--")
                ? "option " + arg + " needs a value"
                : "unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value = args[++i];
      if (name.equals("seed")) {
        try {
          seed = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "--seed must be a whole number, not '" + value + "'", e);
        }
      } else if (name.equals("report")) {
        report = Path.of(value);
      } else if (demo != null && demo.options().stream().anyMatch(o -> o.name().equals(name))) {
        values.put(name, value);
      } else {
        throw new IllegalArgumentException(
            "unknown option --" + name + (demo == null ? " for the tour" : " for " + demo.name()));
      }
    }
    DemoOptions options =
        demo == null ? new DemoOptions(seed, Map.of()) : DemoOptions.of(demo, seed, values);
    if (demo != null) {
      DemoOptions.validate(demo, options);
    }
    return new Parsed(options, values, report);
  }

  static String help() {
    StringBuilder help = new StringBuilder();
    help.append("awssim demos: AWS behaviour on a deterministic virtual clock\n\n")
        .append(
            "usage: Demos [tour | <demo>] [--seed N] [--report FILE.html] [--<option> VALUE ...]\n")
        .append("       Demos list | --help\n\n")
        .append("  tour                   short versions of every demo (the default)\n")
        .append("  list                   the demos, one line each\n")
        .append("  --seed N               the root seed (default 42): same seed, same run\n")
        .append("  --report FILE.html     also write a self-contained HTML page with charts\n\n");
    for (Demo demo : ALL) {
      help.append(demo.name()).append(": ").append(demo.title()).append('\n');
      for (DemoOption option : demo.options()) {
        help.append(
            String.format(
                Locale.ROOT,
                "  --%-20s %s (default %s%s)%n",
                option.name(),
                option.help(),
                option.defaultValue(),
                option.range().isEmpty() ? "" : "; " + option.range()));
      }
    }
    return help.toString();
  }
}
