package dev.awssim.benchmarks;

import com.google.common.base.Splitter;
import dev.awssim.AwsSimulator;
import dev.awssim.wire.TimeMode;
import dev.awssim.wire.WireServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts the peers that awssim is measured against, each as its own HTTP server on 127.0.0.1, and
 * builds the SDK clients that reach them: the SDK's Apache HTTP client with keep-alive for every
 * target (the URL-connection client adds delays of its own and would flatter everyone).
 *
 * <p>DynamoDB's open-source peer is dynalite (Apache 2.0, npm), installed under {@code
 * target/dynalite} with {@code npm install --prefix} and run with {@code node}. Amazon's DynamoDB
 * Local is not an open-source program (its own licence terms), so the build never fetches it: a
 * user who has accepted those terms can point {@code
 * -Dpeer.dynamodbLocal.jar=/path/DynamoDBLocal.jar} at their own download, and it is started as a
 * child process with {@code DDB_LOCAL_TELEMETRY=0}.
 */
final class Peers {
  /** The dynalite release measured; Apache License 2.0 ({@code npm view dynalite license}). */
  static final String DYNALITE = "dynalite@4.0.0";

  /** System property naming a user's own DynamoDB Local jar. */
  static final String DYNAMODB_LOCAL_JAR = "peer.dynamodbLocal.jar";

  private static final Pattern DYNALITE_READY = Pattern.compile("listening at: \\S+:(\\d+)");
  private static final Pattern DYNAMODB_LOCAL_READY = Pattern.compile("(?i)port:\\s*(\\d+)");
  private static final long START_TIMEOUT_SECONDS = 60;

  private Peers() {}

  /** A peer server running as a child process, stopped by {@link #close()}. */
  static final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    PeerProcess(Process process, URI endpoint) {
      this.process = process;
      this.endpoint = endpoint;
    }

    URI endpoint() {
      return endpoint;
    }

    /** The child's process id, to read its CPU time. */
    long pid() {
      return process.pid();
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * dynalite on 127.0.0.1 (in memory, tables active at once), installed under {@code
   * target/dynalite} on first use.
   *
   * @throws IllegalStateException if node or npm is missing, with what to install
   */
  static PeerProcess dynalite() {
    Path prefix = Path.of("target", "dynalite").toAbsolutePath();
    Path cli = prefix.resolve("node_modules/dynalite/cli.js");
    if (!Files.isRegularFile(cli)) {
      requireOnPath("npm", "install Node.js and npm to measure against dynalite");
      run(
          List.of(
              "npm",
              "install",
              "--prefix",
              prefix.toString(),
              "--no-audit",
              "--no-fund",
              "--ignore-scripts",
              DYNALITE));
    }
    requireOnPath("node", "install Node.js to measure against dynalite");
    int port = freePort();
    return start(
        new ProcessBuilder(
            "node",
            cli.toString(),
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--createTableMs",
            "0",
            "--deleteTableMs",
            "0",
            "--updateTableMs",
            "0"),
        DYNALITE_READY);
  }

  /**
   * The user's own DynamoDB Local jar ({@code -Dpeer.dynamodbLocal.jar}), in memory on 127.0.0.1,
   * as a child process whose environment has {@code DDB_LOCAL_TELEMETRY=0} so that it reports
   * nothing to AWS.
   *
   * @throws IllegalStateException if the property is not set or names no file
   */
  static PeerProcess dynamoDbLocal() {
    String jar = System.getProperty(DYNAMODB_LOCAL_JAR);
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "skipped: DynamoDB Local is not open source and is never fetched by this build; to"
              + " measure it, accept AWS's terms, download it yourself and pass -D"
              + DYNAMODB_LOCAL_JAR
              + "=/path/DynamoDBLocal.jar (got "
              + jar
              + ")");
    }
    Path jarPath = Path.of(jar).toAbsolutePath();
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.library.path=" + jarPath.resolveSibling("DynamoDBLocal_lib"),
            "-jar",
            jarPath.toString(),
            "-inMemory",
            "-port",
            Integer.toString(port));
    builder.environment().put("DDB_LOCAL_TELEMETRY", "0");
    builder.directory(jarPath.getParent().toFile());
    return start(builder, DYNAMODB_LOCAL_READY);
  }

  /** ElasticMQ 1.6.14 on 127.0.0.1 with a dynamic port. */
  static SQSRestServer elasticMq() {
    return SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
  }

  /** awssim's own wire server on 127.0.0.1, stepped: the benchmark moves its clock. */
  static WireServer wire(AwsSimulator sim) {
    return WireServer.builder().simulator(sim).port(0).timeMode(TimeMode.stepped()).start();
  }

  /** An {@link SqsClient} over HTTP to a running ElasticMQ. */
  static SqsClient elasticMqClient(SQSRestServer server) {
    int port = server.waitUntilStarted().localAddress().getPort();
    return sqsClient(URI.create("http://127.0.0.1:" + port));
  }

  /** An {@link SqsClient} over HTTP (Apache client, keep-alive) to {@code endpoint}. */
  static SqsClient sqsClient(URI endpoint) {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(httpClient())
        .build();
  }

  /**
   * A {@link DynamoDbClient} over HTTP (Apache client, keep-alive) to {@code endpoint}, with the
   * SDK interceptors given (none for the measured clients).
   */
  static DynamoDbClient dynamoDbClient(URI endpoint, ExecutionInterceptor... interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(httpClient())
        .overrideConfiguration(o -> o.executionInterceptors(List.of(interceptors)))
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));
  }

  private static SdkHttpClient httpClient() {
    return ApacheHttpClient.builder().tcpKeepAlive(true).maxConnections(4).build();
  }

  private static PeerProcess start(ProcessBuilder builder, Pattern ready) {
    builder.redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + builder.command(), e);
    }
    List<String> seen = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    try {
      String line;
      while ((line = out.readLine()) != null) {
        seen.add(line);
        Matcher m = ready.matcher(line);
        if (m.find()) {
          drain(out);
          return new PeerProcess(
              process, URI.create("http://127.0.0.1:" + Integer.parseInt(m.group(1))));
        }
        if (System.nanoTime() > deadline) {
          break;
        }
      }
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException(e);
    }
    process.destroyForcibly();
    throw new IllegalStateException(builder.command() + " did not start: " + seen);
  }

  /** Keeps reading the child's output so that it never blocks on a full pipe. */
  private static void drain(BufferedReader out) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // discard
                }
              } catch (IOException e) {
                // the child ended
              }
            },
            "peer-output");
    t.setDaemon(true);
    t.start();
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(command + " exited " + p.exitValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void requireOnPath(String program, String advice) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : Splitter.on(File.pathSeparatorChar).split(path)) {
        if (Files.isExecutable(Path.of(dir, program))) {
          return;
        }
      }
    }
    throw new IllegalStateException("skipped: " + program + " is not on PATH; " + advice);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
