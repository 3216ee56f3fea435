package dev.awssim.cloudwatch;

/**
 * One query of GetMetricData (API_MetricDataQuery.html): a metric ({@code metricStat}) or a metric
 * math expression over other queries' ids, not both.
 *
 * @param id starts with a lowercase letter; letters, digits and {@code _}; at most 255
 * @param metricStat the metric, or null
 * @param expression the expression, or null
 * @param label the label, or null (the metric name, or the expression's id)
 * @param returnData whether the result is returned (null means true)
 * @param period the period of an expression's result in seconds, or null
 */
public record MetricDataQuery(
    String id,
    MetricStat metricStat,
    String expression,
    String label,
    Boolean returnData,
    Integer period) {

  /** A query of one metric statistic. */
  public static MetricDataQuery metric(String id, MetricStat stat) {
    return new MetricDataQuery(id, stat, null, null, null, null);
  }

  /** A metric math query. */
  public static MetricDataQuery expression(String id, String expression) {
    return new MetricDataQuery(id, null, expression, null, null, null);
  }

  /** This query with ReturnData {@code value}. */
  public MetricDataQuery withReturnData(boolean value) {
    return new MetricDataQuery(id, metricStat, expression, label, value, period);
  }

  /** This query with {@code label}. */
  public MetricDataQuery withLabel(String value) {
    return new MetricDataQuery(id, metricStat, expression, value, returnData, period);
  }
}
