package dev.awssim.wire;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.SimulatedRegion;
import dev.awssim.engine.AwsAccount;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.internal.WallClockPacer;
import dev.awssim.sqs.SqsLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;
import software.amazon.awssdk.services.lambda.LambdaClient;

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
 * <p>Signatures are accepted without being checked: any credentials work. The Region of a request's
 * SigV4 credential scope picks the Region of the simulation that serves it, Lambda included (each
 * Region has its own functions); unsigned requests reach the default Region ({@link
 * Builder#region}), and a scope that names no Region code is refused as AWS refuses it. Only the
 * loopback interface is bound. Admin endpoints live under {@code /_awssim/} (see {@link
 * AdminEndpoints}).
 *
 * <p><b>Time.</b> One virtual clock, moved as the {@link TimeMode} says: an SQS long poll is parked
 * (it holds no thread but its own connection's) until virtual time reaches its answer; in
 * {@linkplain TimeMode#idle() idle mode} (the default) time jumps to the next scheduled event once
 * every request in flight is parked and none has arrived for {@value #QUIET_MILLIS} ms of wall
 * time; in {@linkplain TimeMode#stepped() stepped mode} only the admin endpoints move it; in
 * {@linkplain TimeMode#accelerated(double) accelerated mode} it follows the wall clock. Only {@link
 * dev.awssim.internal.WallClockPacer} looks at the wall clock. Requests are served one at a time,
 * in arrival order, and idle jumps are logged, so that a {@link SessionLog} replays the session
 * exactly.
 */
@SuppressForbidden(reason = "serves JDK HTTP server handlers and exchanges")
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

  /**
   * Idle mode's quiet spell, in milliseconds of wall time: once every request in flight is parked
   * and none has arrived for this long, virtual time jumps to the next scheduled event.
   */
  public static final long QUIET_MILLIS = 5;

  /** How long the idle-mode jumper waits, at most, before it looks at the requests again. */
  private static final long IDLE_RECHECK_MILLIS = 100;

  private final LoopbackHttpServer http;
  private final ExecutorService executor;
  private final Object lock = new Object();
  private final AtomicLong requestIds = new AtomicLong();
  private final LongFunction<AwsSimulator> simulations;
  private final Function<SimulatedRegion, ? extends LambdaClient> lambdas;
  private final AdminEndpoints admin;
  private Dispatcher dispatcher;
  private SessionLog log;
  private long seed;
  private final TimeMode mode;
  private boolean paused;
  private WallClockPacer pacer;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger parked = new AtomicInteger();
  private final AtomicLong arrivals = new AtomicLong();
  private final Set<CompletableFuture<WireResponse>> waiting = ConcurrentHashMap.newKeySet();
  private final Object idle = new Object();
  private final Thread jumper;
  private volatile boolean closed;
  private final byte[] page;

  private WireServer(Builder b) throws IOException {
    this.page = b.page;
    this.simulations = b.simulations;
    this.seed = b.seed;
    AwsSimulator first = b.simulator != null ? b.simulator : simulations.apply(seed);
    this.lambdas = b.lambdas;
    this.dispatcher = new Dispatcher(first, lambdas);
    this.log = new SessionLog();
    this.mode = b.mode;
    this.admin = new AdminEndpoints(this);
    admin.attach(first);
    synchronized (lock) {
      startPacer();
    }
    if (mode.equals(TimeMode.idle())) {
      jumper = new Thread(this::jumpWhenIdle, "awssim-wire-idle");
      jumper.setDaemon(true);
      jumper.start();
    } else {
      jumper = null;
    }
    this.http = LoopbackHttpServer.bind(b.port, 128);
    this.executor = Executors.newFixedThreadPool(b.threads);
    http.createContext("/", this::handle);
    for (Map.Entry<String, HttpHandler> e : b.handlers.entrySet()) {
      http.createContext(e.getKey(), e.getValue());
    }
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
    return http.address().getPort();
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

  /** How virtual time moves. */
  public TimeMode timeMode() {
    return mode;
  }

  /** Whether time is paused (admin {@code POST /_awssim/pause}). */
  public boolean isPaused() {
    synchronized (lock) {
      return paused;
    }
  }

  /**
   * Stops idle jumps (idle mode) or the wall-clock pacing (accelerated mode); the admin endpoints
   * still move time. In stepped mode there is nothing to pause.
   */
  public void pause() {
    synchronized (lock) {
      paused = true;
      stopPacer();
    }
  }

  /** Undoes {@link #pause()}: accelerated time goes on from the virtual instant reached. */
  public void resume() {
    synchronized (lock) {
      paused = false;
      startPacer();
    }
    signalIdle();
  }

  /** Stops serving and releases the port; the simulation stays readable. */
  @Override
  public void close() {
    closed = true;
    if (jumper != null) {
      jumper.interrupt();
    }
    synchronized (lock) {
      stopPacer();
    }
    http.stop();
    executor.shutdownNow();
  }

  /**
   * Replaces the simulation by a fresh one with {@code newSeed} and starts a new session log;
   * requests parked on the old simulation are answered 500 {@code InternalFailure}.
   */
  public void reset(long newSeed) {
    synchronized (lock) {
      stopPacer();
      this.seed = newSeed;
      AwsSimulator fresh = simulations.apply(newSeed);
      this.dispatcher = new Dispatcher(fresh, lambdas);
      admin.attach(fresh);
      this.log = new SessionLog();
      for (CompletableFuture<WireResponse> f : List.copyOf(waiting)) {
        f.complete(
            WireResponse.json(
                500, "{\"__type\":\"InternalFailure\",\"message\":\"The simulation was reset\"}"));
      }
      startPacer();
    }
  }

  /** Starts the pacer in accelerated mode unless paused; the caller holds {@link #lock}. */
  private void startPacer() {
    if (mode.name().equals("accelerated") && !paused && pacer == null && !closed) {
      pacer =
          WallClockPacer.start(SimulatorAccess.scheduler(dispatcher.simulator()), mode.factor());
    }
  }

  /** Stops the pacer, if any; the caller holds {@link #lock}. */
  private void stopPacer() {
    if (pacer != null) {
      pacer.stop();
      pacer = null;
    }
  }

  /** Times every request inside the server with {@code timer} (benchmarks; null: stop). */
  void timeRequests(LoopbackHttpServer.RequestTimer timer) {
    http.timeRequests(timer);
  }

  /** How many requests are parked on virtual time now. */
  int parkedCount() {
    return parked.get();
  }

  /** Every AWS request in flight is parked on virtual time. */
  private boolean allParked() {
    int p = parked.get();
    return p > 0 && inFlight.get() == p;
  }

  private void signalIdle() {
    synchronized (idle) {
      idle.notifyAll();
    }
  }

  /** The idle-mode jumper: waits for a quiet spell in which every request is parked, then jumps. */
  private void jumpWhenIdle() {
    try {
      while (!closed) {
        synchronized (idle) {
          if (!allParked()) {
            WallClockPacer.awaitWall(idle, IDLE_RECHECK_MILLIS);
            continue;
          }
          long seen = arrivals.get();
          WallClockPacer.awaitWall(idle, QUIET_MILLIS);
          if (arrivals.get() != seen || !allParked()) {
            continue;
          }
        }
        jump();
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  /**
   * Moves virtual time from scheduled event to scheduled event until a parked request is answered
   * or a new request arrives, and logs where it got to (an {@link SessionLog#ADVANCE} entry).
   */
  private void jump() {
    synchronized (lock) {
      if (paused || closed || !allParked()) {
        return;
      }
      AwsSimulator sim = dispatcher.simulator();
      int before = parked.get();
      Instant start = sim.now();
      while (parked.get() == before && inFlight.get() == before) {
        long next = SimulatorAccess.scheduler(sim).nextDueNanos();
        if (next < 0) {
          break;
        }
        SimulatorAccess.scheduler(sim).advanceToNanos(next);
      }
      if (sim.now().isAfter(start)) {
        log.add(
            sim.now(),
            SessionLog.ADVANCE,
            200,
            new WireRequest(
                "POST", "/" + SessionLog.ADVANCE, null, ImmutableMap.of(), new byte[0]));
      }
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

  /**
   * Serves one AWS request as a step of the session; a long poll is parked and its future completes
   * on virtual time (its log entry, at arrival, says 200).
   */
  @SuppressWarnings("CollectionUndefinedEquality") // a future is its own identity: what we want
  CompletableFuture<WireResponse> serve(WireRequest request, String requestId) {
    synchronized (lock) {
      Instant arrival = dispatcher.simulator().now();
      CompletableFuture<WireResponse> response = dispatcher.dispatchParking(request, requestId);
      boolean done = response.isDone();
      log.add(
          arrival, Dispatcher.operation(request), done ? response.join().status() : 200, request);
      if (!done) {
        parked.incrementAndGet();
        waiting.add(response);
        var unused = // the parked count follows the response; failures reach the client in handle
            response.whenComplete(
                (r, e) -> {
                  waiting.remove(response);
                  parked.decrementAndGet();
                  signalIdle();
                });
      }
      return response;
    }
  }

  private void handle(HttpExchange exchange) {
    String requestId = requestId(requestIds.incrementAndGet());
    boolean aws = !exchange.getRequestURI().getRawPath().startsWith(ADMIN_PREFIX);
    if (aws) {
      inFlight.incrementAndGet();
      arrivals.incrementAndGet();
      signalIdle();
    }
    CompletableFuture<WireResponse> response;
    try {
      response = respond(exchange, requestId);
    } catch (IOException | UncheckedIOException e) {
      finish(exchange, null, requestId, aws); // the client went away; nothing to answer
      return;
    } catch (RuntimeException e) {
      response = CompletableFuture.completedFuture(internalFailure(e));
    }
    if (response == null || response.isDone()) {
      finish(exchange, response == null ? null : response.join(), requestId, aws);
    } else {
      var unused = // the response is sent when it completes; failures are answered inside
          response.whenCompleteAsync(
              (r, e) -> finish(exchange, e == null ? r : internalFailure(e), requestId, aws),
              executor);
    }
  }

  /** A bug of the simulator must not take the server down: answer it, keep serving. */
  private static WireResponse internalFailure(Throwable e) {
    return WireResponse.json(
        500,
        "{\"__type\":\"InternalFailure\",\"message\":\"" + Json.escape(String.valueOf(e)) + "\"}");
  }

  /** Sends {@code response} (null: already answered), closes the exchange, counts it done. */
  private void finish(HttpExchange exchange, WireResponse response, String requestId, boolean aws) {
    try (exchange) {
      if (response != null) {
        send(exchange, response, requestId);
      }
    } catch (IOException | UncheckedIOException e) {
      // The client went away; nothing to answer.
    } finally {
      if (aws) {
        inFlight.decrementAndGet();
        signalIdle();
      }
    }
  }

  /**
   * The response to the exchange's request (a future for a parked long poll), or null when a stream
   * has already answered it.
   */
  private CompletableFuture<WireResponse> respond(HttpExchange exchange, String requestId)
      throws IOException {
    byte[] body = readBody(exchange.getRequestBody(), exchange.getRequestHeaders());
    if (body == null) {
      return CompletableFuture.completedFuture(
          WireResponse.json(
              413,
              "{\"__type\":\"RequestEntityTooLarge\",\"message\":\"Request body larger than "
                  + MAX_BODY_BYTES
                  + " bytes\"}"));
    }
    WireRequest request =
        new WireRequest(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            headers(exchange.getRequestHeaders()),
            body);
    if (page != null && request.method().equals("GET") && request.path().equals("/")) {
      return CompletableFuture.completedFuture(
          WireResponse.of(200, "text/html; charset=utf-8", page.clone()));
    }
    if (!request.path().startsWith(ADMIN_PREFIX)) {
      return serve(request, requestId);
    }
    if (admin.isStream(request)) {
      admin.stream(request, exchange, requestId);
      return null;
    }
    return CompletableFuture.completedFuture(admin.handle(request));
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

  /**
   * The body, or null when it is larger than {@link #MAX_BODY_BYTES}. A body of a {@code
   * Content-Length} is read into an array of its size (no 8 KiB buffer per request to copy from).
   */
  private static byte[] readBody(InputStream in, Headers headers) throws IOException {
    String length = headers.getFirst("Content-Length");
    int expected = -1;
    if (length != null && headers.getFirst("Transfer-Encoding") == null) {
      try {
        expected = Integer.parseInt(length.trim());
      } catch (NumberFormatException e) {
        expected = -1; // too large for an int: read as a stream, refused below
      }
    }
    if (expected >= 0 && expected < MAX_BODY_BYTES) {
      byte[] body = new byte[expected];
      int n = in.readNBytes(body, 0, expected);
      return n == expected ? body : Arrays.copyOf(body, n);
    }
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
    // Built by hand: String.format took a few percent of a small request inside the server.
    String hex = Long.toHexString(n);
    StringBuilder b = new StringBuilder(36).append("00000000-0000-4000-8000-");
    for (int i = hex.length(); i < 12; i++) {
      b.append('0');
    }
    return b.append(hex).toString();
  }

  /** Settings of a {@link WireServer}. */
  @SuppressForbidden(reason = "layers built on the server add routes as JDK HTTP server handlers")
  public static final class Builder {
    private int port = 4566;
    private long seed = 42;
    private int threads = 16;
    private AwsSimulator simulator;
    private LongFunction<AwsSimulator> simulations = AwsSimulator::withSeed;
    private Function<SimulatedRegion, ? extends LambdaClient> lambdas = Dispatcher.DEFAULT_LAMBDA;
    private TimeMode mode = TimeMode.idle();
    private byte[] page;
    private final Map<String, HttpHandler> handlers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * An HTML page served at {@code GET /} (no AWS operation is a GET of the root), such as the
     * classroom page; without one, that request goes to the AWS router like any other.
     *
     * @throws NullPointerException if {@code html} is null
     */
    public Builder page(String html) {
      this.page = checkNotNull(html, "html").getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * Serves the requests under {@code pathPrefix} with {@code handler} instead of the AWS router:
     * the routes of a layer built on the server, such as the classroom's scenario controls. They
     * are not AWS requests: idle mode does not count them, and the session log does not hold them.
     *
     * @param pathPrefix a path such as {@code /_classroom/}; not {@code /} nor under {@link
     *     #ADMIN_PREFIX}
     * @throws IllegalArgumentException if {@code pathPrefix} does not start with {@code /_}, or is
     *     the admin prefix or under it
     * @throws NullPointerException if an argument is null
     */
    public Builder handler(String pathPrefix, HttpHandler handler) {
      checkArgument(
          pathPrefix.startsWith("/_") && !pathPrefix.startsWith(ADMIN_PREFIX),
          "path prefix %s must start with /_ and not be under %s",
          pathPrefix,
          ADMIN_PREFIX);
      handlers.put(pathPrefix, checkNotNull(handler, "handler"));
      return this;
    }

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
     * The default Region of the simulations the server builds (default {@value
     * dev.awssim.engine.AwsAccount#DEFAULT_REGION}): the Region unsigned requests reach, whose
     * queue URLs and ARNs carry it. A request signed for another Region is served by that Region of
     * the simulation, with its own resources, on the same clock. Replaces {@link #simulations};
     * ignored when {@link #simulator} is set (that simulation's default Region is the default).
     *
     * @throws NullPointerException if {@code region} is null
     * @throws IllegalArgumentException if {@code region} is not shaped like a Region code
     */
    public Builder region(String region) {
      checkNotNull(region, "region");
      var unused = new AwsAccount(AwsAccount.DEFAULT_ACCOUNT_ID, region); // validates the code
      // SqsLimits carries its own Region for queue URLs and ARNs; the account's does not reach it.
      this.simulations =
          s ->
              AwsSimulator.builder()
                  .seed(s)
                  .region(region)
                  .sqsLimits(SqsLimits.defaults().withRegion(region))
                  .build();
      return this;
    }

    /**
     * Serves Lambda (REST-JSON: {@code /2015-03-31/functions/...}) of the simulation's default
     * Region with the client {@code lambda} makes for a simulation: called at the first Lambda
     * request to each simulation served (the first, and each one a reset makes), it is where
     * function code is registered, since code cannot come over the wire. Lambda requests signed for
     * another Region are served by that Region's own Lambda, as without this hook. Without it, each
     * Region's Lambda is served by a {@code SimulatedLambdaClient} of that Region with no handlers,
     * whose functions' code comes from {@code CreateFunction}'s {@code Handler} (a handler class on
     * the class path, see the module's README). {@link #lambdaPerRegion} serves every Region with
     * clients of the caller's.
     *
     * <pre>{@code
     * WireServer.builder().lambda(sim -> {
     *   SimulatedLambdaClient c = SimulatedLambdaClient.create(Lambda.create(sim));
     *   c.registerHandler("orders", new OrderHandler());
     *   return c;
     * })
     * }</pre>
     *
     * @throws NullPointerException if {@code lambda} is null
     */
    public Builder lambda(Function<AwsSimulator, ? extends LambdaClient> lambda) {
      this.lambdas = Dispatcher.inDefaultRegion(checkNotNull(lambda, "lambda"));
      return this;
    }

    /**
     * Serves Lambda in each Region with the client {@code lambda} makes for that Region of a
     * simulation: called at the first Lambda request signed for the Region (its SigV4 credential
     * scope; unsigned requests are the default Region's), for each simulation served. Lambda is
     * regional, so a Region's functions, event source mappings and concurrency quota are its own
     * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html): the client should
     * be over {@code Lambda.create(region)}.
     *
     * <pre>{@code
     * WireServer.builder().lambdaPerRegion(region -> {
     *   SimulatedLambdaClient c = SimulatedLambdaClient.create(Lambda.create(region));
     *   c.registerHandler("orders", new OrderHandler());
     *   return c;
     * })
     * }</pre>
     *
     * @throws NullPointerException if {@code lambda} is null
     */
    public Builder lambdaPerRegion(Function<SimulatedRegion, ? extends LambdaClient> lambda) {
      this.lambdas = checkNotNull(lambda, "lambda");
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
     * Threads that answer parked requests (a long poll) when virtual time completes them (default
     * 16). Each connection is read and answered on a thread of its own; requests are served one at
     * a time whatever the number of threads.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "threads %s < 1", threads);
      this.threads = threads;
      return this;
    }

    /**
     * How virtual time moves (default {@link TimeMode#idle()}).
     *
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder timeMode(TimeMode mode) {
      this.mode = checkNotNull(mode, "mode");
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
