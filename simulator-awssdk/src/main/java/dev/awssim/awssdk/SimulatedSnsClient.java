package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.awssim.sns.Sns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsServiceClientConfiguration;
import software.amazon.awssdk.services.sns.model.AddPermissionRequest;
import software.amazon.awssdk.services.sns.model.AddPermissionResponse;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.CheckIfPhoneNumberIsOptedOutRequest;
import software.amazon.awssdk.services.sns.model.CheckIfPhoneNumberIsOptedOutResponse;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionRequest;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionResponse;
import software.amazon.awssdk.services.sns.model.CreatePlatformApplicationRequest;
import software.amazon.awssdk.services.sns.model.CreatePlatformApplicationResponse;
import software.amazon.awssdk.services.sns.model.CreatePlatformEndpointRequest;
import software.amazon.awssdk.services.sns.model.CreatePlatformEndpointResponse;
import software.amazon.awssdk.services.sns.model.CreateSmsSandboxPhoneNumberRequest;
import software.amazon.awssdk.services.sns.model.CreateSmsSandboxPhoneNumberResponse;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.DeleteEndpointRequest;
import software.amazon.awssdk.services.sns.model.DeleteEndpointResponse;
import software.amazon.awssdk.services.sns.model.DeletePlatformApplicationRequest;
import software.amazon.awssdk.services.sns.model.DeletePlatformApplicationResponse;
import software.amazon.awssdk.services.sns.model.DeleteSmsSandboxPhoneNumberRequest;
import software.amazon.awssdk.services.sns.model.DeleteSmsSandboxPhoneNumberResponse;
import software.amazon.awssdk.services.sns.model.DeleteTopicRequest;
import software.amazon.awssdk.services.sns.model.DeleteTopicResponse;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.FilterPolicyLimitExceededException;
import software.amazon.awssdk.services.sns.model.GetDataProtectionPolicyRequest;
import software.amazon.awssdk.services.sns.model.GetDataProtectionPolicyResponse;
import software.amazon.awssdk.services.sns.model.GetEndpointAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetEndpointAttributesResponse;
import software.amazon.awssdk.services.sns.model.GetPlatformApplicationAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetPlatformApplicationAttributesResponse;
import software.amazon.awssdk.services.sns.model.GetSmsAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetSmsAttributesResponse;
import software.amazon.awssdk.services.sns.model.GetSmsSandboxAccountStatusRequest;
import software.amazon.awssdk.services.sns.model.GetSmsSandboxAccountStatusResponse;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.ListEndpointsByPlatformApplicationRequest;
import software.amazon.awssdk.services.sns.model.ListEndpointsByPlatformApplicationResponse;
import software.amazon.awssdk.services.sns.model.ListOriginationNumbersRequest;
import software.amazon.awssdk.services.sns.model.ListOriginationNumbersResponse;
import software.amazon.awssdk.services.sns.model.ListPhoneNumbersOptedOutRequest;
import software.amazon.awssdk.services.sns.model.ListPhoneNumbersOptedOutResponse;
import software.amazon.awssdk.services.sns.model.ListPlatformApplicationsRequest;
import software.amazon.awssdk.services.sns.model.ListPlatformApplicationsResponse;
import software.amazon.awssdk.services.sns.model.ListSmsSandboxPhoneNumbersRequest;
import software.amazon.awssdk.services.sns.model.ListSmsSandboxPhoneNumbersResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsResponse;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.OptInPhoneNumberRequest;
import software.amazon.awssdk.services.sns.model.OptInPhoneNumberResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.PutDataProtectionPolicyRequest;
import software.amazon.awssdk.services.sns.model.PutDataProtectionPolicyResponse;
import software.amazon.awssdk.services.sns.model.RemovePermissionRequest;
import software.amazon.awssdk.services.sns.model.RemovePermissionResponse;
import software.amazon.awssdk.services.sns.model.SetEndpointAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetEndpointAttributesResponse;
import software.amazon.awssdk.services.sns.model.SetPlatformApplicationAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetPlatformApplicationAttributesResponse;
import software.amazon.awssdk.services.sns.model.SetSmsAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetSmsAttributesResponse;
import software.amazon.awssdk.services.sns.model.SetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.TagResourceRequest;
import software.amazon.awssdk.services.sns.model.TagResourceResponse;
import software.amazon.awssdk.services.sns.model.ThrottledException;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sns.model.TopicLimitExceededException;
import software.amazon.awssdk.services.sns.model.UnsubscribeRequest;
import software.amazon.awssdk.services.sns.model.UnsubscribeResponse;
import software.amazon.awssdk.services.sns.model.UntagResourceRequest;
import software.amazon.awssdk.services.sns.model.UntagResourceResponse;
import software.amazon.awssdk.services.sns.model.VerifySmsSandboxPhoneNumberRequest;
import software.amazon.awssdk.services.sns.model.VerifySmsSandboxPhoneNumberResponse;

