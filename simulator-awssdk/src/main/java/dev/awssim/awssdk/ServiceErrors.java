package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Turns a simulator error into the exception an SDK client of one service throws for the same HTTP
 * response: the modelled class of the error code (such as {@code QueueDoesNotExistException}), or
 * the service's base class ({@code SqsException}) for a code the SDK does not model, with {@code
 * awsErrorDetails()} carrying the error code, message, service name and HTTP status.
 */
final class ServiceErrors {
  private final String serviceName;
  private final Supplier<AwsServiceException.Builder> generic;
  private final ImmutableMap<String, Supplier<AwsServiceException.Builder>> modelled;
  private final Function<dev.awssim.engine.AwsServiceException, String> detailCode;
  private final BiConsumer<dev.awssim.engine.AwsServiceException, AwsServiceException.Builder>
      members;

  /**
   * @param serviceName the name SDK exceptions report ({@code DefaultSqsBaseClientBuilder
   *     .serviceName()}: {@code Sqs}, {@code Kinesis}, {@code DynamoDb}, {@code DynamoDbStreams})
   * @param generic the service's base exception builder
   * @param modelled the modelled exception builder per error code
   * @param detailCode the code {@code awsErrorDetails().errorCode()} reports
   * @param members copies the error's modelled members (cancellation reasons, ...) to the builder
   */
  ServiceErrors(
      String serviceName,
      Supplier<AwsServiceException.Builder> generic,
      ImmutableMap<String, Supplier<AwsServiceException.Builder>> modelled,
      Function<dev.awssim.engine.AwsServiceException, String> detailCode,
      BiConsumer<dev.awssim.engine.AwsServiceException, AwsServiceException.Builder> members) {
    this.serviceName = checkNotNull(serviceName, "serviceName");
    this.generic = checkNotNull(generic, "generic");
    this.modelled = checkNotNull(modelled, "modelled");
    this.detailCode = checkNotNull(detailCode, "detailCode");
    this.members = checkNotNull(members, "members");
  }

  /** The name SDK exceptions of this service report, such as {@code Sqs}. */
  String serviceName() {
    return serviceName;
  }

  /**
   * The ValidationException (HTTP 400) the service returns for a request the adapter rejects before
   * the simulator sees it (an unknown enum value, a missing required member).
   */
  AwsServiceException validation(String message) {
    return error("ValidationException", 400, message);
  }

  /**
   * The exception the service returns with {@code errorCode} and {@code statusCode}, for a request
   * the adapter rejects before the simulator sees it (such as API Gateway's BadRequestException for
   * a paging position no page returned).
   */
  AwsServiceException error(String errorCode, int statusCode, String message) {
    return modelled
        .getOrDefault(errorCode, generic)
        .get()
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode(errorCode)
                .errorMessage(message)
                .serviceName(serviceName)
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(statusCode).build())
                .build())
        .statusCode(statusCode)
        .message(message)
        .build();
  }

  /** The value of {@code type} named {@code value} (null stays null). */
  <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw validation(
          "1 validation error detected: Value '"
              + value
              + "' failed to satisfy constraint: Member must satisfy enum value set");
    }
  }

  /** {@code value}, or the ValidationException for a missing required {@code member}. */
  <T> T required(T value, String member) {
    if (value == null) {
      throw validation(
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  /** The SDK exception for {@code e}, as the SDK would unmarshal it from AWS's response. */
  AwsServiceException translate(dev.awssim.engine.AwsServiceException e, String requestId) {
    AwsErrorDetails details =
        AwsErrorDetails.builder()
            .errorCode(detailCode.apply(e))
            .errorMessage(e.errorMessage())
            .serviceName(serviceName)
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(e.statusCode()).build())
            .build();
    AwsServiceException.Builder b = modelled.getOrDefault(e.errorCode(), generic).get();
    b.awsErrorDetails(details);
    b.statusCode(e.statusCode());
    b.message(e.errorMessage());
    b.requestId(requestId);
    b.cause(e);
    members.accept(e, b);
    return b.build();
  }
}
