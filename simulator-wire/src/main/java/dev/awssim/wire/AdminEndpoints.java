package dev.awssim.wire;

import com.sun.net.httpserver.HttpExchange;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

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
 *   <li>{@code GET session}: the session log as JSON Lines;
 *   <li>{@code GET events}: a Server-Sent Events stream of trace events as they happen.
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
        case "metrics" -> metrics(server.simulator());
        case "metrics/statistics" -> statistics(server.simulator(), params);
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

  private static WireResponse metrics(AwsSimulator sim) {
    StringBuilder out = new StringBuilder("{\"metrics\":[");
    boolean firstKey = true;
    for (MetricKey key : sim.metrics().listMetrics()) {
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
      out.append("},\"total\":").append(sim.metrics().total(key)).append('}');
    }
    return WireResponse.json(200, out.append("]}").toString());
  }

  /** Per-period values of one metric, as CloudWatch's {@code GetMetricStatistics} answers. */
  private static WireResponse statistics(AwsSimulator sim, Map<String, String> params) {
    Dimensions dimensions = Dimensions.none();
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (p.getKey().startsWith("dimension.")) {
        dimensions = dimensions.with(p.getKey().substring("dimension.".length()), p.getValue());
      }
    }
    MetricKey key =
        new MetricKey(required(params, "namespace"), required(params, "metricName"), dimensions);
    Statistic statistic = statistic(required(params, "statistic"));
    List<Datapoint> points =
        sim.metrics()
            .getMetricStatistics(
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

  /**
   * Streams trace events as Server-Sent Events ({@code event: trace}, {@code data: <json>}) until
   * the client disconnects or the server stops.
   */
  void stream(WireRequest r, HttpExchange exchange, String requestId) throws IOException {
    BlockingQueue<TraceEvent> queue = new LinkedBlockingQueue<>();
    Cancellable subscription = server.simulator().trace().subscribe(queue::add);
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(": awssim trace events\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (true) {
        TraceEvent e = queue.take();
        out.write(("event: trace\ndata: " + e.toJson() + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      subscription.cancel();
    }
  }
}
