package dev.awssim.awssdk;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.IndexNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.kinesis.model.AccessDeniedException;
import software.amazon.awssdk.services.kinesis.model.ExpiredNextTokenException;
import software.amazon.awssdk.services.kinesis.model.InternalFailureException;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ValidationException;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.InvalidIdFormatException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.OverLimitException;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueDeletedRecentlyException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * The error tables of the four SDK clients: which modelled exception class each AWS error code
 * becomes, read from the generated clients of SDK 2.40.2 ({@code DefaultSqsClient}, {@code
 * DefaultKinesisClient}, {@code DefaultDynamoDbClient}, {@code DefaultDynamoDbStreamsClient}).
 */
final class SdkErrors {
  private SdkErrors() {}

  private static ImmutableMap.Builder<String, Supplier<AwsServiceException.Builder>> table() {
    return ImmutableMap.builder();
  }

  /**
   * SQS speaks the JSON protocol with the {@code awsQueryCompatible} trait: the exception class
   * follows the JSON error code ({@code QueueDoesNotExist}) while {@code awsErrorDetails()
   * .errorCode()} reports the legacy query code of the {@code x-amzn-query-error} header ({@code
   * AWS.SimpleQueueService.NonExistentQueue}), as {@code AwsJsonProtocolErrorUnmarshaller
   * .getEffectiveErrorCode} does.
   */
  static final ServiceErrors SQS =
      new ServiceErrors(
          "Sqs",
          SqsException::builder,
          table()
              .put("BatchEntryIdsNotDistinct", BatchEntryIdsNotDistinctException::builder)
              .put("BatchRequestTooLong", BatchRequestTooLongException::builder)
              .put("EmptyBatchRequest", EmptyBatchRequestException::builder)
              .put("InvalidAttributeName", InvalidAttributeNameException::builder)
              .put("InvalidAttributeValue", InvalidAttributeValueException::builder)
              .put("InvalidBatchEntryId", InvalidBatchEntryIdException::builder)
              .put("InvalidIdFormat", InvalidIdFormatException::builder)
              .put("InvalidMessageContents", InvalidMessageContentsException::builder)
              .put("MessageNotInflight", MessageNotInflightException::builder)
              .put("OverLimit", OverLimitException::builder)
              .put("PurgeQueueInProgress", PurgeQueueInProgressException::builder)
              .put("QueueDeletedRecently", QueueDeletedRecentlyException::builder)
              .put("QueueDoesNotExist", QueueDoesNotExistException::builder)
              .put("QueueNameExists", QueueNameExistsException::builder)
              .put("ReceiptHandleIsInvalid", ReceiptHandleIsInvalidException::builder)
              .put("RequestThrottled", RequestThrottledException::builder)
              .put(
                  "ResourceNotFoundException",
                  software.amazon.awssdk.services.sqs.model.ResourceNotFoundException::builder)
              .put("TooManyEntriesInBatchRequest", TooManyEntriesInBatchRequestException::builder)
              .buildOrThrow(),
          SdkErrors::sqsDetailCode,
          SdkErrors::noMembers);

  /** Kinesis: the error code is the exception's simple name. */
  static final ServiceErrors KINESIS =
      new ServiceErrors(
          "Kinesis",
          KinesisException::builder,
          table()
              .put("AccessDeniedException", AccessDeniedException::builder)
              .put(
                  "ExpiredIteratorException",
                  software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException::builder)
              .put("ExpiredNextTokenException", ExpiredNextTokenException::builder)
              .put("InternalFailureException", InternalFailureException::builder)
              .put("InvalidArgumentException", InvalidArgumentException::builder)
              .put(
                  "LimitExceededException",
                  software.amazon.awssdk.services.kinesis.model.LimitExceededException::builder)
              .put(
                  "ProvisionedThroughputExceededException",
                  software.amazon.awssdk.services.kinesis.model
                          .ProvisionedThroughputExceededException
                      ::builder)
              .put(
                  "ResourceInUseException",
                  software.amazon.awssdk.services.kinesis.model.ResourceInUseException::builder)
              .put(
                  "ResourceNotFoundException",
                  software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException::builder)
              .put("ValidationException", ValidationException::builder)
              .buildOrThrow(),
          dev.awssim.engine.AwsServiceException::errorCode,
          SdkErrors::noMembers);

