package dev.awssim.wire;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a {@link WireServer} from the command line and serves until the process is stopped:
 *
 * <pre>
 * serve [--port 4566] [--seed 42] [--time idle|stepped|accelerated:60] [--region us-east-1]
 * </pre>
 *
 * It prints the endpoint, the default Region and AWS CLI commands to try. Every Region works: a
 * request goes to the Region of its SigV4 credential scope ({@code aws --region eu-west-1 ...}).
 */
public final class Serve {
  private Serve() {}

  /**
   * Parses the options, starts the server and waits.
   *
   * @param args {@code --port N} (default 4566, 0 for any free port), {@code --seed N} (default
   *     42), {@code --time idle|stepped|accelerated:K} (default idle; see {@link TimeMode}), {@code
   *     --region R} (default us-east-1: the default Region, which unsigned requests reach; a
   *     request signed for any Region is served by that Region, with its own resources)
   */
  public static void main(String[] args) throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    WireServer.Builder b = WireServer.builder();
    String region = "us-east-1";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("--port") || a.equals("--seed") || a.equals("--time") || a.equals("--region"))
          && i + 1 < args.length) {
        String v = args[++i];
        try {
          if (a.equals("--region")) {
            region = v;
            b.region(v);
          } else if (a.equals("--port")) {
            b.port(Integer.parseInt(v));
          } else if (a.equals("--time")) {
            b.timeMode(TimeMode.parse(v));
          } else {
            b.seed(Long.parseLong(v));
          }
        } catch (IllegalArgumentException e) {
          usage(out, "bad value for " + a + ": " + v);
          return;
        }
      } else if (a.equals("--help") || a.equals("-h")) {
        usage(out, null);
        return;
      } else {
        usage(out, "unknown option " + a);
        return;
      }
    }
    WireServer server = b.start();
    String e = server.endpoint().toString();
    out.println(
        "awssim serving SQS, SNS, DynamoDB, DynamoDB Streams, Kinesis, CloudWatch, Lambda and"
            + " API Gateway (control and data plane) at "
            + e
            + ", default Region "
            + region
            + " (any Region works: each request is served by the Region it is signed for)");
    out.println(
        "seed "
            + server.seed()
            + "; time mode "
            + server.timeMode()
            + "; virtual time: "
            + server.simulator().now());
    out.println();
    out.println(
        "Try (any credentials work; signatures are not checked; the Region signed for picks the"
            + " Region's own queues, streams, tables and topics):");
    out.println(
        "  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=" + region);
    out.println("  aws --endpoint-url " + e + " sqs create-queue --queue-name orders");
    out.println(
        "  aws --endpoint-url "
            + e
            + " sqs send-message --message-body hello --queue-url"
            + " https://sqs."
            + region
            + ".amazonaws.com/000000000000/orders");
    out.println(
        "  aws --endpoint-url "
            + e
            + " --region "
            + (region.equals("eu-west-1") ? "us-west-2" : "eu-west-1")
            + " sqs create-queue --queue-name orders"
            + "   (another Region: another queue)");
    out.println("  aws --endpoint-url " + e + " sns create-topic --name news");
    out.println(
        "  aws --endpoint-url "
            + e
            + " cloudwatch put-metric-data --namespace App --metric-name Orders --value 1");
    out.println(
        "  aws --endpoint-url "
            + e
            + " dynamodb create-table --table-name users --billing-mode PAY_PER_REQUEST"
            + " --attribute-definitions AttributeName=id,AttributeType=S"
            + " --key-schema AttributeName=id,KeyType=HASH");
    out.println(
        "  aws --endpoint-url "
            + e
            + " kinesis create-stream --stream-name clicks --shard-count 1");
    out.println("  aws --endpoint-url " + e + " lambda list-functions");
    out.println(
        "  aws --endpoint-url "
            + e
            + " --region "
            + (region.equals("eu-west-1") ? "us-west-2" : "eu-west-1")
            + " lambda list-functions   (another Region: its own functions)");
    out.println("  aws --endpoint-url " + e + " apigateway get-rest-apis");
    out.println();
    out.println("The clock:  curl " + e + "/_awssim/clock");
    out.println("Advance:    curl -X POST '" + e + "/_awssim/advance?by=PT30S'");
    out.println(
        "Trace:      curl '" + e + "/_awssim/trace?since=0'   (live: " + e + "/_awssim/events)");
    new CountDownLatch(1).await();
  }

  private static void usage(PrintStream out, String problem) {
    if (problem != null) {
      out.println("serve: " + problem);
    }
    out.println(
        "usage: serve [--port 4566] [--seed 42] [--time idle|stepped|accelerated:60]"
            + " [--region us-east-1]");
  }
}
