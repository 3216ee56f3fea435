package dev.awssim.wire;

import com.google.common.collect.ImmutableMap;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The services the wire serves over AWS's REST-JSON protocol (restJson1), each known by the signing
 * name of its credential scope and by the HTTP bindings of its operations, which {@link RestRoutes}
 * reads from the SDK's own request marshallers.
 *
 * <p>The Java SDK does not keep an operation's success status (the model's {@code @http(code)}):
 * its clients take any 2xx. AWS sends 201, 202 or 204 for some operations, and so does the wire,
 * from the table each service carries here (checked against botocore's copy of the AWS model by
 * {@code RestJsonTest}); every other operation answers 200, or the status its response's {@code
 * StatusCode} member holds ({@code Invoke}).
 */
enum RestService {
  /**
   * Lambda: https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html. Its errors carry a
   * {@code Type} member, {@code User} or {@code Service}
   * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_Errors).
   */
  LAMBDA(
      "lambda",
      LambdaClient.class,
      true,
      ImmutableMap.<String, Integer>builder()
          .put("AddLayerVersionPermission", 201)
          .put("AddPermission", 201)
          .put("CreateAlias", 201)
          .put("CreateCapacityProvider", 202)
          .put("CreateCodeSigningConfig", 201)
          .put("CreateEventSourceMapping", 202)
          .put("CreateFunction", 201)
          .put("CreateFunctionUrlConfig", 201)
          .put("DeleteAlias", 204)
          .put("DeleteCapacityProvider", 202)
          .put("DeleteCodeSigningConfig", 204)
          .put("DeleteEventSourceMapping", 202)
          .put("DeleteFunctionCodeSigningConfig", 204)
          .put("DeleteFunctionConcurrency", 204)
          .put("DeleteFunctionEventInvokeConfig", 204)
          .put("DeleteFunctionUrlConfig", 204)
          .put("DeleteLayerVersion", 204)
          .put("DeleteProvisionedConcurrencyConfig", 204)
          .put("InvokeAsync", 202)
          .put("PublishLayerVersion", 201)
          .put("PublishVersion", 201)
          .put("PutFunctionScalingConfig", 202)
          .put("PutProvisionedConcurrencyConfig", 202)
          .put("RemoveLayerVersionPermission", 204)
          .put("RemovePermission", 204)
          .put("TagResource", 204)
          .put("UntagResource", 204)
          .put("UpdateCapacityProvider", 202)
          .put("UpdateEventSourceMapping", 202)
          .buildOrThrow());

  private final String signingName;
  private final Class<?> clientInterface;
  private final boolean typeMember;

  @SuppressWarnings("ImmutableEnumChecker") // an ImmutableMap of integers, never changed
  private final ImmutableMap<String, Integer> successStatus;

  @SuppressWarnings("ImmutableEnumChecker") // built once, never changed
  private volatile RestRoutes routes;

  RestService(
      String signingName,
      Class<?> clientInterface,
      boolean typeMember,
      ImmutableMap<String, Integer> successStatus) {
    this.signingName = signingName;
    this.clientInterface = clientInterface;
    this.typeMember = typeMember;
    this.successStatus = successStatus;
  }

  /** The signing name of the service's credential scope ({@code lambda}). */
  String signingName() {
    return signingName;
  }

  /** The service's operations and their HTTP bindings, read from the SDK once, when first used. */
  RestRoutes routes() {
    RestRoutes r = routes;
    if (r == null) {
      synchronized (this) {
        r = routes;
        if (r == null) {
          r = RestRoutes.of(Operations.of(clientInterface));
          routes = r;
        }
      }
    }
    return r;
  }

  /** The status of a successful {@code operation}: AWS's model's, 200 unless it says otherwise. */
  int successStatus(String operation) {
    return successStatus.getOrDefault(operation, 200);
  }

  /** The operations whose success status is not 200, with it (for the test against the model). */
  ImmutableMap<String, Integer> successStatuses() {
    return successStatus;
  }

  /**
   * Whether the service's errors carry {@code "Type": "User"} (a 4xx) or {@code "Service"} (a 5xx)
   * when the exception does not say.
   */
  boolean typeMember() {
    return typeMember;
  }

  /** The service whose credential scope names {@code signingName}, or null. */
  static RestService bySigningName(String signingName) {
    for (RestService s : values()) {
      if (s.signingName.equals(signingName)) {
        return s;
      }
    }
    return null;
  }
}
