package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;

/** The error tables: modelled classes, details, and the SDK's own throttling verdict. */
class SdkErrorsTest {
  private static AwsServiceException translate(ServiceErrors errors, String code, int status) {
    return errors.translate(new FakeServiceError("x", code, status), "req-1");
  }

  @ParameterizedTest
  @CsvSource({
    "KINESIS, ProvisionedThroughputExceededException, 400",
    "DYNAMODB, ProvisionedThroughputExceededException, 400",
    "DYNAMODB, ThrottlingException, 400",
    "DYNAMODB, RequestLimitExceeded, 400",
    "DYNAMODB, TransactionInProgressException, 400",
    "SQS, RequestThrottled, 403",
    "KINESIS, AnythingAt429, 429",
  })
  void throttlingCodes_sdkSaysThrottling_andRetries(String service, String code, int status) {
    AwsServiceException e = translate(errors(service), code, status);
    assertTrue(e.isThrottlingException(), code);
    assertTrue(RetryExecutor.isRetryable(e), code);
  }

  @ParameterizedTest
  @CsvSource({
    "DYNAMODB, ConditionalCheckFailedException, 400",
    "DYNAMODB, ValidationException, 400",
    "KINESIS, LimitExceededException, 400",
    "KINESIS, ResourceNotFoundException, 400",
    "SQS, OverLimit, 403",
  })
  void clientErrors_notThrottling_notRetried(String service, String code, int status) {
    AwsServiceException e = translate(errors(service), code, status);
    assertFalse(e.isThrottlingException(), code);
    assertFalse(RetryExecutor.isRetryable(e), code);
  }

  private static ServiceErrors errors(String name) {
    return switch (name) {
      case "SQS" -> SdkErrors.SQS;
      case "KINESIS" -> SdkErrors.KINESIS;
      default -> SdkErrors.DYNAMODB;
    };
  }

  @Test
  void kinesisCodes_becomeModelledClasses() {
    assertInstanceOf(
        ProvisionedThroughputExceededException.class,
        translate(SdkErrors.KINESIS, "ProvisionedThroughputExceededException", 400));
    assertInstanceOf(
        ExpiredIteratorException.class,
        translate(SdkErrors.KINESIS, "ExpiredIteratorException", 400));
    assertSame(KinesisException.class, translate(SdkErrors.KINESIS, "UnknownCode", 400).getClass());
  }

  @Test
  void dynamoDbCodes_modelledClassesAndGenericFallback() {
    assertInstanceOf(
        ThrottlingException.class, translate(SdkErrors.DYNAMODB, "ThrottlingException", 400));
    assertInstanceOf(
        RequestLimitExceededException.class,
        translate(SdkErrors.DYNAMODB, "RequestLimitExceeded", 400));
    AwsServiceException validation = translate(SdkErrors.DYNAMODB, "ValidationException", 400);
    assertSame(DynamoDbException.class, validation.getClass());
    assertEquals("ValidationException", validation.awsErrorDetails().errorCode());
  }

  @Test
  void details_carryCodeMessageServiceStatusAndRequestId() {
    AwsServiceException e =
        translate(SdkErrors.DYNAMODB_STREAMS, "TrimmedDataAccessException", 400);
    assertEquals("TrimmedDataAccessException", e.awsErrorDetails().errorCode());
    assertEquals("simulated TrimmedDataAccessException", e.awsErrorDetails().errorMessage());
    assertEquals("DynamoDbStreams", e.awsErrorDetails().serviceName());
    assertEquals(400, e.awsErrorDetails().sdkHttpResponse().statusCode());
    assertEquals(400, e.statusCode());
    assertEquals("req-1", e.requestId());
  }

  @Test
  void serverError_500_retriedButNotThrottling() {
    AwsServiceException e = translate(SdkErrors.KINESIS, "InternalFailureException", 500);
    assertFalse(e.isThrottlingException());
    assertTrue(RetryExecutor.isRetryable(e));
  }
}
