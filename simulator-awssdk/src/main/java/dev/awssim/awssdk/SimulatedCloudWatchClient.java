package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.awssim.cloudwatch.AlarmState;
import dev.awssim.cloudwatch.CloudWatch;
import dev.awssim.cloudwatch.DescribeAlarmsResult;
import dev.awssim.cloudwatch.GetMetricDataResult;
import dev.awssim.cloudwatch.ListMetricsResult;
import dev.awssim.cloudwatch.MetricDataResult;
import dev.awssim.cloudwatch.StatisticsDatapoint;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InternalServiceException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidFormatException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * A {@link CloudWatchClient} over the simulator's {@link CloudWatch}: PutMetricData,
 * GetMetricStatistics, GetMetricData (with metric math), ListMetrics, PutMetricAlarm,
 * DescribeAlarms, DescribeAlarmsForMetric, DescribeAlarmHistory, SetAlarmState, DeleteAlarms and
 * Enable/DisableAlarmActions. The metrics the models record ({@code AWS/SQS}, {@code AWS/DynamoDB},
 * ...) are queryable next to custom ones. Errors surface as the SDK's modelled exceptions for AWS's
 * query error codes: {@code InvalidParameterValue} as {@link InvalidParameterValueException},
 * {@code MissingParameter} as {@link MissingRequiredParameterException}, and {@code
 * ResourceNotFound} (404) as the class SDK 2.40.2 registers for that code, {@link
 * DashboardNotFoundErrorException}; a malformed metric-math alarm is AWS's {@code ValidationError}
 * (no modelled class: the SDK's {@link CloudWatchException}). Composite alarms, anomaly detection,
 * dashboards, insight rules and metric streams are not modelled (their operations throw {@code
 * UnsupportedOperationException}).
 */
final class SimulatedCloudWatchClient implements CloudWatchClient {
  /**
   * The exception class per error code, read from {@code DefaultCloudWatchClient} of SDK 2.40.2
   * (CloudWatch speaks the query protocol).
   */
  static final ServiceErrors ERRORS =
      new ServiceErrors(
          "CloudWatch",
          CloudWatchException::builder,
          ImmutableMap.<String, Supplier<AwsServiceException.Builder>>builder()
              .put("InvalidParameterValue", InvalidParameterValueException::builder)
              .put("MissingParameter", MissingRequiredParameterException::builder)
              .put("InvalidParameterCombination", InvalidParameterCombinationException::builder)
              .put("InvalidNextToken", InvalidNextTokenException::builder)
              .put("InvalidFormat", InvalidFormatException::builder)
              .put("LimitExceeded", LimitExceededException::builder)
              .put("ResourceNotFound", DashboardNotFoundErrorException::builder)
              .put("ResourceNotFoundException", ResourceNotFoundException::builder)
              .put("InternalServiceError", InternalServiceException::builder)
              .buildOrThrow(),
          dev.awssim.engine.AwsServiceException::errorCode,
          (e, b) -> {});

  private final CloudWatch cloudWatch;
  private final RetryExecutor retries;
  private final Region region;

  SimulatedCloudWatchClient(CloudWatch cloudWatch, RetryExecutor retries, String region) {
    this.cloudWatch = checkNotNull(cloudWatch, "cloudWatch");
    this.retries = checkNotNull(retries, "retries");
    this.region = Region.of(checkNotNull(region, "region"));
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {
    // Nothing to release: no connection was opened.
  }

  @Override
  public CloudWatchServiceClientConfiguration serviceClientConfiguration() {
    return CloudWatchServiceClientConfiguration.builder().region(region).build();
  }

  @Override
  public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
    retries.run(
        "PutMetricData",
        () ->
            cloudWatch.putMetricData(
                request.namespace(),
                Convert.list(request.metricData(), CloudWatchConverters::datum)));
    return PutMetricDataResponse.builder().build();
  }

  @Override
  public GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest request) {
    List<StatisticsDatapoint> points =
        retries.call(
            "GetMetricStatistics",
            () ->
                cloudWatch.getMetricStatistics(
                    new dev.awssim.cloudwatch.GetMetricStatisticsRequest(
                        request.namespace(),
                        request.metricName(),
                        CloudWatchConverters.dimensions(request.dimensions()),
                        request.startTime(),
                        request.endTime(),
                        request.period() == null ? 0 : request.period(),
                        Convert.list(
                            request.statisticsAsStrings(),
                            s -> CloudWatchConverters.statistic(s, "Statistics")),
                        request.extendedStatistics(),
                        request.unitAsString())));
    return GetMetricStatisticsResponse.builder()
        .label(request.metricName())
        .datapoints(Convert.list(points, CloudWatchConverters::datapoint))
        .build();
  }

  @Override
  public ListMetricsResponse listMetrics(ListMetricsRequest request) {
    ListMetricsResult r =
        retries.call(
            "ListMetrics",
            () ->
                cloudWatch.listMetrics(
                    new dev.awssim.cloudwatch.ListMetricsRequest(
                        request.namespace(),
                        request.metricName(),
                        Convert.list(request.dimensions(), CloudWatchConverters::filter),
                        request.recentlyActive() != null,
                        request.nextToken())));
    return ListMetricsResponse.builder()
        .metrics(Convert.list(r.metrics(), CloudWatchConverters::metric))
        .nextToken(r.nextToken())
        .build();
  }

  @Override
  public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
    GetMetricDataResult r =
        retries.call(
            "GetMetricData",
            () ->
                cloudWatch.getMetricData(
                    new dev.awssim.cloudwatch.GetMetricDataRequest(
                        Convert.list(request.metricDataQueries(), CloudWatchConverters::query),
                        request.startTime(),
                        request.endTime(),
                        CloudWatchConverters.scanBy(request.scanByAsString()),
                        request.maxDatapoints(),
                        request.nextToken())));
    return GetMetricDataResponse.builder()
        .metricDataResults(
            Convert.list(
                r.results(),
                (MetricDataResult m) ->
                    software.amazon.awssdk.services.cloudwatch.model.MetricDataResult.builder()
                        .id(m.id())
                        .label(m.label())
                        .timestamps(m.timestamps())
                        .values(m.values())
                        .statusCode(StatusCode.fromValue(m.statusCode()))
                        .build()))
        .nextToken(r.nextToken())
        .build();
  }

  @Override
  public PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest request) {
    retries.run(
        "PutMetricAlarm", () -> cloudWatch.putMetricAlarm(CloudWatchConverters.alarm(request)));
    return PutMetricAlarmResponse.builder().build();
  }

  @Override
  public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
    boolean metricAlarms =
        !request.hasAlarmTypes() || request.alarmTypes().contains(AlarmType.METRIC_ALARM);
    DescribeAlarmsResult r =
        retries.call(
            "DescribeAlarms",
            () ->
                cloudWatch.describeAlarms(
                    new dev.awssim.cloudwatch.DescribeAlarmsRequest(
                        request.alarmNames(),
                        request.alarmNamePrefix(),
                        CloudWatchConverters.state(request.stateValueAsString(), "StateValue"),
                        request.actionPrefix(),
                        request.maxRecords(),
                        request.nextToken())));
    return DescribeAlarmsResponse.builder()
        .metricAlarms(
            metricAlarms ? Convert.list(r.metricAlarms(), CloudWatchConverters::alarm) : List.of())
        .compositeAlarms(List.of())
        .nextToken(metricAlarms ? r.nextToken() : null)
        .build();
  }

  @Override
  public DescribeAlarmsForMetricResponse describeAlarmsForMetric(
      DescribeAlarmsForMetricRequest request) {
    List<dev.awssim.cloudwatch.MetricAlarm> alarms =
        retries.call(
            "DescribeAlarmsForMetric",
            () ->
                cloudWatch.describeAlarmsForMetric(
                    CloudWatchConverters.key(
                        request.namespace(), request.metricName(), request.dimensions()),
                    CloudWatchConverters.statistic(request.statisticAsString(), "Statistic"),
                    request.extendedStatistic(),
                    request.period()));
    return DescribeAlarmsForMetricResponse.builder()
        .metricAlarms(Convert.list(alarms, CloudWatchConverters::alarm))
        .build();
  }

  @Override
  public DescribeAlarmHistoryResponse describeAlarmHistory(DescribeAlarmHistoryRequest request) {
    if (request.hasAlarmTypes() && !request.alarmTypes().contains(AlarmType.METRIC_ALARM)) {
      return DescribeAlarmHistoryResponse.builder().alarmHistoryItems(List.of()).build();
    }
    dev.awssim.cloudwatch.DescribeAlarmHistoryResult r =
        retries.call(
            "DescribeAlarmHistory",
            () ->
                cloudWatch.describeAlarmHistory(
                    new dev.awssim.cloudwatch.DescribeAlarmHistoryRequest(
                        request.alarmName(),
                        CloudWatchConverters.historyItemType(request.historyItemTypeAsString()),
                        request.startDate(),
                        request.endDate(),
                        request.maxRecords(),
                        request.nextToken(),
                        CloudWatchConverters.scanBy(request.scanByAsString()))));
    return DescribeAlarmHistoryResponse.builder()
        .alarmHistoryItems(Convert.list(r.alarmHistoryItems(), CloudWatchConverters::historyItem))
        .nextToken(r.nextToken())
        .build();
  }

  @Override
  public SetAlarmStateResponse setAlarmState(SetAlarmStateRequest request) {
    retries.run(
        "SetAlarmState",
        () -> {
          AlarmState state = CloudWatchConverters.state(request.stateValueAsString(), "StateValue");
          if (state == null || request.stateReason() == null) {
            throw new CloudWatchConverters.CloudWatchError(
                "MissingParameter", "The parameters StateValue and StateReason are required.");
          }
          cloudWatch.setAlarmState(request.alarmName(), state, request.stateReason());
        });
    return SetAlarmStateResponse.builder().build();
  }

  @Override
  public DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest request) {
    retries.run("DeleteAlarms", () -> cloudWatch.deleteAlarms(request.alarmNames()));
    return DeleteAlarmsResponse.builder().build();
  }

  @Override
  public EnableAlarmActionsResponse enableAlarmActions(EnableAlarmActionsRequest request) {
    retries.run(
        "EnableAlarmActions", () -> cloudWatch.setAlarmActionsEnabled(request.alarmNames(), true));
    return EnableAlarmActionsResponse.builder().build();
  }

  @Override
  public DisableAlarmActionsResponse disableAlarmActions(DisableAlarmActionsRequest request) {
    retries.run(
        "DisableAlarmActions",
        () -> cloudWatch.setAlarmActionsEnabled(request.alarmNames(), false));
    return DisableAlarmActionsResponse.builder().build();
  }
}