/**
 * An {@link SnsClient} whose calls go to the simulator's {@link Sns} instead of the network. Each
 * call runs through the client's {@link RetryExecutor}; errors surface as the SDK's modelled
 * exceptions ({@code InvalidParameterException}, {@code NotFoundException}, ...) with AWS's query
 * error code and HTTP status. ListTopics and ListSubscriptions(ByTopic) return pages of {@link
 * #PAGE_SIZE}. Tags and data protection policies passed to CreateTopic are accepted and not stored.
 */
final class SimulatedSnsClient implements SnsClient {
  /**
   * ListTopics, ListSubscriptions and ListSubscriptionsByTopic return at most 100 entries a call
   * (https://docs.aws.amazon.com/sns/latest/api/API_ListTopics.html,
   * https://docs.aws.amazon.com/sns/latest/api/API_ListSubscriptions.html).
   */
  static final int PAGE_SIZE = 100;

  /**
   * SNS speaks the query protocol: the exception class follows the query error code ({@code
   * InvalidParameter}, {@code ParameterValueInvalid}, ...), read from {@code DefaultSnsClient} of
   * SDK 2.40.2.
   */
  static final ServiceErrors ERRORS =
      new ServiceErrors(
          "Sns",
          SnsException::builder,
          ImmutableMap.<String, Supplier<AwsServiceException.Builder>>builder()
              .put("BatchEntryIdsNotDistinct", BatchEntryIdsNotDistinctException::builder)
              .put("BatchRequestTooLong", BatchRequestTooLongException::builder)
              .put("EmptyBatchRequest", EmptyBatchRequestException::builder)
              .put("FilterPolicyLimitExceeded", FilterPolicyLimitExceededException::builder)
              .put("InvalidBatchEntryId", InvalidBatchEntryIdException::builder)
              .put("InvalidParameter", InvalidParameterException::builder)
              .put("NotFound", NotFoundException::builder)
              .put("ParameterValueInvalid", InvalidParameterValueException::builder)
              .put("Throttled", ThrottledException::builder)
              .put("TooManyEntriesInBatchRequest", TooManyEntriesInBatchRequestException::builder)
              .put("TopicLimitExceeded", TopicLimitExceededException::builder)
              .buildOrThrow(),
          dev.awssim.engine.AwsServiceException::errorCode,
          (e, b) -> {});

  private final Sns sns;
  private final RetryExecutor retries;
  private final Region region;

