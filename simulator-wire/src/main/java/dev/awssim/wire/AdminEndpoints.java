package dev.awssim.wire;

import com.sun.net.httpserver.HttpExchange;
import dev.awssim.AwsSimulator;
import dev.awssim.SimulatedRegion;
import dev.awssim.SimulationEventType;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Metrics;
import dev.awssim.engine.metrics.Statistic;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.internal.SimulatorAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The admin endpoints under {@code /_awssim/}, answering JSON:
 *
 * <ul>
 *   <li>{@code GET clock}: the virtual time ({@code now}, {@code epochMillis}), the seed, the time
 *       mode and whether it is paused;
 *   <li>{@code POST advance?by=PT30S} or {@code ?seconds=30} or {@code ?to=2026-01-01T00:00:30Z}:
 *       moves virtual time, running due tasks; answers the clock;
 *   <li>{@code POST run-until-idle}: runs every pending task; answers the clock;
 *   <li>{@code POST step}: moves virtual time to the next scheduled task and runs the tasks due
 *       then (nothing, when none is scheduled); answers the clock;
 *   <li>{@code POST pause} and {@code POST resume}: stop and restart idle jumps or wall-clock
 *       pacing (see {@link TimeMode}); answer the clock;
 *   <li>{@code POST reset?seed=N}: a fresh simulation with seed N and a new session log;
 *   <li>{@code GET trace?since=N}: the trace events with sequence number N or later, as JSON Lines
 *       (each line with its {@code seq}); {@code GET trace/hash}: the trace hash;
 *   <li>{@code GET metrics}: each metric recorded so far with its total;
 *   <li>{@code GET metrics/statistics?namespace=AWS/SQS&metricName=NumberOfMessagesSent
 *       &dimension.QueueName=q&period=60&statistic=Sum&start=<instant>&end=<instant>}: one value
 *       per non-empty period, as CloudWatch's {@code GetMetricStatistics};
 *   <li>both metrics endpoints answer for the default Region, or for {@code ?region=eu-west-1}
 *       (CloudWatch metrics are regional); {@code GET regions} lists the Regions used so far;
 *   <li>{@code GET session}: the session log as JSON Lines;
 *   <li>{@code GET events}: a Server-Sent Events stream of trace events and metric points as they
 *       are recorded, resumable with {@code Last-Event-ID} (see {@link #stream}).
 * </ul>
 *
 * Bad parameters get 400 with {@code {"__type":"ValidationException","message":...}}.
 */
@SuppressForbidden(reason = "the JDK HTTP server is the server this module is built on")
final class AdminEndpoints {
  private final WireServer server;

  AdminEndpoints(WireServer server) {
    this.server = server;
  }

  boolean isStream(WireRequest r) {
    return r.path().equals(WireServer.ADMIN_PREFIX + "events");
  }

  WireResponse handle(WireRequest r) {
    String op = r.path().substring(WireServer.ADMIN_PREFIX.length());
    Map<String, String> params = QueryProtocol.parse(r.query() == null ? "" : r.query());
    try {
      return switch (op) {
        case "clock" -> clock(server.simulator());
        case "advance" ->
            clock(server.clockAction(SessionLog.ADVANCE, sim -> advance(sim, params)));
        case "run-until-idle" ->
            clock(
                server.clockAction(
                    SessionLog.RUN_UNTIL_IDLE,
                    sim -> {
                      sim.runUntilIdle();
                      return sim;
                    }));
        case "step" ->
            clock(
                server.clockAction(
                    SessionLog.ADVANCE,
                    sim -> {
                      long next = SimulatorAccess.scheduler(sim).nextDueNanos();
                      if (next >= 0) {
                        SimulatorAccess.scheduler(sim).advanceToNanos(next);
                      }
                      return sim;
                    }));
        case "pause" -> {
          server.pause();
          yield clock(server.simulator());
        }
        case "resume" -> {
          server.resume();
          yield clock(server.simulator());
        }
        case "reset" -> {
          server.reset(Long.parseLong(required(params, "seed")));
          yield clock(server.simulator());
        }
        case "trace" -> trace(params);
        case "trace/hash" ->
            WireResponse.json(200, "{\"hash\":\"" + server.simulator().trace().hash() + "\"}");
        case "metrics" -> metrics(metricsOf(server.simulator(), params));
        case "metrics/statistics" -> statistics(metricsOf(server.simulator(), params), params);
        case "regions" -> regions(server.simulator());
        case "session" -> session();
        default ->
            WireResponse.json(
                404,
                "{\"__type\":\"UnknownOperationException\",\"message\":\"No admin endpoint "
                    + Json.escape(op)
                    + "\"}");
      };
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      return WireResponse.json(
          400,
          "{\"__type\":\"ValidationException\",\"message\":\""
              + Json.escape(String.valueOf(e.getMessage()))
              + "\"}");
    }
  }

  private WireResponse clock(AwsSimulator sim) {
    Instant now = sim.now();
    return WireResponse.json(
        200,
        "{\"now\":\""
            + now
            + "\",\"epochMillis\":"
            + now.toEpochMilli()
            + ",\"seed\":"
            + server.seed()
            + ",\"timeMode\":\""
            + server.timeMode()
            + "\",\"paused\":"
            + server.isPaused()
            + "}");
  }

  private static AwsSimulator advance(AwsSimulator sim, Map<String, String> params) {
    if (params.containsKey("to")) {
      Instant to = Instant.parse(params.get("to"));
      if (to.isBefore(sim.now())) {
        throw new IllegalArgumentException("to " + to + " is before now " + sim.now());
      }
      sim.advanceTo(to);
    } else if (params.containsKey("by")) {
      Duration by = Duration.parse(params.get("by"));
      if (by.isNegative()) {
        throw new IllegalArgumentException("by must not be negative: " + by);
      }
      sim.advanceBy(by);
    } else {
      BigDecimal seconds = new BigDecimal(required(params, "seconds"));
      if (seconds.signum() < 0) {
        throw new IllegalArgumentException("seconds must not be negative: " + seconds);
      }
      sim.advanceBy(Duration.ofNanos(seconds.movePointRight(9).longValueExact()));
    }
    return sim;
  }

  private static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException("Missing parameter " + name);
    }
    return v;
  }

  private WireResponse trace(Map<String, String> params) {
    long since = params.containsKey("since") ? Long.parseLong(params.get("since")) : 0;
    AwsSimulator sim = server.simulator();
    List<TraceEvent> events;
    long first;
    synchronized (SimulatorAccess.context(sim).lock()) {
      events = sim.trace().events();
      first = sim.trace().recordedCount() - events.size();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      long seq = first + i;
      if (seq >= since) {
        out.append("{\"seq\":").append(seq).append(',').append(events.get(i).toJson().substring(1));
        out.append('\n');
      }
    }
    return WireResponse.of(
        200, "application/x-ndjson", out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The metrics of the Region {@code region} names, or the default Region's; null for a Region no
   * request has used (it has no metrics, and a query does not create it).
   */
  private static Metrics metricsOf(AwsSimulator sim, Map<String, String> params) {
    String region = params.get("region");
    if (region == null) {
      return sim.metrics();
    }
    if (!CredentialScope.isRegionCode(region)) {
      throw new IllegalArgumentException(
          "region must be a Region code such as eu-west-1: " + region);
    }
    for (SimulatedRegion r : sim.regions()) {
      if (r.name().equals(region)) {
        return r.metrics();
      }
    }
    return null;
  }

  private static WireResponse regions(AwsSimulator sim) {
    StringBuilder out =
        new StringBuilder("{\"default\":\"")
            .append(sim.account().region())
            .append("\",\"regions\":[");
    List<SimulatedRegion> regions = sim.regions();
    for (int i = 0; i < regions.size(); i++) {
      out.append(i == 0 ? "\"" : ",\"").append(regions.get(i).name()).append('"');
    }
    return WireResponse.json(200, out.append("]}").toString());
  }

  private static WireResponse metrics(Metrics metrics) {
    StringBuilder out = new StringBuilder("{\"metrics\":[");
    if (metrics == null) {
      return WireResponse.json(200, out.append("]}").toString());
    }
    boolean firstKey = true;
    for (MetricKey key : metrics.listMetrics()) {
      if (!firstKey) {
        out.append(',');
      }
      firstKey = false;
      out.append("{\"namespace\":\"")
          .append(Json.escape(key.namespace()))
          .append("\",\"metricName\":\"")
          .append(Json.escape(key.metricName()))
          .append("\",\"dimensions\":{");
      boolean firstDim = true;
      for (Map.Entry<String, String> d : key.dimensions().asMap().entrySet()) {
        if (!firstDim) {
          out.append(',');
        }
        firstDim = false;
        out.append('"')
            .append(Json.escape(d.getKey()))
            .append("\":\"")
            .append(Json.escape(d.getValue()))
            .append('"');
      }
      out.append("},\"total\":").append(metrics.total(key)).append('}');
    }
    return WireResponse.json(200, out.append("]}").toString());
  }

  /** Per-period values of one metric, as CloudWatch's {@code GetMetricStatistics} answers. */
  private static WireResponse statistics(Metrics metrics, Map<String, String> params) {
    Dimensions dimensions = Dimensions.none();
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (p.getKey().startsWith("dimension.")) {
        dimensions = dimensions.with(p.getKey().substring("dimension.".length()), p.getValue());
      }
    }
    MetricKey key =
        new MetricKey(required(params, "namespace"), required(params, "metricName"), dimensions);
    Statistic statistic = statistic(required(params, "statistic"));
    if (metrics == null) {
      return WireResponse.json(200, "{\"datapoints\":[]}");
    }
    List<Datapoint> points =
        metrics.getMetricStatistics(
            key,
            Instant.parse(required(params, "start")),
            Instant.parse(required(params, "end")),
            Duration.ofSeconds(Long.parseLong(required(params, "period"))));
    StringBuilder out = new StringBuilder("{\"datapoints\":[");
    for (int i = 0; i < points.size(); i++) {
      out.append(i == 0 ? "" : ",")
          .append("{\"timestamp\":\"")
          .append(points.get(i).timestamp())
          .append("\",\"value\":")
          .append(points.get(i).get(statistic))
          .append('}');
    }
    return WireResponse.json(200, out.append("]}").toString());
  }

  /** CloudWatch's statistic names: Sum, Average, Minimum, Maximum, SampleCount. */
  private static Statistic statistic(String name) {
    return switch (name) {
      case "Sum" -> Statistic.SUM;
      case "Average" -> Statistic.AVERAGE;
      case "Minimum" -> Statistic.MINIMUM;
      case "Maximum" -> Statistic.MAXIMUM;
      case "SampleCount" -> Statistic.SAMPLE_COUNT;
      default -> throw new IllegalArgumentException("Unknown statistic " + name);
    };
  }

  private WireResponse session() {
    StringBuilder out = new StringBuilder();
    for (SessionLog.Entry e : server.sessionLog().entries()) {
      out.append(e.toJson()).append('\n');
    }
    return WireResponse.of(
        200, "application/x-ndjson", out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** How many trace events and metric points the events stream keeps for clients that resume. */
  static final int JOURNAL_CAPACITY = 100_000;

  private final Object journals = new Object();
  private Journal journal;
  private long generation;

  /**
   * Whether a client has opened the events stream: until then nothing is journaled, so that a
   * server nobody watches pays nothing per recorded value; from then on each simulation is
   * journaled from its start.
   */
  private boolean watched;

  /**
   * Starts keeping the trace events and metric points of {@code sim}, the server's simulation from
   * now on, for the events stream; streams open on the previous simulation move to this one.
   */
  void attach(AwsSimulator sim) {
    Journal previous;
    synchronized (journals) {
      previous = journal;
      journal = new Journal(++generation, sim);
      if (watched) {
        journal.start();
      }
    }
    if (previous != null) {
      previous.close();
    }
  }

  /** The current simulation's journal, started. */
  private Journal journal() {
    synchronized (journals) {
      watched = true;
      journal.start();
      return journal;
    }
  }

  /**
   * One entry of the events stream: a trace event, or a metric point ({@code region} null for the
   * default Region's).
   */
  private record Entry(
      long seq, TraceEvent event, MetricKey key, Instant at, double value, String region) {}

  /**
   * The trace events and metric points of one simulation, in the order recorded (virtual-time
   * order: both are recorded at the clock's current instant), each with its sequence number; the
   * last {@value #JOURNAL_CAPACITY} are kept.
   */
  @SuppressForbidden(
      reason = "a stream's HTTP thread waits for the simulation's next event; it never moves time")
  private static final class Journal {
    final long generation;
    private final java.util.ArrayDeque<Entry> entries = new java.util.ArrayDeque<>();
    private final AwsSimulator sim;
    private Cancellable trace;
    private Cancellable metrics;

    /** The metric subscriptions of the Regions other than the default, by Region. */
    private final Map<String, Cancellable> regionMetrics = new java.util.LinkedHashMap<>();

    private long next;
    private boolean closed;

    Journal(long generation, AwsSimulator sim) {
      this.generation = generation;
      this.sim = sim;
    }

    /**
     * Starts listening to the simulation, once: its trace (every Region's), the default Region's
     * metrics, and the metrics of each other Region, from now and from each Region's {@link
     * SimulationEventType#REGION_CREATED} on.
     */
    void start() {
      synchronized (this) {
        if (trace != null || closed) {
          return;
        }
        // The listeners run under the simulation's lock, in recording order.
        trace =
            sim.trace()
                .subscribe(
                    e -> {
                      if (e.type() == SimulationEventType.REGION_CREATED) {
                        follow(sim.region(e.resource()));
                      }
                      add(e, null, null, 0, null);
                    });
        metrics = sim.metrics().subscribe((key, at, value) -> add(null, key, at, value, null));
      }
      // Outside this journal's lock: the simulation's lock is taken first everywhere else.
      for (SimulatedRegion r : sim.regions()) {
        if (!r.name().equals(sim.account().region())) {
          follow(r);
        }
      }
    }

    /** Listens to the metric points of {@code region} (another Region than the default), once. */
    private synchronized void follow(SimulatedRegion region) {
      if (!closed && !regionMetrics.containsKey(region.name())) {
        regionMetrics.put(
            region.name(),
            region
                .metrics()
                .subscribe((key, at, value) -> add(null, key, at, value, region.name())));
      }
    }

    private synchronized void add(
        TraceEvent event, MetricKey key, Instant at, double value, String region) {
      if (entries.size() == JOURNAL_CAPACITY) {
        entries.removeFirst();
      }
      entries.addLast(new Entry(next++, event, key, at, value, region));
      notifyAll();
    }

    synchronized void close() {
      closed = true;
      if (trace != null) {
        trace.cancel();
        metrics.cancel();
      }
      regionMetrics.values().forEach(Cancellable::cancel);
      notifyAll();
    }

    /** The sequence number the next entry will have. */
    synchronized long next() {
      return next;
    }

    /**
     * The entries from sequence number {@code from} on that are still kept, waiting until there is
     * one; empty when the journal is closed (the simulation was replaced).
     */
    synchronized List<Entry> await(long from) throws InterruptedException {
      while (!closed && next <= from) {
        wait();
      }
      List<Entry> out = new java.util.ArrayList<>();
      for (Entry e : entries) {
        if (e.seq() >= from) {
          out.add(e);
        }
      }
      return out;
    }
  }

  /**
   * Streams the simulation's trace events ({@code event: trace}, data the event's JSON) and metric
   * points ({@code event: metric}, data {@code namespace}, {@code metricName}, {@code dimensions},
   * {@code timestamp}, {@code value}: each value a model or PutMetricData records, a statistic set
   * as the values it is recorded as; first {@code region} for a Region other than the default) of
   * every Region as Server-Sent Events, in the order recorded, until the client disconnects or the
   * server stops. Each event's {@code id} is {@code GENERATION:SEQ}; a client that sends it back as
   * {@code Last-Event-ID} (or {@code ?lastEventId=}, for a page that opens a new stream) gets the
   * events after it that are still kept, and one from an earlier simulation (before a reset) or
   * {@code 0} gets every event kept. Without one, the stream starts now. When the server's
   * simulation is reset, the stream goes on with the new simulation's events. Events are kept from
   * the first time any client opens the stream, and from then on from the start of each new
   * simulation.
   */
  void stream(WireRequest r, HttpExchange exchange, String requestId) throws IOException {
    Journal j = journal();
    long from = resumeFrom(j, r);
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(": awssim trace events and metric points\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (true) {
        List<Entry> entries = j.await(from);
        if (entries.isEmpty()) {
          // The simulation was replaced: go on with the new one's events from its start.
          j = journal();
          from = 0;
          continue;
        }
        StringBuilder frames = new StringBuilder();
        if (entries.get(0).seq() > from) {
          frames
              .append(": ")
              .append(entries.get(0).seq() - from)
              .append(" events no longer kept\n\n");
        }
        for (Entry e : entries) {
          frames.append(sse(j.generation, e));
        }
        out.write(frames.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        from = entries.get(entries.size() - 1).seq() + 1;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Where a stream starts: after the client's last event id, or now. */
  private static long resumeFrom(Journal j, WireRequest r) {
    String last = r.headers().get("last-event-id");
    if (last == null) {
      Map<String, String> params = QueryProtocol.parse(r.query() == null ? "" : r.query());
      last = params.get("lastEventId");
    }
    if (last == null || last.isBlank()) {
      return j.next();
    }
    int colon = last.indexOf(':');
    try {
      if (colon > 0 && Long.parseLong(last.substring(0, colon).trim()) == j.generation) {
        return Long.parseLong(last.substring(colon + 1).trim()) + 1;
      }
    } catch (NumberFormatException e) {
      // not an id this server gave: every event kept
    }
    return 0;
  }

  private static String sse(long generation, Entry e) {
    StringBuilder out = new StringBuilder(256);
    out.append("id: ").append(generation).append(':').append(e.seq()).append('\n');
    if (e.event() != null) {
      return out.append("event: trace\ndata: ")
          .append(e.event().toJson())
          .append("\n\n")
          .toString();
    }
    out.append("event: metric\ndata: {");
    if (e.region() != null) {
      out.append("\"region\":\"").append(e.region()).append("\",");
    }
    out.append("\"namespace\":\"")
        .append(Json.escape(e.key().namespace()))
        .append("\",\"metricName\":\"")
        .append(Json.escape(e.key().metricName()))
        .append("\",\"dimensions\":{");
    boolean first = true;
    for (Map.Entry<String, String> d : e.key().dimensions().asMap().entrySet()) {
      out.append(first ? "\"" : ",\"")
          .append(Json.escape(d.getKey()))
          .append("\":\"")
          .append(Json.escape(d.getValue()))
          .append('"');
      first = false;
    }
    return out.append("},\"timestamp\":\"")
        .append(e.at())
        .append("\",\"value\":")
        .append(number(e.value()))
        .append("}\n\n")
        .toString();
  }

  /** A metric value in JSON: whole numbers without a fraction. */
  private static String number(double v) {
    if (!Double.isFinite(v)) {
      return "null";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
