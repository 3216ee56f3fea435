package dev.awssim.cloudwatch;

import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.engine.metrics.Metrics;
import dev.awssim.engine.metrics.Statistic;
import dev.awssim.internal.SimulationContext;
import dev.awssim.internal.metrics.MetricRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;

/**
 * PutMetricData, GetMetricStatistics, ListMetrics and GetMetricData over the simulation's {@link
 * Metrics} (and the raw values kept for percentiles). The caller holds the simulation's lock.
 */
final class MetricQueries {
  private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

  private final SimulationContext context;
  private final MetricRecorder metrics;
  final RawValues raw;

  MetricQueries(SimulationContext context) {
    this.context = context;
    this.metrics = context.metrics();
    this.raw = new RawValues(metrics, context.clock());
  }

  // ---- PutMetricData -------------------------------------------------------------------------

  /** Validates the whole request first, so that a rejected request records nothing. */
  void putMetricData(String namespace, List<MetricDatum> data) {
    if (namespace == null || namespace.isEmpty()) {
      throw CloudWatchException.missing("Namespace");
    }
    if (namespace.startsWith(CloudWatchLimits.RESERVED_NAMESPACE_PREFIX)) {
      throw CloudWatchException.invalid(
          "The value " + namespace + " for parameter Namespace is invalid.");
    }
    if (data == null || data.isEmpty()) {
      throw CloudWatchException.missing("MetricData");
    }
    if (data.size() > CloudWatchLimits.MAX_METRICS_PER_PUT) {
      throw CloudWatchException.invalid(
          "The collection MetricData must not have a size greater than "
              + CloudWatchLimits.MAX_METRICS_PER_PUT
              + ".");
    }
    Instant now = context.clock().now();
    List<Dimensions> dims = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      dims.add(validate(data.get(i), "MetricData.member." + (i + 1), now));
    }
    long bytes = requestBytes(namespace, data);
    if (bytes > CloudWatchLimits.MAX_PUT_REQUEST_BYTES) {
      throw new CloudWatchException(
          "RequestEntityTooLarge",
          413,
          "Request size "
              + bytes
              + " exceeded "
              + CloudWatchLimits.MAX_PUT_REQUEST_BYTES
              + " bytes");
    }
    for (int i = 0; i < data.size(); i++) {
      MetricDatum d = data.get(i);
      MetricKey key = new MetricKey(namespace, d.metricName(), dims.get(i));
      raw.track(key);
      record(key, d, d.timestamp() == null ? now : d.timestamp());
    }
  }

  /**
   * The request's size as the query protocol's form encoding would send it ({@code
   * MetricData.member.N.Name=value&...}): AWS's 1 MB limit is on the HTTP POST body.
   */
  static long requestBytes(String namespace, List<MetricDatum> data) {
    long bytes = "Action=PutMetricData&Version=2010-08-01&Namespace=".length() + utf8(namespace);
    for (int i = 0; i < data.size(); i++) {
      MetricDatum d = data.get(i);
      String p = "&MetricData.member." + (i + 1) + ".";
      bytes += p.length() + "MetricName=".length() + utf8(d.metricName());
      for (int j = 0; j < d.dimensions().size(); j++) {
        Dimension dim = d.dimensions().get(j);
        String dp = p + "Dimensions.member." + (j + 1) + ".";
        bytes += 2L * dp.length() + "Name=Value=".length() + utf8(dim.name()) + utf8(dim.value());
      }
      if (d.value() != null) {
        bytes += p.length() + "Value=".length() + Double.toString(d.value()).length();
      }
      for (int j = 0; j < d.values().size(); j++) {
        bytes += p.length() + ("Values.member." + (j + 1) + "=").length();
        bytes += String.valueOf(d.values().get(j)).length();
      }
      for (int j = 0; j < d.counts().size(); j++) {
        bytes += p.length() + ("Counts.member." + (j + 1) + "=").length();
        bytes += String.valueOf(d.counts().get(j)).length();
      }
      if (d.statisticValues() != null) {
        bytes += 4L * (p.length() + "StatisticValues.SampleCount=".length() + 24);
      }
      if (d.unit() != null) {
        bytes += p.length() + "Unit=".length() + utf8(d.unit());
      }
    }
    return bytes;
  }

  private static long utf8(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static Dimensions validate(MetricDatum d, String at, Instant now) {
    if (d == null) {
      throw CloudWatchException.missing(at);
    }
    if (d.metricName() == null || d.metricName().isEmpty()) {
      throw CloudWatchException.missing(at + ".MetricName");
    }
    if (d.timestamp() != null && !acceptedTimestamp(d.timestamp(), now)) {
      // AWS's wording, observed for timestamps too old and too far ahead alike [OBS].
      throw CloudWatchException.invalid(
          "The parameter " + at + ".Timestamp must specify a time within the past two weeks.");
    }
    Dimensions dims = dimensions(d.dimensions(), at + ".Dimensions");
    int forms = (d.value() != null ? 1 : 0) + (d.statisticValues() != null ? 1 : 0);
    forms += d.values().isEmpty() ? 0 : 1;
    if (forms > 1) {
      throw CloudWatchException.combination(
          "The parameters " + at + ".Value, StatisticValues and Values are mutually exclusive.");
    }
    Integer resolution = d.storageResolution();
    if (resolution != null
        && resolution != CloudWatchLimits.HIGH_STORAGE_RESOLUTION
        && resolution != CloudWatchLimits.STANDARD_STORAGE_RESOLUTION) {
      throw CloudWatchException.invalid(
          "The value "
              + resolution
              + " for parameter "
              + at
              + ".StorageResolution is invalid: it must be 1 or 60.");
    }
    if (d.value() != null) {
      checkValue(d.value(), at + ".Value");
    }
    if (d.statisticValues() != null) {
      StatisticSet s = d.statisticValues();
      if (s.sampleCount() == null
          || s.sum() == null
          || s.minimum() == null
          || s.maximum() == null) {
        throw CloudWatchException.missing(at + ".StatisticValues");
      }
      checkValue(s.sampleCount(), at + ".StatisticValues.SampleCount");
      checkValue(s.sum(), at + ".StatisticValues.Sum");
      checkValue(s.minimum(), at + ".StatisticValues.Minimum");
      checkValue(s.maximum(), at + ".StatisticValues.Maximum");
      if (!(s.sampleCount() >= 1) || s.minimum() > s.maximum()) {
        throw CloudWatchException.invalid(
            "The parameter " + at + ".StatisticValues is not a valid statistic set.");
      }
    }
    if (d.values().size() > CloudWatchLimits.MAX_VALUES_PER_DATUM) {
      throw CloudWatchException.invalid(
          "The collection "
              + at
              + ".Values must not have a size greater than "
              + CloudWatchLimits.MAX_VALUES_PER_DATUM
              + ".");
    }
    if (!d.counts().isEmpty() && d.counts().size() != d.values().size()) {
      throw CloudWatchException.invalid(
          "The parameters " + at + ".Values and " + at + ".Counts must be of the same size.");
    }
    for (Double v : d.values()) {
      checkValue(v, at + ".Values");
    }
    for (Double c : d.counts()) {
      if (c == null || !Double.isFinite(c) || c < 0) {
        throw CloudWatchException.invalid(
            "The value " + c + " for parameter " + at + ".Counts is invalid.");
      }
    }
    return dims;
  }

  /**
   * Whether PutMetricData takes a datum stamped {@code timestamp} at {@code now}: from two weeks
   * before now to two hours after it (API_PutMetricData.html). As every span in the simulator, the
   * two weeks are half open [SIM]: a datum exactly two weeks old is refused, and one exactly two
   * hours ahead is taken.
   */
  static boolean acceptedTimestamp(Instant timestamp, Instant now) {
    return timestamp.isAfter(now.minus(CloudWatchLimits.MAX_TIMESTAMP_AGE))
        && !timestamp.isAfter(now.plus(CloudWatchLimits.MAX_TIMESTAMP_LEAD));
  }

  /**
   * The dimensions of a request, or AWS's error: at most 30, names and values 1 to 255 characters,
   * no name twice.
   */
  static Dimensions dimensions(List<Dimension> list, String at) {
    if (list.size() > CloudWatchLimits.MAX_DIMENSIONS) {
      throw CloudWatchException.invalid(
          "The collection "
              + at
              + " must not have a size greater than "
              + CloudWatchLimits.MAX_DIMENSIONS
              + ".");
    }
    Dimensions dims = Dimensions.none();
    Set<String> names = new HashSet<>();
    for (Dimension d : list) {
      if (d == null || d.name() == null || d.value() == null) {
        throw CloudWatchException.missing(at + " Name and Value");
      }
      if (d.name().isEmpty()
          || d.value().isEmpty()
          || d.name().length() > CloudWatchLimits.MAX_DIMENSION_LENGTH
          || d.value().length() > CloudWatchLimits.MAX_DIMENSION_LENGTH) {
        throw CloudWatchException.invalid(
            "The dimension "
                + d.name()
                + " in "
                + at
                + " must have a name and a value of 1 to 255 characters.");
      }
      if (!names.add(d.name())) {
        throw CloudWatchException.invalid(
            "The dimension " + d.name() + " is given twice in " + at + ".");
      }
      dims = dims.with(d.name(), d.value());
    }
    return dims;
  }

  private static void checkValue(Double v, String at) {
    if (v == null || !Double.isFinite(v) || Math.abs(v) > CloudWatchLimits.MAX_ABS_VALUE) {
      throw CloudWatchException.invalid("The value " + v + " for parameter " + at + " is invalid.");
    }
  }

  /** Records {@code d} in the period of {@code at}, its own timestamp or the current instant. */
  private void record(MetricKey key, MetricDatum d, Instant at) {
    var series = metrics.series(key);
    DoubleConsumer put = v -> series.recordAtHoldingLock(at, v);
    if (d.value() != null) {
      put.accept(d.value());
    } else if (d.statisticValues() != null) {
      StatisticSet s = d.statisticValues();
      long n = (long) Math.floor(s.sampleCount());
      // AWS keeps percentiles of a statistic set only when SampleCount is 1 or Min equals Max
      // (API_GetMetricStatistics.html).
      if (n <= 1 || s.minimum().equals(s.maximum())) {
        raw.add(key, at, n <= 1 ? s.sum() : s.minimum(), Math.max(1, n));
      } else {
        raw.markUnavailable(key, at);
      }
      raw.muted(
          () -> {
            if (n <= 1) {
              put.accept(s.sum());
              return;
            }
            // Recorded as n values with the set's Minimum, Maximum and Sum.
            put.accept(s.minimum());
            put.accept(s.maximum());
            double rest = (s.sum() - s.minimum() - s.maximum()) / (n - 2);
            for (long i = 2; i < n; i++) {
              put.accept(rest);
            }
          });
    } else {
      for (int i = 0; i < d.values().size(); i++) {
        long count = d.counts().isEmpty() ? 1 : Math.round(d.counts().get(i));
        for (long c = 0; c < count; c++) {
          put.accept(d.values().get(i));
        }
      }
    }
  }

  // ---- GetMetricStatistics -------------------------------------------------------------------

  static boolean validPeriod(int p) {
    return p == 1 || p == 5 || p == 10 || p == 20 || p == 30 || (p > 0 && p % 60 == 0);
  }

  static void checkPeriod(int p, String parameter) {
    if (!validPeriod(p)) {
      throw CloudWatchException.invalid(
          "The parameter "
              + parameter
              + " must be 1, 5, 10, 20, 30, 60 or a multiple of 60 (got "
              + p
              + ").");
    }
  }

  private static void checkRange(Instant start, Instant end) {
    if (start == null) {
      throw CloudWatchException.missing("StartTime");
    }
    if (end == null) {
      throw CloudWatchException.missing("EndTime");
    }
    if (!start.isBefore(end)) {
      throw CloudWatchException.invalid(
          "The parameter StartTime must be less than the parameter EndTime.");
    }
  }

  List<StatisticsDatapoint> getMetricStatistics(GetMetricStatisticsRequest r) {
    if (r.namespace() == null || r.namespace().isEmpty()) {
      throw CloudWatchException.missing("Namespace");
    }
    if (r.metricName() == null || r.metricName().isEmpty()) {
      throw CloudWatchException.missing("MetricName");
    }
    checkRange(r.startTime(), r.endTime());
    checkPeriod(r.period(), "Period");
    if (r.statistics().isEmpty() == r.extendedStatistics().isEmpty()) {
      throw CloudWatchException.combination(
          "Must specify either Statistics or ExtendedStatistics, but not both.");
    }
    if (r.statistics().size() > CloudWatchLimits.MAX_STATISTICS) {
      throw CloudWatchException.invalid(
          "The collection Statistics must not have a size greater than 5.");
    }
    if (r.extendedStatistics().size() > CloudWatchLimits.MAX_EXTENDED_STATISTICS) {
      throw CloudWatchException.invalid(
          "The collection ExtendedStatistics must not have a size greater than 10.");
    }
    for (String e : r.extendedStatistics()) {
      checkPercentile(e, "ExtendedStatistics");
    }
    long seconds = Duration.between(r.startTime(), r.endTime()).toSeconds();
    long requested = (seconds + r.period() - 1) / r.period();
    if (requested > CloudWatchLimits.MAX_STATISTICS_DATAPOINTS) {
      throw CloudWatchException.combination(
          "You have requested up to "
              + requested
              + " datapoints, which exceeds the limit of "
              + CloudWatchLimits.MAX_STATISTICS_DATAPOINTS
              + ". You may reduce the datapoints requested by increasing Period, or decreasing the"
              + " time range.");
    }
    MetricKey key =
        new MetricKey(r.namespace(), r.metricName(), dimensions(r.dimensions(), "Dimensions"));
    List<StatisticsDatapoint> out = new ArrayList<>();
    for (Datapoint dp : datapoints(key, r.startTime(), r.endTime(), r.period())) {
      Map<Statistic, Double> stats = new LinkedHashMap<>();
      for (Statistic s : r.statistics()) {
        stats.put(s, dp.get(s));
      }
      Map<String, Double> extended = new LinkedHashMap<>();
      for (String e : r.extendedStatistics()) {
        Double v = percentile(key, dp.timestamp(), r.period(), Statistics.percentile(e));
        if (v != null) {
          extended.put(e, v);
        }
      }
      out.add(new StatisticsDatapoint(dp.timestamp(), stats, extended));
    }
    return out;
  }

  static double checkPercentile(String name, String parameter) {
    double p = Statistics.percentile(name);
    if (Double.isNaN(p)) {
      throw CloudWatchException.invalid(
          "The value "
              + name
              + " for parameter "
              + parameter
              + " is not a percentile pNN.NN (other extended statistics are not modelled).");
    }
    return p;
  }

  private List<Datapoint> datapoints(MetricKey key, Instant start, Instant end, int period) {
    long from = Math.floorDiv(start.getEpochSecond(), period) * period;
    return metrics.getMetricStatistics(
        key, Instant.ofEpochSecond(from), end, Duration.ofSeconds(period));
  }

  Double percentile(MetricKey key, Instant periodStart, int period, double p) {
    long from = periodStart.getEpochSecond();
    return raw.percentile(key, from, from + period, p);
  }

  // ---- ListMetrics ---------------------------------------------------------------------------

  ListMetricsResult listMetrics(ListMetricsRequest r) {
    if (r.dimensions().size() > CloudWatchLimits.MAX_DIMENSION_FILTERS) {
      throw CloudWatchException.invalid(
          "The collection Dimensions must not have a size greater than 10.");
    }
    int from = 0;
    if (r.nextToken() != null) {
      from = indexToken(r.nextToken(), "m");
    }
    Instant now = context.clock().now();
    List<MetricKey> matching = new ArrayList<>();
    for (MetricKey k : metrics.listMetrics()) {
      if (matches(k, r, now)) {
        matching.add(k);
      }
    }
    if (from > matching.size()) {
      throw CloudWatchException.invalidToken();
    }
    int to = Math.min(matching.size(), from + CloudWatchLimits.LIST_METRICS_PAGE_SIZE);
    return new ListMetricsResult(
        matching.subList(from, to), to < matching.size() ? "m" + to : null);
  }

  static int indexToken(String token, String prefix) {
    try {
      if (token.startsWith(prefix)) {
        int i = Integer.parseInt(token.substring(prefix.length()));
        if (i >= 0) {
          return i;
        }
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw CloudWatchException.invalidToken();
  }

  private boolean matches(MetricKey k, ListMetricsRequest r, Instant now) {
    if (r.namespace() != null && !r.namespace().equals(k.namespace())) {
      return false;
    }
    if (r.metricName() != null && !r.metricName().equals(k.metricName())) {
      return false;
    }
    Map<String, String> dims = k.dimensions().asMap();
    for (DimensionFilter f : r.dimensions()) {
      String v = dims.get(f.name());
      if (v == null || (f.value() != null && !f.value().equals(v))) {
        return false;
      }
    }
    if (r.recentlyActive()) {
      Instant since = now.minus(CloudWatchLimits.RECENTLY_ACTIVE);
      return !metrics
          .getMetricStatistics(k, since, now.plusSeconds(1), Duration.ofMinutes(1))
          .isEmpty();
    }
    return true;
  }

  // ---- GetMetricData -------------------------------------------------------------------------

  GetMetricDataResult getMetricData(GetMetricDataRequest r) {
    List<MetricDataQuery> queries = r.queries();
    if (queries.isEmpty()) {
      throw CloudWatchException.missing("MetricDataQueries");
    }
    if (queries.size() > CloudWatchLimits.MAX_METRIC_DATA_QUERIES) {
      throw CloudWatchException.invalid(
          "The collection MetricDataQueries must not have a size greater than 500.");
    }
    checkRange(r.startTime(), r.endTime());
    int max =
        r.maxDatapoints() == null ? CloudWatchLimits.DEFAULT_MAX_DATAPOINTS : r.maxDatapoints();
    if (max < 1) {
      throw CloudWatchException.invalid("The parameter MaxDatapoints must be at least 1.");
    }
    Map<String, MetricDataQuery> byId = new LinkedHashMap<>();
    for (MetricDataQuery q : queries) {
      validate(q);
      if (byId.put(q.id(), q) != null) {
        throw CloudWatchException.invalid(
            "The value " + q.id() + " for parameter Id is duplicated.");
      }
    }
    MetricMath math = new MetricMath(this, byId, r.startTime(), r.endTime());
    List<MetricDataResult> all = new ArrayList<>();
    boolean descending = r.scanBy() != ScanBy.TIMESTAMP_ASCENDING;
    for (MetricDataQuery q : queries) {
      if (Boolean.FALSE.equals(q.returnData())) {
        continue;
      }
      TreeMap<Long, Double> points = math.series(q.id()).points();
      List<Instant> ts = new ArrayList<>(points.size());
      List<Double> vs = new ArrayList<>(points.size());
      for (Map.Entry<Long, Double> e : (descending ? points.descendingMap() : points).entrySet()) {
        ts.add(Instant.ofEpochSecond(e.getKey()));
        vs.add(e.getValue());
      }
      String label =
          q.label() != null
              ? q.label()
              : q.metricStat() != null ? q.metricStat().metric().metricName() : q.id();
      all.add(new MetricDataResult(q.id(), label, ts, vs, "Complete"));
    }
    return page(all, r.nextToken() == null ? 0 : indexToken(r.nextToken(), "d"), max);
  }

  /** Skips the first {@code skip} data points (over the results in order) and keeps {@code max}. */
  private static GetMetricDataResult page(List<MetricDataResult> all, int skip, int max) {
    List<MetricDataResult> out = new ArrayList<>();
    int seen = 0;
    int taken = 0;
    boolean more = false;
    for (MetricDataResult m : all) {
      int n = m.values().size();
      int from = Math.max(0, Math.min(n, skip - seen));
      int to = Math.min(n, from + (max - taken));
      seen += n;
      if (to < n) {
        more = true;
      }
      taken += to - from;
      out.add(
          new MetricDataResult(
              m.id(),
              m.label(),
              m.timestamps().subList(from, to),
              m.values().subList(from, to),
              to < n ? "PartialData" : "Complete"));
    }
    return new GetMetricDataResult(out, more ? "d" + (skip + taken) : null);
  }

  /** One query's id, MetricStat or Expression, and periods, as GetMetricData checks them. */
  static void validate(MetricDataQuery q) {
    if (q == null || q.id() == null) {
      throw CloudWatchException.missing("MetricDataQueries.member.Id");
    }
    if (q.id().length() > CloudWatchLimits.MAX_QUERY_ID_LENGTH
        || !QUERY_ID.matcher(q.id()).matches()) {
      throw CloudWatchException.invalid(
          "The value "
              + q.id()
              + " for parameter Id is invalid: it must start with a lowercase letter and hold only"
              + " letters, digits and underscores.");
    }
    if ((q.metricStat() == null) == (q.expression() == null)) {
      throw CloudWatchException.combination(
          "Query " + q.id() + " must have exactly one of MetricStat and Expression.");
    }
    if (q.metricStat() != null) {
      MetricStat s = q.metricStat();
      if (s.metric() == null || s.stat() == null) {
        throw CloudWatchException.missing("MetricStat of " + q.id());
      }
      checkPeriod(s.period(), "Period");
      if (Statistics.parse(s.stat()) == null) {
        checkPercentile(s.stat(), "Stat");
      }
    }
    if (q.period() != null) {
      checkPeriod(q.period(), "Period");
    }
  }

  /**
   * The points of one metric statistic, per period start (epoch seconds), empty periods left out.
   */
  MetricMath.Series metricSeries(MetricStat s, Instant start, Instant end) {
    TreeMap<Long, Double> points = new TreeMap<>();
    Statistic stat = Statistics.parse(s.stat());
    double p = stat == null ? Statistics.percentile(s.stat()) : Double.NaN;
    for (Datapoint dp : datapoints(s.metric(), start, end, s.period())) {
      Double v =
          stat != null ? dp.get(stat) : percentile(s.metric(), dp.timestamp(), s.period(), p);
      if (v != null) {
        points.put(dp.timestamp().getEpochSecond(), v);
      }
    }
    return new MetricMath.Series(s.period(), points);
  }
}