  /**
   * @param region the simulation's region, which the topic ARNs carry
   */
  SimulatedSnsClient(Sns sns, RetryExecutor retries, String region) {
    this.sns = checkNotNull(sns, "sns");
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
  public SnsServiceClientConfiguration serviceClientConfiguration() {
    return SnsServiceClientConfiguration.builder().region(region).build();
  }

  @Override
  public CreateTopicResponse createTopic(CreateTopicRequest request) {
    String arn =
        retries.call("CreateTopic", () -> sns.createTopic(request.name(), request.attributes()));
    return CreateTopicResponse.builder().topicArn(arn).build();
  }

  @Override
  public DeleteTopicResponse deleteTopic(DeleteTopicRequest request) {
    retries.run("DeleteTopic", () -> sns.deleteTopic(request.topicArn()));
    return DeleteTopicResponse.builder().build();
  }

  @Override
  public ListTopicsResponse listTopics(ListTopicsRequest request) {
    List<String> all = retries.call("ListTopics", sns::listTopics);
    List<String> page = page(all, request.nextToken());
    return ListTopicsResponse.builder()
        .topics(Convert.list(page, arn -> Topic.builder().topicArn(arn).build()))
        .nextToken(nextToken(all, request.nextToken(), page))
        .build();
  }

  @Override
  public GetTopicAttributesResponse getTopicAttributes(GetTopicAttributesRequest request) {
    return GetTopicAttributesResponse.builder()
        .attributes(
            retries.call("GetTopicAttributes", () -> sns.getTopicAttributes(request.topicArn())))
        .build();
  }

  @Override
  public SetTopicAttributesResponse setTopicAttributes(SetTopicAttributesRequest request) {
    retries.run(
        "SetTopicAttributes",
        () ->
            sns.setTopicAttributes(
                request.topicArn(), request.attributeName(), request.attributeValue()));
    return SetTopicAttributesResponse.builder().build();
  }

  @Override
  public SubscribeResponse subscribe(SubscribeRequest request) {
    boolean returnArn = Boolean.TRUE.equals(request.returnSubscriptionArn());
    String arn =
        retries.call(
            "Subscribe",
            () ->
                sns.subscribe(
                    request.topicArn(),
                    request.protocol(),
                    request.endpoint(),
                    request.attributes(),
                    returnArn));
    return SubscribeResponse.builder().subscriptionArn(arn).build();
  }

  @Override
  public ConfirmSubscriptionResponse confirmSubscription(ConfirmSubscriptionRequest request) {
    String arn =
        retries.call(
            "ConfirmSubscription",
            () -> sns.confirmSubscription(request.topicArn(), request.token()));
    return ConfirmSubscriptionResponse.builder().subscriptionArn(arn).build();
  }

  @Override
  public UnsubscribeResponse unsubscribe(UnsubscribeRequest request) {
    retries.run("Unsubscribe", () -> sns.unsubscribe(request.subscriptionArn()));
    return UnsubscribeResponse.builder().build();
  }

  @Override
  public ListSubscriptionsResponse listSubscriptions(ListSubscriptionsRequest request) {
    List<dev.awssim.sns.Subscription> all =
        retries.call("ListSubscriptions", sns::listSubscriptions);
    List<dev.awssim.sns.Subscription> page = page(all, request.nextToken());
    return ListSubscriptionsResponse.builder()
        .subscriptions(subscriptions(page))
        .nextToken(nextToken(all, request.nextToken(), page))
        .build();
  }

  @Override
  public ListSubscriptionsByTopicResponse listSubscriptionsByTopic(
      ListSubscriptionsByTopicRequest request) {
    List<dev.awssim.sns.Subscription> all =
        retries.call(
            "ListSubscriptionsByTopic", () -> sns.listSubscriptionsByTopic(request.topicArn()));
    List<dev.awssim.sns.Subscription> page = page(all, request.nextToken());
    return ListSubscriptionsByTopicResponse.builder()
        .subscriptions(subscriptions(page))
        .nextToken(nextToken(all, request.nextToken(), page))
        .build();
  }

  @Override
  public GetSubscriptionAttributesResponse getSubscriptionAttributes(
      GetSubscriptionAttributesRequest request) {
    return GetSubscriptionAttributesResponse.builder()
        .attributes(
            retries.call(
                "GetSubscriptionAttributes",
                () -> sns.getSubscriptionAttributes(request.subscriptionArn())))
        .build();
  }

  @Override
  public SetSubscriptionAttributesResponse setSubscriptionAttributes(
      SetSubscriptionAttributesRequest request) {
    retries.run(
        "SetSubscriptionAttributes",
        () ->
            sns.setSubscriptionAttributes(
                request.subscriptionArn(), request.attributeName(), request.attributeValue()));
    return SetSubscriptionAttributesResponse.builder().build();
  }

  @Override
  public PublishResponse publish(PublishRequest request) {
    if (request.phoneNumber() != null) {
      throw Unsupported.operation("SNS", "Publish to a phone number");
    }
    String target = request.topicArn() != null ? request.topicArn() : request.targetArn();
    dev.awssim.sns.PublishRequest converted =
        message(
            target,
            request.message(),
            request.subject(),
            request.messageStructure(),
            request.messageAttributes(),
            request.messageGroupId(),
            request.messageDeduplicationId());
    dev.awssim.sns.PublishResult r = retries.call("Publish", () -> sns.publish(converted));
    return PublishResponse.builder()
        .messageId(r.messageId())
        .sequenceNumber(r.sequenceNumber())
        .build();
  }

  @Override
  public PublishBatchResponse publishBatch(PublishBatchRequest request) {
    List<dev.awssim.sns.PublishBatchRequestEntry> entries =
        Convert.list(request.publishBatchRequestEntries(), SimulatedSnsClient::entry);
    dev.awssim.sns.PublishBatchResult r =
        retries.call("PublishBatch", () -> sns.publishBatch(request.topicArn(), entries));
    return PublishBatchResponse.builder()
        .successful(
            Convert.list(
                r.successful(),
                s ->
                    PublishBatchResultEntry.builder()
                        .id(s.id())
                        .messageId(s.messageId())
                        .sequenceNumber(s.sequenceNumber())
                        .build()))
        .failed(
            Convert.list(
                r.failed(),
                f ->
                    BatchResultErrorEntry.builder()
                        .id(f.id())
                        .code(f.code())
                        .message(f.message())
                        .senderFault(f.senderFault())
                        .build()))
        .build();
  }

  private static dev.awssim.sns.PublishBatchRequestEntry entry(PublishBatchRequestEntry e) {
    return new dev.awssim.sns.PublishBatchRequestEntry(
        e.id(),
        message(
            null,
            e.message(),
            e.subject(),
            e.messageStructure(),
            e.messageAttributes(),
            e.messageGroupId(),
            e.messageDeduplicationId()));
  }

  /** The core's Publish parameters from those Publish and a PublishBatch entry share. */
  private static dev.awssim.sns.PublishRequest message(
      String topicArn,
      String message,
      String subject,
      String messageStructure,
      Map<String, MessageAttributeValue> messageAttributes,
      String messageGroupId,
      String messageDeduplicationId) {
    return dev.awssim.sns.PublishRequest.builder(topicArn, message)
        .subject(subject)
        .messageStructure(messageStructure)
        .messageAttributes(attributes(messageAttributes))
        .messageGroupId(messageGroupId)
        .messageDeduplicationId(messageDeduplicationId)
        .build();
  }

  /** The SDK's attributes as the core's, in the request's order (binary values copied). */
  private static Map<String, dev.awssim.sns.MessageAttributeValue> attributes(
      Map<String, MessageAttributeValue> given) {
    Map<String, dev.awssim.sns.MessageAttributeValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, MessageAttributeValue> e : given.entrySet()) {
      MessageAttributeValue v = e.getValue();
      SdkBytes binary = v.binaryValue();
      out.put(
          e.getKey(),
          dev.awssim.sns.MessageAttributeValue.of(
              v.dataType(), v.stringValue(), binary == null ? null : binary.asByteArray()));
    }
    return out;
  }

