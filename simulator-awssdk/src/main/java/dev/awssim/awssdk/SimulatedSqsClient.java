package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.sqs.ListQueuesResult;
import dev.awssim.sqs.Sqs;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsServiceClientConfiguration;
import software.amazon.awssdk.services.sqs.model.AddPermissionRequest;
import software.amazon.awssdk.services.sqs.model.AddPermissionResponse;
import software.amazon.awssdk.services.sqs.model.CancelMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.CancelMessageMoveTaskResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.DeleteQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteQueueResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksRequest;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResponse;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsRequest;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.PurgeQueueRequest;
import software.amazon.awssdk.services.sqs.model.PurgeQueueResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.RemovePermissionRequest;
import software.amazon.awssdk.services.sqs.model.RemovePermissionResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;
import software.amazon.awssdk.services.sqs.model.TagQueueRequest;
import software.amazon.awssdk.services.sqs.model.TagQueueResponse;
import software.amazon.awssdk.services.sqs.model.UntagQueueRequest;
import software.amazon.awssdk.services.sqs.model.UntagQueueResponse;

/**
 * An {@link SqsClient} whose calls go to the simulator's {@link Sqs} instead of the network. Each
 * call runs through the client's {@link RetryExecutor}; errors surface as the SDK's modelled
 * exceptions. A long poll ({@code waitTimeSeconds}) advances virtual time as in the core, and
 * throws {@link IllegalStateException} inside a scheduled task.
 *
 * <p>Tags passed to CreateQueue are accepted and not stored (the simulator does not model tags).
 */
final class SimulatedSqsClient implements SqsClient {
  private final Sqs sqs;
  private final RetryExecutor retries;

  SimulatedSqsClient(Sqs sqs, RetryExecutor retries) {
    this.sqs = checkNotNull(sqs, "sqs");
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
  public SqsServiceClientConfiguration serviceClientConfiguration() {
    return SqsServiceClientConfiguration.builder().region(Region.of(sqs.limits().region())).build();
  }

  @Override
  public CreateQueueResponse createQueue(CreateQueueRequest request) {
    String url =
        retries.call(
            "CreateQueue",
            () -> sqs.createQueue(request.queueName(), request.attributesAsStrings()));
    return CreateQueueResponse.builder().queueUrl(url).build();
  }

  @Override
  public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
    String url = retries.call("GetQueueUrl", () -> sqs.getQueueUrl(request.queueName()));
    return GetQueueUrlResponse.builder().queueUrl(url).build();
  }

  @Override
  public DeleteQueueResponse deleteQueue(DeleteQueueRequest request) {
    retries.run("DeleteQueue", () -> sqs.deleteQueue(request.queueUrl()));
    return DeleteQueueResponse.builder().build();
  }

  @Override
  public ListQueuesResponse listQueues(ListQueuesRequest request) {
    ListQueuesResult r =
        retries.call(
            "ListQueues",
            () ->
                sqs.listQueues(
                    request.queueNamePrefix(), request.maxResults(), request.nextToken()));
    return ListQueuesResponse.builder().queueUrls(r.queueUrls()).nextToken(r.nextToken()).build();
  }

