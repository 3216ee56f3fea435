package dev.awssim.wire;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.awssim.AwsSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * An AWS endpoint on {@code 127.0.0.1} backed by one simulation: the AWS CLI, boto3 and SDK clients
 * (with an endpoint override) talk to it as to AWS. Requests become the AWS SDK for Java v2 request
 * objects and are handled by the same simulated clients {@code SimulatedAws} hands out in-process;
 * responses and errors are encoded back from the SDK objects' field metadata.
 *
 * <pre>{@code
 * try (WireServer server = WireServer.builder().seed(42).port(0).start()) {
 *   SqsClient sqs = SqsClient.builder().endpointOverride(server.endpoint()) ... .build();
 * }
 * }</pre>
 *
 * <p>Signatures are accepted without being checked: any credentials work. Only the loopback
 * interface is bound. Admin endpoints live under {@code /_awssim/} (see {@link AdminEndpoints}).
 *
 * <p><b>Time.</b> Time moves when a request would block (a long poll jumps to the next deadline, as
 * in-process) and through the admin endpoints; nothing reads the wall clock. Requests are served
 * one at a time, in arrival order, so that a {@link SessionLog} replays the session exactly.
 */
@SuppressForbidden(reason = "the JDK HTTP server is the server this module is built on")
public final class WireServer implements AutoCloseable {
  /** The reserved path prefix of the admin endpoints. */
  public static final String ADMIN_PREFIX = "/_awssim/";

  /**
   * Bodies larger than this are refused with 413 before they are read further: 16 MiB, DynamoDB's
   * largest request
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html), which is
   * also larger than any SQS (1 MiB) or Kinesis PutRecords (10 MiB) request.
   */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  static {
    // Without it the JDK server's Nagle delay adds about 40 ms to each response. Read once, when
    // the JDK's ServerConfig class initialises, so it is set before any server is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer http;
  private final ExecutorService executor;
  private final Object lock = new Object();
  private final AtomicLong requestIds = new AtomicLong();
  private final LongFunction<AwsSimulator> simulations;
  private final AdminEndpoints admin;
  private Dispatcher dispatcher;
  private SessionLog log;
  private long seed;

  private WireServer(Builder b) throws IOException {
    this.simulations = b.simulations;
    this.seed = b.seed;
    AwsSimulator first = b.simulator != null ? b.simulator : simulations.apply(seed);
    this.dispatcher = new Dispatcher(first);
    this.log = new SessionLog();
    this.admin = new AdminEndpoints(this);
    this.http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 128);
    this.executor = Executors.newFixedThreadPool(b.threads);
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
  }

  /** A builder of a server. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}: the endpoint to give clients. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** The bound port. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The simulation currently served (a reset replaces it). */
  public AwsSimulator simulator() {
    synchronized (lock) {
      return dispatcher.simulator();
    }
  }

  /** The seed of the simulation currently served. */
  public long seed() {
    synchronized (lock) {
      return seed;
    }
  }

  /** The requests served since the start or the last reset. */
  public SessionLog sessionLog() {
    synchronized (lock) {
      return log;
    }
  }

  /** Stops serving and releases the port; the simulation stays readable. */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  /** Replaces the simulation by a fresh one with {@code newSeed} and starts a new session log. */
  void reset(long newSeed) {
    synchronized (lock) {
      this.seed = newSeed;
      this.dispatcher = new Dispatcher(simulations.apply(newSeed));
      this.log = new SessionLog();
    }
  }

  /**
   * Runs {@code action} on the simulation as one step of the session, logged under {@code
   * operation} at the virtual instant after it.
   */
  <T> T clockAction(String operation, java.util.function.Function<AwsSimulator, T> action) {
    synchronized (lock) {
      T result = action.apply(dispatcher.simulator());
      log.add(
          dispatcher.simulator().now(),
          operation,
          200,
          new WireRequest("POST", "/" + operation, null, ImmutableMap.of(), new byte[0]));
      return result;
    }
  }

