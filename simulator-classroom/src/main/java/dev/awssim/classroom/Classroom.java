package dev.awssim.classroom;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the classroom for a teacher and serves until the process is stopped:
 *
 * <pre>
 * mvn -q -DskipTests package exec:java -pl simulator-classroom -am -Dclassroom
 * classroom [--port 4566] [--seed 42]
 * </pre>
 *
 * It prints the address of the page and the AWS CLI settings for the students.
 */
public final class Classroom {
  private Classroom() {}

  /**
   * Parses the options, starts the classroom and waits.
   *
   * @param args {@code --port N} (default 4566, 0 for any free port), {@code --seed N} (default 42)
   */
  public static void main(String[] args) throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int port = 4566;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("--port") || a.equals("--seed")) && i + 1 < args.length) {
        String v = args[++i];
        try {
          if (a.equals("--port")) {
            port = Integer.parseInt(v);
          } else {
            seed = Long.parseLong(v);
          }
        } catch (NumberFormatException e) {
          usage(out, "bad value for " + a + ": " + v);
          return;
        }
      } else {
        usage(out, a.equals("--help") || a.equals("-h") ? null : "unknown option " + a);
        return;
      }
    }
    ClassroomServer classroom;
    try {
      classroom = ClassroomServer.start(port, seed);
    } catch (IllegalArgumentException e) {
      usage(out, e.getMessage());
      return;
    }
    String e = classroom.endpoint().toString();
    out.println("awssim classroom: open " + e + "/ in a browser (it works at 1280x720).");
    out.println("Scenarios: " + String.join(", ", classroom.scenarios()) + "; seed " + seed + ".");
    out.println();
    out.println("Students run the AWS CLI against the same simulation (any credentials work):");
    out.println(
        "  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1");
    out.println("  aws --endpoint-url " + e + " sqs get-queue-url --queue-name orders");
    out.println("  aws --endpoint-url " + e + " kinesis list-shards --stream-name clicks");
    out.println("  aws --endpoint-url " + e + " dynamodb describe-table --table-name orders");
    new CountDownLatch(1).await();
  }

  private static void usage(PrintStream out, String problem) {
    if (problem != null) {
      out.println("classroom: " + problem);
    }
    out.println("usage: classroom [--port 4566] [--seed 42]");
  }
}
