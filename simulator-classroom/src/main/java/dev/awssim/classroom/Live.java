package dev.awssim.classroom;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.examples.DemoOptions;
import dev.awssim.examples.DemoResult;
import dev.awssim.examples.LiveDemo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a scenario as the page sees it: the demo's run on its simulation, and what the page
 * has been sent of it. Recorded metric values are summed per second of virtual time as they are
 * recorded ({@link dev.awssim.engine.metrics.Metrics#subscribe}); a second is sent once virtual
 * time has passed its end, so each point is final. Gauges are read at each update, and also as
 * trace events happen (the first and last reading in each {@link #GAUGE_SAMPLES}th of the run): a
 * bucket a burst empties at one instant drops at that instant on the chart, not along a line to the
 * next update.
 */
final class Live {
  /** The points of one line of a chart. */
  private static final class Line {
    final Scenario.Slot slot;
    final TreeMap<Long, Double> perSecond = new TreeMap<>();
    final List<double[]> sent = new ArrayList<>();

    /** Points put by trace events, not sent yet. */
    final List<double[]> events = new ArrayList<>();

    /** Gauge values read at trace events, not sent yet (in time order). */
    final List<double[]> sampled = new ArrayList<>();

    /** Whether trace events put this line's points (not a metric, not a gauge). */
    boolean fromEvents;

    long nextSecond;

    Line(Scenario.Slot slot, long fromSecond) {
      this.slot = slot;
      this.nextSecond = fromSecond;
    }
  }

  /** At most this many gauge readings at trace events in a run, evenly spread over its duration. */
  static final int GAUGE_SAMPLES = 600;

  final long id;
  final Scenario scenario;
  final DemoOptions options;
  final AwsSimulator sim;
  final LiveDemo.Run run;
  private final Object lock = new Object();
  private final Map<Scenario.Slot, Line> lines = new LinkedHashMap<>();
  private final Cancellable metrics;
  private final Cancellable trace;
  private TraceEvent lastThrottle;
  private TraceEvent unexplained;
  private String lastWhy;
  private long throttles;
  private double firstThrottleSeconds = -1;
  private double lastGaugeSeconds = -1;
  private double gaugeWindowSeconds = Double.NEGATIVE_INFINITY;
  private boolean gaugeWindowHasLast;
  private DemoResult finished;

  Live(long id, Scenario scenario, DemoOptions options, AwsSimulator sim) {
    this.id = id;
    this.scenario = scenario;
    this.options = options;
    this.sim = sim;
    this.run = scenario.demo().start(sim, options);
    String resource = run.resource();
    this.metrics = sim.metrics().subscribe((key, at, value) -> recorded(key, at, value, resource));
    this.trace = sim.trace().subscribe(this::traced);
  }

  private void recorded(MetricKey key, Instant at, double value, String resource) {
    Scenario.Slot slot = scenario.slot(key, resource);
    if (slot == null) {
      return;
    }
    long second = Duration.between(sim.clock().start(), at).toSeconds();
    synchronized (lock) {
      // Lines start at 0 s: a second with nothing recorded is a 0 on the chart, as in the report.
      Line line = lines.computeIfAbsent(slot, s -> new Line(s, 0));
      line.perSecond.merge(second, value, Double::sum);
    }
  }

  private void traced(TraceEvent event) {
    sampleGauges(event.elapsedNanos() / 1e9);
    List<Scenario.Point> points = scenario.points(event, run.resource());
    if (!points.isEmpty()) {
      synchronized (lock) {
        for (Scenario.Point point : points) {
          Line line = lines.computeIfAbsent(point.slot(), s -> new Line(s, 0));
          line.fromEvents = true;
          line.events.add(new double[] {event.elapsedNanos() / 1e9, point.value()});
        }
      }
    }
    if (scenario.explainsLater()) {
      if (scenario.explains(event)) {
        synchronized (lock) {
          unexplained = event;
          count(event);
        }
      }
      return;
    }
    // Explained now, with the limits as they are at the event, not as they are when drawn.
    String why = scenario.why(event, sim, run.resource());
    if (why == null) {
      return;
    }
    synchronized (lock) {
      lastThrottle = event;
      lastWhy = why;
      count(event);
    }
  }

  /**
   * Reads the gauges at virtual second {@code at}, the instant of a trace event. Of the readings in
   * one {@link #GAUGE_SAMPLES}th of the run, the first and the last are kept: a bucket a burst
   * empties within one instant shows both its level before and after.
   */
  private void sampleGauges(double at) {
    Map<Scenario.Slot, Double> gauges = scenario.gauges(sim, run.resource());
    if (gauges.isEmpty()) {
      return;
    }
    boolean newWindow = at >= gaugeWindowSeconds + endSeconds() / GAUGE_SAMPLES;
    synchronized (lock) {
      for (Map.Entry<Scenario.Slot, Double> g : gauges.entrySet()) {
        List<double[]> sampled = lines.computeIfAbsent(g.getKey(), s -> new Line(s, 0)).sampled;
        double[] point = {at, g.getValue()};
        if (!newWindow && gaugeWindowHasLast && !sampled.isEmpty()) {
          sampled.set(sampled.size() - 1, point);
        } else {
          sampled.add(point);
        }
      }
      gaugeWindowHasLast = !newWindow;
      if (newWindow) {
        gaugeWindowSeconds = at;
      }
    }
  }

  /** Counts {@code event} if it is a throttle (or what the scenario counts); holding the lock. */
  private void count(TraceEvent event) {
    if (scenario.counts(event)) {
      throttles++;
      if (firstThrottleSeconds < 0) {
        firstThrottleSeconds = event.elapsedNanos() / 1e9;
      }
    }
  }

  /** Stops listening to the simulation (a new run replaces this one). */
  void close() {
    metrics.cancel();
    trace.cancel();
  }

  /** The run's end, in virtual seconds. */
  double endSeconds() {
    return run.duration().toNanos() / 1e9;
  }

  /**
   * The demo's result of what ran so far, as the launcher's {@code --report} renders it; the demo's
   * actors stop, so the first call ends the run and later calls answer the same result.
   */
  DemoResult finish() {
    synchronized (lock) {
      if (finished == null) {
        finished = run.finish();
      }
      return finished;
    }
  }

  /**
   * The page's update at virtual second {@code t}: the chart frames and limits, the points of the
   * seconds completed since the last update (or every point so far when {@code full}), and the
   * latest throttle's explanation.
   */
  String frame(double t, boolean full, boolean playing, double speed) {
    String resource = run.resource();
    List<Scenario.ChartView> charts = scenario.charts(sim, resource);
    Map<Scenario.Slot, Double> gauges = scenario.gauges(sim, resource);
    TraceEvent toExplain;
    synchronized (lock) {
      toExplain = unexplained;
      unexplained = null;
    }
    if (toExplain != null) {
      String explained = scenario.why(toExplain, sim, resource);
      synchronized (lock) {
        if (unexplained == null) {
          lastThrottle = toExplain;
          lastWhy = explained;
        }
      }
    }
    StringBuilder points = new StringBuilder();
    TraceEvent throttle;
    String why;
    long throttleCount;
    double first;
    synchronized (lock) {
      for (Scenario.Slot slot : gauges.keySet()) {
        lines.computeIfAbsent(slot, s -> new Line(s, 0));
      }
      boolean gaugeDue = t > lastGaugeSeconds;
      lastGaugeSeconds = Math.max(lastGaugeSeconds, t);
      long completed = (long) Math.floor(t);
      for (Line line : lines.values()) {
        int before = line.sent.size();
        Double gauge = gauges.get(line.slot);
        if (line.fromEvents) {
          line.sent.addAll(line.events);
          line.events.clear();
        } else if (gauge != null) {
          // Read at trace events since the last update, then now: as time passes, and when an
          // action changed it while time stood still.
          int taken = 0;
          for (double[] p : line.sampled) {
            if (p[0] > t) {
              break;
            }
            taken++;
            if (line.sent.isEmpty() || line.sent.get(line.sent.size() - 1)[0] <= p[0]) {
              line.sent.add(p);
            }
          }
          line.sampled.subList(0, taken).clear();
          boolean changed = !line.sent.isEmpty() && line.sent.get(line.sent.size() - 1)[1] != gauge;
          if (gaugeDue || changed) {
            line.sent.add(new double[] {t, gauge});
          }
        } else {
          for (long s = line.nextSecond; s < completed; s++) {
            line.sent.add(new double[] {s, line.perSecond.getOrDefault(s, 0.0)});
            line.perSecond.remove(s);
          }
          line.nextSecond = Math.max(line.nextSecond, completed);
        }
        List<double[]> fresh = full ? line.sent : line.sent.subList(before, line.sent.size());
        if (fresh.isEmpty()) {
          continue;
        }
        points.append(points.length() == 0 ? "" : ",");
        points
            .append("{\"chart\":")
            .append(line.slot.chart())
            .append(",\"series\":\"")
            .append(Jsons.escape(line.slot.series()))
            .append("\",\"style\":\"")
            .append(line.slot.style())
            .append("\",\"pts\":[");
        for (int i = 0; i < fresh.size(); i++) {
          double[] p = fresh.get(i);
          points.append(i == 0 ? "[" : ",[").append(Jsons.number(p[0])).append(',');
          points.append(Jsons.number(p[1])).append(']');
        }
        points.append("]}");
      }
      throttle = lastThrottle;
      why = lastWhy;
      throttleCount = throttles;
      first = firstThrottleSeconds;
    }
    StringBuilder out = new StringBuilder(256 + points.length());
    out.append("{\"run\":")
        .append(id)
        .append(",\"scenario\":\"")
        .append(Jsons.escape(scenario.demo().name()))
        .append("\",\"resource\":\"")
        .append(Jsons.escape(run.resource()))
        .append("\",\"full\":")
        .append(full)
        .append(",\"t\":")
        .append(Jsons.number(t))
        .append(",\"end\":")
        .append(Jsons.number(endSeconds()))
        .append(",\"playing\":")
        .append(playing)
        .append(",\"speed\":")
        .append(Jsons.number(speed))
        .append(",\"panel\":\"")
        .append(Jsons.escape(scenario.panelTitle()))
        .append("\",\"noun\":\"")
        .append(Jsons.escape(scenario.noun()))
        .append("\",\"countLabel\":\"")
        .append(Jsons.escape(scenario.countLabel()))
        .append("\",\"charts\":[");
    for (int i = 0; i < charts.size(); i++) {
      Scenario.ChartView c = charts.get(i);
      out.append(i == 0 ? "" : ",")
          .append("{\"title\":\"")
          .append(Jsons.escape(c.title()))
          .append("\",\"yLabel\":\"")
          .append(Jsons.escape(c.yLabel()))
          .append("\",\"limits\":[");
      for (int j = 0; j < c.limits().size(); j++) {
        DemoResult.Limit l = c.limits().get(j);
        out.append(j == 0 ? "" : ",")
            .append("{\"label\":\"")
            .append(Jsons.escape(l.label()))
            .append("\",\"value\":")
            .append(Jsons.number(l.value()))
            .append('}');
      }
      out.append("]}");
    }
    out.append("],\"points\":[").append(points).append("],\"throttles\":").append(throttleCount);
    out.append(",\"firstThrottle\":").append(first < 0 ? "null" : Jsons.number(first));
    out.append(",\"why\":").append(why == null ? "null" : '"' + Jsons.escape(why) + '"');
    out.append(",\"progress\":[");
    List<List<String>> progress = run.progress();
    for (int i = 0; i < progress.size(); i++) {
      out.append(i == 0 ? "[" : ",[");
      List<String> row = progress.get(i);
      for (int j = 0; j < row.size(); j++) {
        out.append(j == 0 ? "\"" : ",\"").append(Jsons.escape(row.get(j))).append('"');
      }
      out.append(']');
    }
    out.append(']');
    out.append(",\"whyAt\":")
        .append(
            throttle == null
                ? "null"
                : '"' + String.format(Locale.ROOT, "%.3f", throttle.elapsedNanos() / 1e9) + '"');
    return out.append('}').toString();
  }
}