  /** Serves one AWS request as a step of the session. */
  WireResponse serve(WireRequest request, String requestId) {
    synchronized (lock) {
      Instant arrival = dispatcher.simulator().now();
      WireResponse response = dispatcher.dispatch(request, requestId);
      log.add(arrival, Dispatcher.operation(request), response.status(), request);
      return response;
    }
  }

  private void handle(HttpExchange exchange) {
    String requestId = requestId(requestIds.incrementAndGet());
    try (exchange) {
      WireResponse response;
      try {
        response = respond(exchange, requestId);
      } catch (RuntimeException e) {
        // A bug of the simulator must not take the server down: answer it, keep serving.
        response =
            WireResponse.json(
                500,
                "{\"__type\":\"InternalFailure\",\"message\":\""
                    + Json.escape(String.valueOf(e))
                    + "\"}");
      }
      if (response != null) {
        send(exchange, response, requestId);
      }
    } catch (IOException | UncheckedIOException e) {
      // The client went away; nothing to answer.
    }
  }

  /** The response to the exchange's request, or null when a stream has already answered it. */
  private WireResponse respond(HttpExchange exchange, String requestId) throws IOException {
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      return WireResponse.json(
          413,
          "{\"__type\":\"RequestEntityTooLarge\",\"message\":\"Request body larger than "
              + MAX_BODY_BYTES
              + " bytes\"}");
    }
    WireRequest request =
        new WireRequest(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            headers(exchange.getRequestHeaders()),
            body);
    if (!request.path().startsWith(ADMIN_PREFIX)) {
      return serve(request, requestId);
    }
    if (admin.isStream(request)) {
      admin.stream(request, exchange, requestId);
      return null;
    }
    return admin.handle(request);
  }

  private static void send(HttpExchange exchange, WireResponse response, String requestId)
      throws IOException {
    Headers h = exchange.getResponseHeaders();
    h.set("x-amzn-RequestId", requestId);
    h.set("Content-Type", response.contentType());
    for (Map.Entry<String, String> e : response.headers().entrySet()) {
      h.set(e.getKey(), e.getValue());
    }
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES);
    if (body.length == MAX_BODY_BYTES && in.read() >= 0) {
      return null;
    }
    return body;
  }

  private static ImmutableMap<String, String> headers(Headers headers) {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builder();
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (!e.getValue().isEmpty()) {
        b.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().get(0));
      }
    }
    return b.buildKeepingLast();
  }

  /** A request id shaped like AWS's (a UUID), from a counter: no randomness, no wall clock. */
  static String requestId(long n) {
    return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", n);
  }

  /** Settings of a {@link WireServer}. */
  public static final class Builder {
    private int port = 4566;
    private long seed = 42;
    private int threads = 16;
    private AwsSimulator simulator;
    private LongFunction<AwsSimulator> simulations = AwsSimulator::withSeed;

    private Builder() {}

    /**
     * The port on 127.0.0.1 (default 4566); 0 picks a free one.
     *
     * @throws IllegalArgumentException if {@code port} is outside 0..65535
     */
    public Builder port(int port) {
      checkArgument(port >= 0 && port <= 65_535, "port %s outside 0..65535", port);
      this.port = port;
      return this;
    }

    /** The seed of the simulation served (default 42); ignored when {@link #simulator} is set. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Serves {@code simulator} instead of a fresh one: tests can prepare it, or read its trace.
     *
     * @throws NullPointerException if {@code simulator} is null
     */
    public Builder simulator(AwsSimulator simulator) {
      this.simulator = checkNotNull(simulator, "simulator");
      this.seed = simulator.seed();
      return this;
    }

    /**
     * How a reset builds the simulation of a seed (default {@link AwsSimulator#withSeed}).
     *
     * @throws NullPointerException if {@code simulations} is null
     */
    public Builder simulations(LongFunction<AwsSimulator> simulations) {
      this.simulations = checkNotNull(simulations, "simulations");
      return this;
    }

    /**
     * Server threads (default 16): requests are served one at a time; more threads only let more
     * connections be read and answered at once.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "threads %s < 1", threads);
      this.threads = threads;
      return this;
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public WireServer start() {
      try {
        return new WireServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