  /**
   * One page of {@code all} from the position {@code nextToken} names (a decimal offset that the
   * previous page returned).
   *
   * @throws InvalidParameterException for a token no page returned
   */
  private static <T> List<T> page(List<T> all, String nextToken) {
    int from = 0;
    if (nextToken != null) {
      try {
        from = Integer.parseInt(nextToken);
      } catch (NumberFormatException e) {
        from = -1;
      }
      if (from < 0 || from > all.size()) {
        throw invalidParameter("NextToken");
      }
    }
    return all.subList(from, Math.min(all.size(), from + PAGE_SIZE));
  }

  /** The token of the page after {@code page}, or null when it is the last. */
  private static String nextToken(List<?> all, String nextToken, List<?> page) {
    int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
    int end = from + page.size();
    return end < all.size() ? Integer.toString(end) : null;
  }

  private static List<Subscription> subscriptions(List<dev.awssim.sns.Subscription> page) {
    return Convert.list(
        page,
        s ->
            Subscription.builder()
                .subscriptionArn(s.subscriptionArn())
                .owner(s.owner())
                .protocol(s.protocol())
                .endpoint(s.endpoint())
                .topicArn(s.topicArn())
                .build());
  }

  /** The InvalidParameter (400) SNS returns for a bad {@code parameter}. */
  private static InvalidParameterException invalidParameter(String parameter) {
    String message = "Invalid parameter: " + parameter;
    return (InvalidParameterException)
        InvalidParameterException.builder()
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("InvalidParameter")
                    .errorMessage(message)
                    .serviceName("Sns")
                    .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                    .build())
            .statusCode(400)
            .message(message)
            .build();
  }

  @Override
  public AddPermissionResponse addPermission(AddPermissionRequest request) {
    throw Unsupported.operation("SNS", "AddPermission");
  }

  @Override
  public CheckIfPhoneNumberIsOptedOutResponse checkIfPhoneNumberIsOptedOut(
      CheckIfPhoneNumberIsOptedOutRequest request) {
    throw Unsupported.operation("SNS", "CheckIfPhoneNumberIsOptedOut");
  }

  @Override
  public CreatePlatformApplicationResponse createPlatformApplication(
      CreatePlatformApplicationRequest request) {
    throw Unsupported.operation("SNS", "CreatePlatformApplication");
  }

  @Override
  public CreatePlatformEndpointResponse createPlatformEndpoint(
      CreatePlatformEndpointRequest request) {
    throw Unsupported.operation("SNS", "CreatePlatformEndpoint");
  }

  @Override
  public CreateSmsSandboxPhoneNumberResponse createSMSSandboxPhoneNumber(
      CreateSmsSandboxPhoneNumberRequest request) {
    throw Unsupported.operation("SNS", "CreateSMSSandboxPhoneNumber");
  }

  @Override
  public DeleteEndpointResponse deleteEndpoint(DeleteEndpointRequest request) {
    throw Unsupported.operation("SNS", "DeleteEndpoint");
  }

  @Override
  public DeletePlatformApplicationResponse deletePlatformApplication(
      DeletePlatformApplicationRequest request) {
    throw Unsupported.operation("SNS", "DeletePlatformApplication");
  }

  @Override
  public DeleteSmsSandboxPhoneNumberResponse deleteSMSSandboxPhoneNumber(
      DeleteSmsSandboxPhoneNumberRequest request) {
    throw Unsupported.operation("SNS", "DeleteSMSSandboxPhoneNumber");
  }

  @Override
  public GetDataProtectionPolicyResponse getDataProtectionPolicy(
      GetDataProtectionPolicyRequest request) {
    throw Unsupported.operation("SNS", "GetDataProtectionPolicy");
  }

  @Override
  public GetEndpointAttributesResponse getEndpointAttributes(GetEndpointAttributesRequest request) {
    throw Unsupported.operation("SNS", "GetEndpointAttributes");
  }

  @Override
  public GetPlatformApplicationAttributesResponse getPlatformApplicationAttributes(
      GetPlatformApplicationAttributesRequest request) {
    throw Unsupported.operation("SNS", "GetPlatformApplicationAttributes");
  }

  @Override
  public GetSmsAttributesResponse getSMSAttributes(GetSmsAttributesRequest request) {
    throw Unsupported.operation("SNS", "GetSMSAttributes");
  }

  @Override
  public GetSmsSandboxAccountStatusResponse getSMSSandboxAccountStatus(
      GetSmsSandboxAccountStatusRequest request) {
    throw Unsupported.operation("SNS", "GetSMSSandboxAccountStatus");
  }

  @Override
  public ListEndpointsByPlatformApplicationResponse listEndpointsByPlatformApplication(
      ListEndpointsByPlatformApplicationRequest request) {
    throw Unsupported.operation("SNS", "ListEndpointsByPlatformApplication");
  }

  @Override
  public ListOriginationNumbersResponse listOriginationNumbers(
      ListOriginationNumbersRequest request) {
    throw Unsupported.operation("SNS", "ListOriginationNumbers");
  }

  @Override
  public ListPhoneNumbersOptedOutResponse listPhoneNumbersOptedOut(
      ListPhoneNumbersOptedOutRequest request) {
    throw Unsupported.operation("SNS", "ListPhoneNumbersOptedOut");
  }

  @Override
  public ListPlatformApplicationsResponse listPlatformApplications(
      ListPlatformApplicationsRequest request) {
    throw Unsupported.operation("SNS", "ListPlatformApplications");
  }

  @Override
  public ListSmsSandboxPhoneNumbersResponse listSMSSandboxPhoneNumbers(
      ListSmsSandboxPhoneNumbersRequest request) {
    throw Unsupported.operation("SNS", "ListSMSSandboxPhoneNumbers");
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
    throw Unsupported.operation("SNS", "ListTagsForResource");
  }

  @Override
  public OptInPhoneNumberResponse optInPhoneNumber(OptInPhoneNumberRequest request) {
    throw Unsupported.operation("SNS", "OptInPhoneNumber");
  }

  @Override
  public PutDataProtectionPolicyResponse putDataProtectionPolicy(
      PutDataProtectionPolicyRequest request) {
    throw Unsupported.operation("SNS", "PutDataProtectionPolicy");
  }

  @Override
  public RemovePermissionResponse removePermission(RemovePermissionRequest request) {
    throw Unsupported.operation("SNS", "RemovePermission");
  }

  @Override
  public SetEndpointAttributesResponse setEndpointAttributes(SetEndpointAttributesRequest request) {
    throw Unsupported.operation("SNS", "SetEndpointAttributes");
  }

  @Override
  public SetPlatformApplicationAttributesResponse setPlatformApplicationAttributes(
      SetPlatformApplicationAttributesRequest request) {
    throw Unsupported.operation("SNS", "SetPlatformApplicationAttributes");
  }

  @Override
  public SetSmsAttributesResponse setSMSAttributes(SetSmsAttributesRequest request) {
    throw Unsupported.operation("SNS", "SetSMSAttributes");
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    throw Unsupported.operation("SNS", "TagResource");
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    throw Unsupported.operation("SNS", "UntagResource");
  }

  @Override
  public VerifySmsSandboxPhoneNumberResponse verifySMSSandboxPhoneNumber(
      VerifySmsSandboxPhoneNumberRequest request) {
    throw Unsupported.operation("SNS", "VerifySMSSandboxPhoneNumber");
  }
}