  private static final ImmutableMap<String, Supplier<AwsServiceException.Builder>>
      DYNAMODB_MODELLED =
          table()
              .put("ConditionalCheckFailedException", ConditionalCheckFailedException::builder)
              .put("DuplicateItemException", DuplicateItemException::builder)
              .put(
                  "ExpiredIteratorException",
                  software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException::builder)
              .put(
                  "IdempotentParameterMismatchException",
                  IdempotentParameterMismatchException::builder)
              .put("IndexNotFoundException", IndexNotFoundException::builder)
              .put("InternalServerError", InternalServerErrorException::builder)
              .put(
                  "ItemCollectionSizeLimitExceededException",
                  ItemCollectionSizeLimitExceededException::builder)
              .put(
                  "LimitExceededException",
                  software.amazon.awssdk.services.dynamodb.model.LimitExceededException::builder)
              .put(
                  "ProvisionedThroughputExceededException",
                  software.amazon.awssdk.services.dynamodb.model
                          .ProvisionedThroughputExceededException
                      ::builder)
              .put("RequestLimitExceeded", RequestLimitExceededException::builder)
              .put("ResourceInUseException", ResourceInUseException::builder)
              .put(
                  "ResourceNotFoundException",
                  software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException::builder)
              .put("ThrottlingException", ThrottlingException::builder)
              .put("TransactionCanceledException", TransactionCanceledException::builder)
              .put("TransactionConflictException", TransactionConflictException::builder)
              .put("TransactionInProgressException", TransactionInProgressException::builder)
              .put("TrimmedDataAccessException", TrimmedDataAccessException::builder)
              .buildOrThrow();

  /**
   * DynamoDB: the error code is the exception's simple name, except {@code InternalServerError}.
   */
  static final ServiceErrors DYNAMODB =
      new ServiceErrors(
          "DynamoDb",
          DynamoDbException::builder,
          DYNAMODB_MODELLED,
          dev.awssim.engine.AwsServiceException::errorCode,
          SdkErrors::dynamoDbMembers);

  /** DynamoDB Streams shares DynamoDB's model package and exception classes. */
  static final ServiceErrors DYNAMODB_STREAMS =
      new ServiceErrors(
          "DynamoDbStreams",
          DynamoDbException::builder,
          DYNAMODB_MODELLED,
          dev.awssim.engine.AwsServiceException::errorCode,
          SdkErrors::dynamoDbMembers);

  private static void noMembers(
      dev.awssim.engine.AwsServiceException e, AwsServiceException.Builder b) {
    // SQS and Kinesis errors carry no members beyond code and message.
  }

  /**
   * The members DynamoDB errors carry: {@code CancellationReasons} of a TransactionCanceled, the
   * {@code Item} of a ConditionalCheckFailed (ReturnValuesOnConditionCheckFailure=ALL_OLD), and the
   * {@code ThrottlingReasons} of a throttle.
   */
  private static void dynamoDbMembers(
      dev.awssim.engine.AwsServiceException e, AwsServiceException.Builder b) {
    if (!(e instanceof dev.awssim.dynamodb.DynamoDbException d)) {
      return;
    }
    if (b instanceof TransactionCanceledException.Builder t) {
      t.cancellationReasons(DynamoDbResponses.reasons(d.cancellationReasons()));
    } else if (b instanceof ConditionalCheckFailedException.Builder c) {
      c.item(AttributeValues.toSdk(d.item()));
    } else if (!d.throttlingReasons().isEmpty()) {
      List<ThrottlingReason> reasons =
          Convert.list(
              d.throttlingReasons(),
              r -> ThrottlingReason.builder().reason(r.reason()).resource(r.resourceArn()).build());
      if (b
          instanceof
          software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException
                  .Builder
              p) {
        p.throttlingReasons(reasons);
      } else if (b instanceof ThrottlingException.Builder t) {
        t.throttlingReasons(reasons);
      } else if (b instanceof RequestLimitExceededException.Builder r) {
        r.throttlingReasons(reasons);
      }
    }
  }

  private static String sqsDetailCode(dev.awssim.engine.AwsServiceException e) {
    return e instanceof dev.awssim.sqs.SqsException s ? s.queryErrorCode() : e.errorCode();
  }
}
