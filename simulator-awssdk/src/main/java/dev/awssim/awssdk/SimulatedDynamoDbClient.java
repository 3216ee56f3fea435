package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.dynamodb.DynamoDb;
import dev.awssim.dynamodb.TimeToLiveDescription;
import dev.awssim.dynamodb.TimeToLiveSpecification;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalTableResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeExportRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeExportResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableSettingsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableSettingsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeImportRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeImportResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableReplicaAutoScalingRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableReplicaAutoScalingResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.DisableKinesisStreamingDestinationRequest;
import software.amazon.awssdk.services.dynamodb.model.DisableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationRequest;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.ExportTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.ExportTableToPointInTimeResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ImportTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListExportsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListExportsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListImportsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListImportsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupRequest;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableSettingsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableSettingsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A {@link DynamoDbClient} whose calls go to the simulator's {@link DynamoDb}: items, queries and
 * scans (with the SDK's paginators), batches with their unprocessed keys and items, transactions
 * with cancellation reasons, consumed capacity, tables and TTL. It also carries the DynamoDB
 * Enhanced Client ({@code DynamoDbEnhancedClient.builder().dynamoDbClient(client)}).
 *
 * <p>ListTables pages the simulator's full list: at most {@code Limit} (default and maximum 100)
 * names after {@code ExclusiveStartTableName} ({@code API_ListTables.html}).
 */
final class SimulatedDynamoDbClient implements DynamoDbClient {
  private final DynamoDb dynamoDb;
  private final RetryExecutor retries;

  SimulatedDynamoDbClient(DynamoDb dynamoDb, RetryExecutor retries) {
    this.dynamoDb = checkNotNull(dynamoDb, "dynamoDb");
    this.retries = checkNotNull(retries, "retries");
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
  public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
    return DynamoDbServiceClientConfiguration.builder()
        .region(Region.of(retries.context().account().region()))
        .build();
  }

  /**
   * A waiter that checks once: simulated tables and indexes change state at once, so a state not
   * reached on the first check will not be reached by waiting; the SDK's waiter would sleep on the
   * wall clock between checks, which a simulation never does.
   */
  @Override
  public DynamoDbWaiter waiter() {
    return DynamoDbWaiter.builder()
        .client(this)
        .overrideConfiguration(c -> c.maxAttempts(1))
        .build();
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return DynamoDbResponses.put(
        retries.call("PutItem", () -> dynamoDb.putItem(DynamoDbRequests.put(request))));
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return DynamoDbResponses.get(
        retries.call("GetItem", () -> dynamoDb.getItem(DynamoDbRequests.get(request))));
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return DynamoDbResponses.update(
        retries.call("UpdateItem", () -> dynamoDb.updateItem(DynamoDbRequests.update(request))));
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return DynamoDbResponses.delete(
        retries.call("DeleteItem", () -> dynamoDb.deleteItem(DynamoDbRequests.delete(request))));
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return DynamoDbResponses.query(
        retries.call("Query", () -> dynamoDb.query(DynamoDbRequests.query(request))),
        request.select() == Select.COUNT);
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    return DynamoDbResponses.scan(
        retries.call("Scan", () -> dynamoDb.scan(DynamoDbRequests.scan(request))),
        request.select() == Select.COUNT);
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    return DynamoDbResponses.batchGet(
        retries.call(
            "BatchGetItem",
            () ->
                dynamoDb.batchGetItem(
                    DynamoDbRequests.batchGet(request.requestItems()),
                    DynamoDbRequests.capacity(request.returnConsumedCapacityAsString()))));
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return DynamoDbResponses.batchWrite(
        retries.call(
            "BatchWriteItem",
            () ->
                dynamoDb.batchWriteItem(
                    DynamoDbRequests.batchWrite(request.requestItems()),
                    DynamoDbRequests.capacity(request.returnConsumedCapacityAsString()))));
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return DynamoDbResponses.transactWrite(
        retries.call(
            "TransactWriteItems",
            () -> dynamoDb.transactWriteItems(DynamoDbRequests.transactWrite(request))));
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    return DynamoDbResponses.transactGet(
        retries.call(
            "TransactGetItems",
            () ->
                dynamoDb.transactGetItems(
                    DynamoDbRequests.transactGet(request.transactItems()),
                    DynamoDbRequests.capacity(request.returnConsumedCapacityAsString()))));
  }

  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    var converted = DynamoDbTables.create(request);
    return CreateTableResponse.builder()
        .tableDescription(
            DynamoDbTables.describe(
                retries.call("CreateTable", () -> dynamoDb.createTable(converted))))
        .build();
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return DescribeTableResponse.builder()
        .table(
            DynamoDbTables.describe(
                retries.call("DescribeTable", () -> dynamoDb.describeTable(request.tableName()))))
        .build();
  }

  @Override
  public UpdateTableResponse updateTable(UpdateTableRequest request) {
    var converted = DynamoDbTables.update(request);
    return UpdateTableResponse.builder()
        .tableDescription(
            DynamoDbTables.describe(
                retries.call("UpdateTable", () -> dynamoDb.updateTable(converted))))
        .build();
  }

  @Override
  public DeleteTableResponse deleteTable(DeleteTableRequest request) {
    return DeleteTableResponse.builder()
        .tableDescription(
            DynamoDbTables.describe(
                retries.call("DeleteTable", () -> dynamoDb.deleteTable(request.tableName()))))
        .build();
  }

  @Override
  public ListTablesResponse listTables(ListTablesRequest request) {
    List<String> names = retries.call("ListTables", dynamoDb::listTables);
    List<String> page =
        Pages.after(names, request.exclusiveStartTableName(), Pages.limit(request.limit()));
    return ListTablesResponse.builder()
        .tableNames(page)
        .lastEvaluatedTableName(Pages.lastEvaluated(names, page))
        .build();
  }

  @Override
  public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
    var spec =
        DynamoDbRequests.required(request.timeToLiveSpecification(), "timeToLiveSpecification");
    TimeToLiveSpecification applied =
        retries.call(
            "UpdateTimeToLive",
            () ->
                dynamoDb.updateTimeToLive(
                    request.tableName(),
                    new TimeToLiveSpecification(
                        Boolean.TRUE.equals(spec.enabled()), spec.attributeName())));
    return UpdateTimeToLiveResponse.builder()
        .timeToLiveSpecification(
            t -> t.enabled(applied.enabled()).attributeName(applied.attributeName()))
        .build();
  }

  @Override
  public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
    TimeToLiveDescription d =
        retries.call("DescribeTimeToLive", () -> dynamoDb.describeTimeToLive(request.tableName()));
    return DescribeTimeToLiveResponse.builder()
        .timeToLiveDescription(
            software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription.builder()
                .timeToLiveStatus(d.timeToLiveStatus().name())
                .attributeName(d.attributeName())
                .build())
        .build();
  }

  @Override
  public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
    throw Unsupported.operation("DynamoDB", "BatchExecuteStatement");
  }

  @Override
  public CreateBackupResponse createBackup(CreateBackupRequest request) {
    throw Unsupported.operation("DynamoDB", "CreateBackup");
  }

  @Override
  public CreateGlobalTableResponse createGlobalTable(CreateGlobalTableRequest request) {
    throw Unsupported.operation("DynamoDB", "CreateGlobalTable");
  }

  @Override
  public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
    throw Unsupported.operation("DynamoDB", "DeleteBackup");
  }

  @Override
  public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request) {
    throw Unsupported.operation("DynamoDB", "DeleteResourcePolicy");
  }

  @Override
  public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeBackup");
  }

  @Override
  public DescribeContinuousBackupsResponse describeContinuousBackups(
      DescribeContinuousBackupsRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeContinuousBackups");
  }

  @Override
  public DescribeContributorInsightsResponse describeContributorInsights(
      DescribeContributorInsightsRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeContributorInsights");
  }

  @Override
  public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeEndpoints");
  }

  @Override
  public DescribeExportResponse describeExport(DescribeExportRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeExport");
  }

  @Override
  public DescribeGlobalTableResponse describeGlobalTable(DescribeGlobalTableRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeGlobalTable");
  }

  @Override
  public DescribeGlobalTableSettingsResponse describeGlobalTableSettings(
      DescribeGlobalTableSettingsRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeGlobalTableSettings");
  }

  @Override
  public DescribeImportResponse describeImport(DescribeImportRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeImport");
  }

  @Override
  public DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(
      DescribeKinesisStreamingDestinationRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeKinesisStreamingDestination");
  }

  @Override
  public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeLimits");
  }

  @Override
  public DescribeTableReplicaAutoScalingResponse describeTableReplicaAutoScaling(
      DescribeTableReplicaAutoScalingRequest request) {
    throw Unsupported.operation("DynamoDB", "DescribeTableReplicaAutoScaling");
  }

  @Override
  public DisableKinesisStreamingDestinationResponse disableKinesisStreamingDestination(
      DisableKinesisStreamingDestinationRequest request) {
    throw Unsupported.operation("DynamoDB", "DisableKinesisStreamingDestination");
  }

  @Override
  public EnableKinesisStreamingDestinationResponse enableKinesisStreamingDestination(
      EnableKinesisStreamingDestinationRequest request) {
    throw Unsupported.operation("DynamoDB", "EnableKinesisStreamingDestination");
  }

  @Override
  public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
    throw Unsupported.operation("DynamoDB", "ExecuteStatement");
  }

  @Override
  public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
    throw Unsupported.operation("DynamoDB", "ExecuteTransaction");
  }

  @Override
  public ExportTableToPointInTimeResponse exportTableToPointInTime(
      ExportTableToPointInTimeRequest request) {
    throw Unsupported.operation("DynamoDB", "ExportTableToPointInTime");
  }

  @Override
  public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request) {
    throw Unsupported.operation("DynamoDB", "GetResourcePolicy");
  }

  @Override
  public ImportTableResponse importTable(ImportTableRequest request) {
    throw Unsupported.operation("DynamoDB", "ImportTable");
  }

  @Override
  public ListBackupsResponse listBackups(ListBackupsRequest request) {
    throw Unsupported.operation("DynamoDB", "ListBackups");
  }

  @Override
  public ListContributorInsightsResponse listContributorInsights(
      ListContributorInsightsRequest request) {
    throw Unsupported.operation("DynamoDB", "ListContributorInsights");
  }

  @Override
  public ListExportsResponse listExports(ListExportsRequest request) {
    throw Unsupported.operation("DynamoDB", "ListExports");
  }

  @Override
  public ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest request) {
    throw Unsupported.operation("DynamoDB", "ListGlobalTables");
  }

  @Override
  public ListImportsResponse listImports(ListImportsRequest request) {
    throw Unsupported.operation("DynamoDB", "ListImports");
  }

  @Override
  public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
    throw Unsupported.operation("DynamoDB", "ListTagsOfResource");
  }

  @Override
  public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request) {
    throw Unsupported.operation("DynamoDB", "PutResourcePolicy");
  }

  @Override
  public RestoreTableFromBackupResponse restoreTableFromBackup(
      RestoreTableFromBackupRequest request) {
    throw Unsupported.operation("DynamoDB", "RestoreTableFromBackup");
  }

  @Override
  public RestoreTableToPointInTimeResponse restoreTableToPointInTime(
      RestoreTableToPointInTimeRequest request) {
    throw Unsupported.operation("DynamoDB", "RestoreTableToPointInTime");
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    throw Unsupported.operation("DynamoDB", "TagResource");
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    throw Unsupported.operation("DynamoDB", "UntagResource");
  }

  @Override
  public UpdateContinuousBackupsResponse updateContinuousBackups(
      UpdateContinuousBackupsRequest request) {
    throw Unsupported.operation("DynamoDB", "UpdateContinuousBackups");
  }

  @Override
  public UpdateContributorInsightsResponse updateContributorInsights(
      UpdateContributorInsightsRequest request) {
    throw Unsupported.operation("DynamoDB", "UpdateContributorInsights");
  }

  @Override
  public UpdateGlobalTableResponse updateGlobalTable(UpdateGlobalTableRequest request) {
    throw Unsupported.operation("DynamoDB", "UpdateGlobalTable");
  }

  @Override
  public UpdateGlobalTableSettingsResponse updateGlobalTableSettings(
      UpdateGlobalTableSettingsRequest request) {
    throw Unsupported.operation("DynamoDB", "UpdateGlobalTableSettings");
  }

  @Override
  public UpdateKinesisStreamingDestinationResponse updateKinesisStreamingDestination(
      UpdateKinesisStreamingDestinationRequest request) {
    throw Unsupported.operation("DynamoDB", "UpdateKinesisStreamingDestination");
  }

  @Override
  public UpdateTableReplicaAutoScalingResponse updateTableReplicaAutoScaling(
      UpdateTableReplicaAutoScalingRequest request) {
    throw Unsupported.operation("DynamoDB", "UpdateTableReplicaAutoScaling");
  }
}
