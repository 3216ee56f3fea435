package dev.awssim.benchmarks;

import dev.awssim.AwsSimulator;
import dev.awssim.wire.WireServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cap the SDK client puts on issue 24's "DynamoDB through the SDK at least 3x dynalite": one
 * GetItem to each of awssim's wire server, dynalite and a canned server (a socket that answers
 * every request with the same response, see {@link WireTransportBenchmark}), one after the other in
 * each operation, so that the three are measured in the same fork under the same load. Each
 * iteration prints, per server, {@link ClientPhases}' split of a call (wall and CPU time of the
 * client's thread) and the server's CPU time per call. A single keep-alive connection serves one
 * call at a time, so a call's round trip is at least the client's time plus the server's: with the
 * canned server's as the floor, {@code (client + dynalite) / (client + floor)} bounds the ratio any
 * server can reach. The score counts triples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SdkClientCapBenchmark {
  private static final Duration ONE_MS = Duration.ofMillis(1);

  private AwsSimulator sim;
  private WireServer wire;
  private Peers.PeerProcess dynalite;
  private ServerSocket canned;
  private final DynamoDbClient[] clients = new DynamoDbClient[3];
  private final ClientPhases[] phases = new ClientPhases[3];
  private static final String[] NAMES = {"awssim-wire", "dynalite", "canned"};

  /** Starts the three servers and puts the item in the two real ones. */
  @Setup
  public void setUp() throws IOException {
    sim = AwsSimulator.builder().seed(42).traceEnabled(false).build();
    wire = Peers.wire(sim);
    dynalite = Peers.dynalite();
    canned = WireTransportBenchmark.cannedServer();
    URI[] endpoints = {
      wire.endpoint(), dynalite.endpoint(), URI.create("http://127.0.0.1:" + canned.getLocalPort())
    };
    phases[0] = new ClientPhases(() -> ClientPhases.threadsCpu("awssim-wire-"));
    phases[1] = new ClientPhases(() -> ClientPhases.processCpu(dynalite.pid()));
    phases[2] = new ClientPhases(() -> ClientPhases.threadsCpu("canned-connection"));
    for (int i = 0; i < 3; i++) {
      clients[i] = Peers.dynamoDbClient(endpoints[i], phases[i]);
    }
    WireTransportBenchmark.createTableWithItem(clients[0], () -> sim.advanceBy(ONE_MS));
    WireTransportBenchmark.createTableWithItem(clients[1], () -> {});
    for (DynamoDbClient c : clients) {
      sim.advanceBy(ONE_MS);
      if (!c.getItem(WireTransportBenchmark.getItem()).hasItem()) {
        throw new IllegalStateException("GetItem found no item");
      }
    }
  }

  /** Starts the iteration's counts. */
  @Setup(Level.Iteration)
  public void startIteration() {
    for (ClientPhases p : phases) {
      p.reset();
    }
  }

  /** Prints the iteration's split per server. */
  @TearDown(Level.Iteration)
  public void endIteration() {
    for (int i = 0; i < 3; i++) {
      phases[i].print(NAMES[i]);
    }
  }

  /** Stops the servers. */
  @TearDown
  public void tearDown() throws IOException {
    for (DynamoDbClient c : clients) {
      c.close();
    }
    wire.close();
    dynalite.close();
    canned.close();
  }

  /** One GetItem to each server; awssim's virtual clock moves 1 ms first. */
  @Benchmark
  public int getItemFromEach() {
    sim.advanceBy(ONE_MS);
    int found = 0;
    for (DynamoDbClient c : clients) {
      found += c.getItem(WireTransportBenchmark.getItem()).hasItem() ? 1 : 0;
    }
    return found;
  }
}
