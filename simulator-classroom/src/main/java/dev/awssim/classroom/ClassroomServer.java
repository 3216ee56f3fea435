package dev.awssim.classroom;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Splitter;
import com.sun.net.httpserver.HttpExchange;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.AwsServiceException;
import dev.awssim.examples.Demo;
import dev.awssim.examples.DemoOption;
import dev.awssim.examples.DemoOptions;
import dev.awssim.examples.Demos;
import dev.awssim.examples.LiveDemo;
import dev.awssim.internal.WallClockPacer;
import dev.awssim.wire.TimeMode;
import dev.awssim.wire.WireServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The classroom: a {@link WireServer} that also serves the classroom page at {@code GET /} and its
 * scenario routes under {@code /_classroom/}. One scenario (one of the demos) runs at a time on the
 * server's one simulation; the AWS CLI, the page's action buttons and any SDK client send requests
 * into it through the wire protocol, and the admin endpoints step its clock.
 *
 * <p>Routes: {@code GET scenarios} (the scenarios, their options and documentation links), {@code
 * POST load?scenario=NAME&seed=N&OPTION=VALUE...} (a fresh simulation running that demo, paused at
 * 0 s; bad values answer 400 with the demo's or AWS's error), {@code POST play?speed=K} (virtual
 * time follows the wall clock K times faster, 1 to {@value #MAX_SPEED}, until the run's end),
 * {@code POST pause}, {@code GET state}, {@code GET stream} (Server-Sent Events: one {@code frame}
 * event per update) and {@code GET report} (the launcher's HTML report of what ran; it ends the
 * run). Stepping uses the wire server's admin endpoints ({@code /_awssim/advance}, {@code
 * /_awssim/step}).
 *
 * <p>Time moves only through the admin endpoints and, while playing, in steps of speed x {@value
 * #PLAY_TICK_MILLIS} ms each {@value #PLAY_TICK_MILLIS} ms of wall time, up to the run's end: the
 * wire server runs in {@linkplain TimeMode#stepped() stepped mode}, and nothing here reads the wall
 * clock (it only waits on it, through {@link WallClockPacer#awaitWall}). The play steps go through
 * the admin endpoint too, so the wire server's session log holds every move of time.
 */
@SuppressForbidden(reason = "the classroom's routes are JDK HTTP server handlers")
public final class ClassroomServer implements AutoCloseable {
  /** The fastest play: 100 virtual seconds per wall second. */
  public static final double MAX_SPEED = 100;

  /** How often, in wall milliseconds, the page is sent an update while anything changes. */
  static final long FRAME_MILLIS = 100;

  /** How often, in wall milliseconds, a playing run moves virtual time. */
  static final long PLAY_TICK_MILLIS = 50;

  /** How often, in wall milliseconds, the page is sent an update when nothing changes. */
  static final long HEARTBEAT_MILLIS = 500;

  private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
  private final Object lock = new Object();
  private final WireServer wire;
  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final Object signal = new Object();
  private final Thread broadcaster;
  private volatile boolean closed;
  private Scenario pendingScenario;
  private DemoOptions pendingOptions;
  private volatile Live live;

  private long runs;
  private final Thread player;
  private final Object playSignal = new Object();
  private final Object playStep = new Object();
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile boolean playing;
  private volatile double speed = 10;

  /** One page's stream: its queue of frames, and whether it still needs every point so far. */
  private static final class Client {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    volatile boolean needsFull = true;
  }

  private ClassroomServer(int port, long seed) {
    for (Demo demo : Demos.all()) {
      if (demo instanceof LiveDemo d) {
        Scenario s =
            switch (d.name()) {
              case "sqs-visibility" -> new SqsScenario(d, "orders", "orders-dlq");
              case "sqs-fifo" -> new SqsScenario(d, "jobs.fifo", null);
              case "kinesis-hot-shard" -> new KinesisScenario(d);
              case "dynamodb-hot-partition" -> new DynamoDbScenario(d);
              case "apigateway-burst" -> new ApiGatewayScenario(d);
              case "retries" -> new RetriesScenario(d);
              default -> null;
            };
        if (s != null) {
          scenarios.put(d.name(), s);
        }
      }
    }
    Scenario first = scenarios.values().iterator().next();
    pendingScenario = first;
    pendingOptions = DemoOptions.parse(first.demo(), seed, Map.of());
    this.wire =
        WireServer.builder()
            .port(port)
            .seed(seed)
            .timeMode(TimeMode.stepped())
            .simulations(this::newRun)
            .page(page())
            .handler("/_classroom/", this::handle)
            .start();
    this.broadcaster = new Thread(this::broadcast, "awssim-classroom-frames");
    broadcaster.setDaemon(true);
    broadcaster.start();
    this.player = new Thread(this::playLoop, "awssim-classroom-player");
    player.setDaemon(true);
    player.start();
  }

  /**
   * Starts a classroom on 127.0.0.1.
   *
   * @param port the port (0 picks a free one)
   * @param seed the seed of the first scenario's run
   * @throws IllegalArgumentException if the port is outside 0..65535
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static ClassroomServer start(int port, long seed) {
    return new ClassroomServer(port, seed);
  }

  /** {@code http://127.0.0.1:<port>}: the page, and the endpoint for the AWS CLI. */
  public URI endpoint() {
    return wire.endpoint();
  }

  /** The wire server the classroom runs on. */
  public WireServer wire() {
    return wire;
  }

  /** The names of the scenarios, in the page's order. */
  public List<String> scenarios() {
    return List.copyOf(scenarios.keySet());
  }

  private static String page() {
    try (InputStream in = ClassroomServer.class.getResourceAsStream("classroom.html")) {
      if (in == null) {
        throw new IllegalStateException("classroom.html is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The wire server's factory of simulations: a fresh one running the scenario being loaded. */
  private AwsSimulator newRun(long seed) {
    synchronized (lock) {
      AwsSimulator sim = AwsSimulator.builder().seed(seed).build();
      Live previous = live;
      if (previous != null) {
        previous.close();
      }
      Live next = new Live(++runs, pendingScenario, pendingOptions, sim);
      live = next;
      for (Client c : clients) {
        c.needsFull = true;
      }
      return sim;
    }
  }

  /**
   * Loads {@code scenario} with {@code options} on a fresh simulation with {@code seed}, paused at
   * its start.
   *
   * @throws IllegalArgumentException if the scenario is unknown or an option is bad
   * @throws AwsServiceException if the simulated service refuses a value, as AWS would
   */
  public void load(String scenario, long seed, Map<String, String> options) {
    Scenario s = scenarios.get(scenario);
    checkArgument(s != null, "unknown scenario %s; the scenarios are %s", scenario, scenarios());
    DemoOptions parsed = DemoOptions.parse(s.demo(), seed, options);
    // A trial start on a scratch simulation: a value AWS refuses fails here, before the running
    // scenario is replaced.
    s.demo()
        .start(
            AwsSimulator.builder().seed(seed).traceEnabled(false).metricsEnabled(false).build(),
            parsed);
    pause();
    synchronized (lock) {
      pendingScenario = s;
      pendingOptions = parsed;
    }
    // Outside this classroom's lock: the wire server takes its own lock, then calls newRun. Not
    // while a step of play is on its way (it would move the fresh simulation).
    synchronized (playStep) {
      wire.reset(seed);
    }
    wake();
  }

  /**
   * Plays: virtual time follows the wall clock {@code newSpeed} times faster until the run's end or
   * {@link #pause()}.
   *
   * @throws IllegalArgumentException if {@code newSpeed} is not from 1 to {@value #MAX_SPEED}
   */
  public void play(double newSpeed) {
    checkArgument(
        newSpeed >= 1 && newSpeed <= MAX_SPEED, "speed must be from 1 to 100, not %s", newSpeed);
    synchronized (lock) {
      speed = newSpeed;
      Live l = live;
      playing = l.sim.clock().elapsed().compareTo(l.run.duration()) < 0;
    }
    synchronized (playSignal) {
      playSignal.notifyAll();
    }
    wake();
  }

  /**
   * Stops playing; virtual time stays where it is until stepped or played again. A step of play on
   * its way ends first: when this returns, time stands still.
   */
  public void pause() {
    synchronized (lock) {
      playing = false;
    }
    synchronized (playStep) {
      wake();
    }
  }

  /** The demo's result of the current run so far (it ends the run), as the report shows it. */
  dev.awssim.examples.DemoResult finishRun() {
    pause();
    return live.finish();
  }

  /** The stream, table, queue or API id the current run's actors work on. */
  /** The run loaded last, or null (for tests). */
  Live currentRun() {
    return live;
  }

  String resource() {
    return live.run.resource();
  }

  /** Whether virtual time is moving with the wall clock now. */
  public boolean isPlaying() {
    return playing;
  }

  /**
   * While playing, moves virtual time by {@code speed} x {@value #PLAY_TICK_MILLIS} ms every
   * {@value #PLAY_TICK_MILLIS} ms of wall time, and stops at the run's end, where the terminal demo
   * stops, so that a played run shows the terminal demo's numbers. It never reads the wall clock:
   * it only waits on it (a slow step makes play slower, never skips virtual time).
   *
   * <p>Each step of play is a {@code POST /_awssim/advance?to=INSTANT} to the wire server's own
   * admin endpoint, as the page's step buttons are: the session log ({@code GET /_awssim/session})
   * then holds every move of time, played or stepped, and {@link dev.awssim.wire.SessionLog#replay}
   * on a fresh simulation running the same scenario repeats the run the class saw.
   */
  private void playLoop() {
    try {
      while (!closed) {
        synchronized (playSignal) {
          WallClockPacer.awaitWall(playSignal, PLAY_TICK_MILLIS);
        }
        // Held while the step is sent, so that a load cannot reset the simulation in between.
        synchronized (playStep) {
          Live l;
          long target;
          boolean last;
          synchronized (lock) {
            if (!playing) {
              continue;
            }
            l = live;
            long now = l.sim.clock().nanos();
            long end = l.run.duration().toNanos();
            target = Math.min(end, now + (long) (speed * PLAY_TICK_MILLIS * 1_000_000L));
            last = target >= end;
            if (target <= now) {
              target = -1;
            }
          }
          if (target >= 0) {
            advanceTo(l.sim.clock().start().plusNanos(target));
          }
          synchronized (lock) {
            if (last && live == l) {
              playing = false;
            }
          }
        }
        wake();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code POST /_awssim/advance?to=instant} on this server: a logged move of virtual time. */
  private void advanceTo(Instant instant) throws InterruptedException {
    try {
      var unused = // the clock's new time is read from the simulation, not from the answer
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          wire.endpoint() + WireServer.ADMIN_PREFIX + "advance?to=" + instant))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // The server is closing; play stops with it.
      playing = false;
    }
  }

  /** Stops the classroom and its server. */
  @Override
  public void close() {
    closed = true;
    broadcaster.interrupt();
    player.interrupt();
    pause();
    wire.close();
  }

  private void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Sends each page an update whenever virtual time or the run changed, and a heartbeat. */
  private void broadcast() {
    double lastT = -1;
    long lastRun = -1;
    long quiet = 0;
    try {
      while (!closed) {
        synchronized (signal) {
          WallClockPacer.awaitWall(signal, FRAME_MILLIS);
        }
        Live l = live;
        if (l == null || clients.isEmpty()) {
          continue;
        }
        double t = l.sim.clock().elapsed().toNanos() / 1e9;
        boolean newClient = clients.stream().anyMatch(c -> c.needsFull);
        quiet += FRAME_MILLIS;
        if (t == lastT && l.id == lastRun && !newClient && quiet < HEARTBEAT_MILLIS) {
          continue;
        }
        quiet = 0;
        lastT = t;
        lastRun = l.id;
        sendFrames(l, t);
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  private void sendFrames(Live l, double t) {
    boolean playing = isPlaying();
    String delta;
    try {
      delta = l.frame(t, false, playing, speed);
    } catch (RuntimeException e) {
      delta = "{\"error\":\"" + Jsons.escape(String.valueOf(e)) + "\"}";
    }
    String full = null;
    for (Client c : clients) {
      if (c.needsFull) {
        if (full == null) {
          full = l.frame(t, true, playing, speed);
        }
        c.needsFull = false;
        c.frames.add(full);
      } else {
        c.frames.add(delta);
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String op = exchange.getRequestURI().getPath().substring("/_classroom/".length());
      Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      if (op.equals("stream") && method.equals("GET")) {
        stream(exchange);
        return;
      }
      Answer a;
      try {
        a = answer(op, method, params);
      } catch (IllegalArgumentException e) {
        a = error(400, "ValidationException", String.valueOf(e.getMessage()));
      } catch (AwsServiceException e) {
        a = error(e.statusCode(), e.errorCode(), e.errorMessage());
      }
      byte[] body = a.body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", a.contentType);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(a.status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private record Answer(int status, String contentType, String body) {}

  private static Answer json(String body) {
    return new Answer(200, "application/json", body);
  }

  private static Answer error(int status, String code, String message) {
    return new Answer(
        status,
        "application/json",
        "{\"__type\":\""
            + Jsons.escape(code)
            + "\",\"message\":\""
            + Jsons.escape(message)
            + "\"}");
  }

  private Answer answer(String op, String method, Map<String, String> params) {
    boolean post = method.equals("POST");
    boolean postOnly = op.equals("load") || op.equals("play") || op.equals("pause");
    if (postOnly && !post) {
      return error(405, "MethodNotAllowed", op + " takes POST");
    }
    return switch (op) {
      case "scenarios" -> json(scenariosJson());
      case "state" -> json(state());
      case "load" -> {
        Map<String, String> options = new LinkedHashMap<>(params);
        String name = options.remove("scenario");
        String seedText = options.remove("seed");
        long seed;
        try {
          seed = seedText == null ? wire.seed() : Long.parseLong(seedText.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "seed must be a whole number, not '" + seedText + "'", e);
        }
        load(name, seed, options);
        yield json(state());
      }
      case "play" -> {
        String s = params.getOrDefault("speed", Double.toString(speed));
        try {
          play(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("speed must be a number, not '" + s + "'", e);
        }
        yield json(state());
      }
      case "pause" -> {
        pause();
        yield json(state());
      }
      case "report" -> {
        Live l = live;
        yield new Answer(
            200,
            "text/html; charset=utf-8",
            Demos.htmlReport(List.of(finishRun()), l.options.seed()));
      }
      default -> error(404, "UnknownOperationException", "No classroom route " + op);
    };
  }

  private String state() {
    Live l = live;
    return "{\"scenario\":\""
        + Jsons.escape(l.scenario.demo().name())
        + "\",\"resource\":\""
        + Jsons.escape(l.run.resource())
        + "\",\"run\":"
        + l.id
        + ",\"seed\":"
        + l.options.seed()
        + ",\"t\":"
        + Jsons.number(l.sim.clock().elapsed().toNanos() / 1e9)
        + ",\"end\":"
        + Jsons.number(l.endSeconds())
        + ",\"playing\":"
        + isPlaying()
        + ",\"speed\":"
        + Jsons.number(speed)
        + ",\"options\":{"
        + String.join(
            ",",
            l.scenario.demo().options().stream()
                .map(
                    o ->
                        "\""
                            + Jsons.escape(o.name())
                            + "\":\""
                            + Jsons.escape(optionValue(l, o))
                            + "\"")
                .toList())
        + "}}";
  }

  private static String optionValue(Live l, DemoOption o) {
    try {
      return Integer.toString(l.options.integer(o.name()));
    } catch (IllegalArgumentException e) {
      return o.defaultValue();
    }
  }

  private String scenariosJson() {
    StringBuilder out = new StringBuilder("{\"scenarios\":[");
    boolean first = true;
    for (Scenario s : scenarios.values()) {
      LiveDemo d = s.demo();
      out.append(first ? "" : ",")
          .append("{\"name\":\"")
          .append(Jsons.escape(d.name()))
          .append("\",\"title\":\"")
          .append(Jsons.escape(d.title()))
          .append("\",\"docUrl\":\"")
          .append(Jsons.escape(d.docUrl()))
          .append("\",\"options\":[");
      first = false;
      for (int i = 0; i < d.options().size(); i++) {
        DemoOption o = d.options().get(i);
        out.append(i == 0 ? "" : ",")
            .append("{\"name\":\"")
            .append(Jsons.escape(o.name()))
            .append("\",\"default\":\"")
            .append(Jsons.escape(o.defaultValue()))
            .append("\",\"help\":\"")
            .append(Jsons.escape(o.help()))
            .append("\"}");
      }
      out.append("]}");
    }
    Live l = live;
    out.append("],\"rule\":\"")
        .append(Jsons.escape(l.scenario.demo().rule(l.options)))
        .append("\",\"current\":\"")
        .append(Jsons.escape(l.scenario.demo().name()))
        .append("\",\"maxSpeed\":")
        .append((long) MAX_SPEED)
        .append('}');
    return out.toString();
  }

  private void stream(HttpExchange exchange) throws IOException {
    Client client = new Client();
    clients.add(client);
    wake();
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(": awssim classroom frames\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (!closed) {
        String frame = client.frames.take();
        out.write(("event: frame\ndata: " + frame + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      clients.remove(client);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : Splitter.on('&').split(raw)) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return params;
  }
}
