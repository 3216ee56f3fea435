package dev.awssim.lambda.awssdk;

import com.google.common.collect.ImmutableMap;
import dev.awssim.lambda.LambdaException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Turns a {@link LambdaException} into the exception the SDK's {@code LambdaClient} throws for the
 * same response: the modelled class of the error code, or the base {@code LambdaException}, with
 * {@code awsErrorDetails()} carrying code, message, service name ({@code Lambda}) and HTTP status.
 * Error shapes: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
final class LambdaSdkErrors {
  /** The name the SDK's Lambda exceptions report ({@code DefaultLambdaBaseClientBuilder}). */
  static final String SERVICE_NAME = "Lambda";

  private static final ImmutableMap<String, Supplier<AwsServiceException.Builder>> MODELLED =
      ImmutableMap.<String, Supplier<AwsServiceException.Builder>>builder()
          .put("InvalidParameterValueException", InvalidParameterValueException::builder)
          .put("PreconditionFailedException", PreconditionFailedException::builder)
          .put("RequestTooLargeException", RequestTooLargeException::builder)
          .put("ResourceConflictException", ResourceConflictException::builder)
          .put("ResourceInUseException", ResourceInUseException::builder)
          .put("ResourceNotFoundException", ResourceNotFoundException::builder)
          .build();

  private LambdaSdkErrors() {}

  /** The SDK exception for {@code e}. */
  static AwsServiceException translate(LambdaException e) {
    AwsErrorDetails details =
        AwsErrorDetails.builder()
            .errorCode(e.errorCode())
            .errorMessage(e.errorMessage())
            .serviceName(SERVICE_NAME)
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(e.statusCode()).build())
            .build();
    AwsServiceException.Builder b;
    if (e.errorCode().equals("TooManyRequestsException")) {
      TooManyRequestsException.Builder t = TooManyRequestsException.builder();
      e.reason().ifPresent(r -> t.reason(r.name()));
      t.retryAfterSeconds(Long.toString(e.retryAfterSeconds()));
      t.type("User");
      b = t;
    } else {
      b =
          MODELLED
              .getOrDefault(
                  e.errorCode(),
                  software.amazon.awssdk.services.lambda.model.LambdaException::builder)
              .get();
    }
    b.awsErrorDetails(details);
    b.statusCode(e.statusCode());
    b.message(e.errorMessage());
    b.cause(e);
    return b.build();
  }

  /** The InvalidParameterValueException (400) for a request the adapter rejects itself. */
  static AwsServiceException invalidParameterValue(String message) {
    return error(
        InvalidParameterValueException.builder(), "InvalidParameterValueException", message);
  }

  /**
   * The ValidationException (400) of a member outside its modelled constraints; the SDK has no
   * class of its own for it, so it is the base {@code LambdaException}.
   */
  static AwsServiceException validation(String message) {
    return error(
        software.amazon.awssdk.services.lambda.model.LambdaException.builder(),
        "ValidationException",
        message);
  }

  private static AwsServiceException error(
      AwsServiceException.Builder b, String code, String message) {
    return b.awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName(SERVICE_NAME)
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                .build())
        .statusCode(400)
        .message(message)
        .build();
  }
}