  @Override
  public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
    return GetQueueAttributesResponse.builder()
        .attributesWithStrings(
            retries.call(
                "GetQueueAttributes",
                () ->
                    sqs.getQueueAttributes(request.queueUrl(), request.attributeNamesAsStrings())))
        .build();
  }

  @Override
  public SetQueueAttributesResponse setQueueAttributes(SetQueueAttributesRequest request) {
    retries.run(
        "SetQueueAttributes",
        () -> sqs.setQueueAttributes(request.queueUrl(), request.attributesAsStrings()));
    return SetQueueAttributesResponse.builder().build();
  }

  @Override
  public PurgeQueueResponse purgeQueue(PurgeQueueRequest request) {
    retries.run("PurgeQueue", () -> sqs.purgeQueue(request.queueUrl()));
    return PurgeQueueResponse.builder().build();
  }

  @Override
  public SendMessageResponse sendMessage(SendMessageRequest request) {
    dev.awssim.sqs.SendMessageRequest converted = SqsConverters.sendMessage(request);
    return SqsConverters.sendMessage(retries.call("SendMessage", () -> sqs.sendMessage(converted)));
  }

  @Override
  public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
    var entries = SqsConverters.sendEntries(request.entries());
    return SqsConverters.sendMessageBatch(
        retries.call("SendMessageBatch", () -> sqs.sendMessageBatch(request.queueUrl(), entries)));
  }

  @Override
  public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
    dev.awssim.sqs.ReceiveMessageRequest converted = SqsConverters.receiveMessage(request);
    return SqsConverters.receiveMessage(
        retries.call("ReceiveMessage", () -> sqs.receiveMessage(converted)));
  }

  @Override
  public DeleteMessageResponse deleteMessage(DeleteMessageRequest request) {
    retries.run(
        "DeleteMessage", () -> sqs.deleteMessage(request.queueUrl(), request.receiptHandle()));
    return DeleteMessageResponse.builder().build();
  }

  @Override
  public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
    var entries = SqsConverters.deleteEntries(request.entries());
    return SqsConverters.deleteMessageBatch(
        retries.call(
            "DeleteMessageBatch", () -> sqs.deleteMessageBatch(request.queueUrl(), entries)));
  }

  @Override
  public ChangeMessageVisibilityResponse changeMessageVisibility(
      ChangeMessageVisibilityRequest request) {
    retries.run(
        "ChangeMessageVisibility",
        () ->
            sqs.changeMessageVisibility(
                request.queueUrl(), request.receiptHandle(), request.visibilityTimeout()));
    return ChangeMessageVisibilityResponse.builder().build();
  }

  @Override
  public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(
      ChangeMessageVisibilityBatchRequest request) {
    var entries = SqsConverters.visibilityEntries(request.entries());
    return SqsConverters.changeMessageVisibilityBatch(
        retries.call(
            "ChangeMessageVisibilityBatch",
            () -> sqs.changeMessageVisibilityBatch(request.queueUrl(), entries)));
  }

  @Override
  public AddPermissionResponse addPermission(AddPermissionRequest request) {
    throw Unsupported.operation("SQS", "AddPermission");
  }

  @Override
  public CancelMessageMoveTaskResponse cancelMessageMoveTask(CancelMessageMoveTaskRequest request) {
    long moved =
        retries.call(
            "CancelMessageMoveTask", () -> sqs.cancelMessageMoveTask(request.taskHandle()));
    return CancelMessageMoveTaskResponse.builder().approximateNumberOfMessagesMoved(moved).build();
  }

  @Override
  public ListDeadLetterSourceQueuesResponse listDeadLetterSourceQueues(
      ListDeadLetterSourceQueuesRequest request) {
    ListQueuesResult r =
        retries.call(
            "ListDeadLetterSourceQueues",
            () ->
                sqs.listDeadLetterSourceQueues(
                    request.queueUrl(), request.maxResults(), request.nextToken()));
    return ListDeadLetterSourceQueuesResponse.builder()
        .queueUrls(r.queueUrls())
        .nextToken(r.nextToken())
        .build();
  }

  @Override
  public ListMessageMoveTasksResponse listMessageMoveTasks(ListMessageMoveTasksRequest request) {
    return SqsConverters.listMessageMoveTasks(
        retries.call(
            "ListMessageMoveTasks",
            () -> sqs.listMessageMoveTasks(request.sourceArn(), request.maxResults())));
  }

  @Override
  public ListQueueTagsResponse listQueueTags(ListQueueTagsRequest request) {
    throw Unsupported.operation("SQS", "ListQueueTags");
  }

  @Override
  public RemovePermissionResponse removePermission(RemovePermissionRequest request) {
    throw Unsupported.operation("SQS", "RemovePermission");
  }

  @Override
  public StartMessageMoveTaskResponse startMessageMoveTask(StartMessageMoveTaskRequest request) {
    String handle =
        retries.call(
            "StartMessageMoveTask",
            () ->
                sqs.startMessageMoveTask(
                    request.sourceArn(),
                    request.destinationArn(),
                    request.maxNumberOfMessagesPerSecond()));
    return StartMessageMoveTaskResponse.builder().taskHandle(handle).build();
  }

  @Override
  public TagQueueResponse tagQueue(TagQueueRequest request) {
    throw Unsupported.operation("SQS", "TagQueue");
  }

  @Override
  public UntagQueueResponse untagQueue(UntagQueueRequest request) {
    throw Unsupported.operation("SQS", "UntagQueue");
  }
}
