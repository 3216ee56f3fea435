package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.wire.WireServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Where a wire request's time goes (issue 24): one small DynamoDB GetItem over one keep-alive
 * loopback connection, sent two ways to three servers. {@code rawClient} writes a pre-built
 * HTTP/1.1 request on a socket and reads the response by its {@code Content-Length}: the server's
 * per-exchange cost plus the loopback round trip. {@code sdkClient} is {@link DynamoDbClient} with
 * the SDK's Apache HTTP client, as {@link DynamoDbPeerBenchmark} measures. The servers: awssim's
 * wire server, dynalite 4.0.0, and {@code canned}, a blocking socket in this JVM that answers every
 * request with the same GetItem response (with its {@code x-amz-crc32}): with it, {@code sdkClient}
 * is the client's own floor and {@code rawClient} the transport's.
 *
 * <p>{@code sdkClientPhases} is {@code sdkClient} through a second client carrying {@link
 * ClientPhases}: each iteration prints where a call's time went in the client (marshal, sign, HTTP,
 * read and unmarshal; wall and CPU time of the calling thread) and the server's CPU time per call
 * (its threads in this JVM, or dynalite's process), so that the cap the client puts on every server
 * can be read off one run. Its score is lower than {@code sdkClient}'s by the cost of the timing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WireTransportBenchmark {
  private static final String ITEM_JSON =
      "{\"Item\":{\"pk\":{\"S\":\"k1\"},\"name\":{\"S\":\"customer-name-1\"}}}";
  private static final Duration ONE_MS = Duration.ofMillis(1);

  @Param({"awssim-wire", "dynalite", "canned"})
  String backend;

  private AwsSimulator sim;
  private WireServer wire;
  private Peers.PeerProcess peer;
  private ServerSocket canned;
  private DynamoDbClient client;
  private DynamoDbClient timedClient;
  private ClientPhases phases;
  private RawHttpConnection raw;
  private byte[] request;

  /** Starts the server, puts the item, opens the raw connection and checks both clients get it. */
  @Setup
  public void setUp() throws IOException {
    URI endpoint =
        switch (backend) {
          case "awssim-wire" -> {
            sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
            wire = Peers.wire(sim);
            yield wire.endpoint();
          }
          case "dynalite" -> {
            peer = Peers.dynalite();
            yield peer.endpoint();
          }
          case "canned" -> {
            canned = cannedServer();
            yield URI.create("http://127.0.0.1:" + canned.getLocalPort());
          }
          default -> throw new IllegalArgumentException("unknown backend " + backend);
        };
    client = Peers.dynamoDbClient(endpoint);
    phases =
        new ClientPhases(
            switch (backend) {
              case "awssim-wire" -> () -> ClientPhases.threadsCpu("awssim-wire-");
              case "dynalite" -> () -> ClientPhases.processCpu(peer.pid());
              default -> () -> ClientPhases.threadsCpu("canned-connection");
            });
    timedClient = Peers.dynamoDbClient(endpoint, phases);
    if (canned == null) {
      createTableWithItem(client, this::tick);
    }
    request =
        RawHttpConnection.awsPost(
            endpoint.getPort(),
            "DynamoDB_20120810.GetItem",
            "application/x-amz-json-1.0",
            "dynamodb",
            "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"k1\"}}}"
                .getBytes(StandardCharsets.UTF_8));
    raw = new RawHttpConnection(endpoint.getPort());
    tick();
    String answer = raw.exchangeText(request);
    if (!answer.startsWith("HTTP/1.1 200") || !answer.contains("customer-name-1")) {
      throw new IllegalStateException("raw GetItem answered " + answer);
    }
    if (!sdkClient().hasItem()) {
      throw new IllegalStateException("the SDK's GetItem found no item");
    }
  }

  /** Starts the iteration's phase counts. */
  @Setup(Level.Iteration)
  public void startIteration() {
    phases.reset();
  }

  /** Prints the iteration's phases ({@code sdkClientPhases} only). */
  @TearDown(Level.Iteration)
  public void endIteration() {
    phases.print(backend);
  }

  /** Stops the servers. */
  @TearDown
  public void tearDown() throws IOException {
    raw.close();
    client.close();
    timedClient.close();
    if (wire != null) {
      wire.close();
    }
    if (peer != null) {
      peer.close();
    }
    if (canned != null) {
      canned.close();
    }
  }

  /** Moves awssim's virtual clock 1 ms, within the on-demand table's read capacity. */
  private void tick() {
    if (sim != null) {
      sim.advanceBy(ONE_MS);
    }
  }

  /** GetItem as a pre-built HTTP/1.1 request on a keep-alive socket. */
  @Benchmark
  public int rawClient() throws IOException {
    tick();
    return raw.exchange(request);
  }

  /** GetItem through {@link DynamoDbClient} with the Apache HTTP client. */
  @Benchmark
  public GetItemResponse sdkClient() {
    tick();
    return client.getItem(getItem());
  }

  /** {@link #sdkClient} through the client that times its phases. */
  @Benchmark
  public GetItemResponse sdkClientPhases() {
    tick();
    return timedClient.getItem(getItem());
  }

  /** Creates the on-demand table {@code bench} and puts the item {@code k1}, ticking between. */
  static void createTableWithItem(DynamoDbClient client, Runnable tick) {
    client.createTable(
        b ->
            b.tableName("bench")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    tick.run();
    client.putItem(
        b ->
            b.tableName("bench")
                .item(
                    Map.of(
                        "pk",
                        AttributeValue.fromS("k1"),
                        "name",
                        AttributeValue.fromS("customer-name-1"))));
  }

  /** The GetItem of the item {@link #createTableWithItem} puts. */
  static GetItemRequest getItem() {
    return GetItemRequest.builder()
        .tableName("bench")
        .key(Map.of("pk", AttributeValue.fromS("k1")))
        .build();
  }

  /** A blocking server that answers every request with the same GetItem response. */
  static ServerSocket cannedServer() throws IOException {
    byte[] body = ITEM_JSON.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(body);
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "x-amzn-RequestId: 00000000-0000-4000-8000-000000000001\r\n"
                + "x-amz-crc32: "
                + crc.getValue()
                + "\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] response = new byte[head.length + body.length];
    System.arraycopy(head, 0, response, 0, head.length);
    System.arraycopy(body, 0, response, head.length, body.length);
    ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  Thread t = new Thread(() -> answer(s, response), "canned-connection");
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "canned-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** Answers each request on {@code s}: reads the head and the body, writes {@code response}. */
  private static void answer(Socket s, byte[] response) {
    try (s) {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      byte[] skip = new byte[64 * 1024];
      int length;
      while ((length = RawHttpConnection.readHead(in, null)) >= 0) {
        in.readNBytes(skip, 0, length);
        out.write(response);
      }
    } catch (IOException e) {
      // the benchmark closed the connection
    }
  }
}
