package dev.awssim.wire;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The services the wire serves over AWS's REST-JSON protocol (restJson1), each known by the signing
 * name of its credential scope and by the HTTP bindings of its operations, which {@link RestRoutes}
 * reads from the SDK's own request marshallers.
 *
 * <p>The Java SDK does not keep an operation's success status (the model's {@code @http(code)}):
 * its clients take any 2xx. AWS sends 201, 202 or 204 for some operations, and so does the wire,
 * from the table in {@code rest-success-status.properties} (AWS's models, checked against
 * botocore's copy of them by {@code RestRoutesTest}); every other operation answers 200, or the
 * status its response's {@code StatusCode} member holds ({@code Invoke}).
 */
enum RestService {
  /**
   * Lambda: https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html. Its errors carry a
   * {@code Type} member, {@code User} or {@code Service}
   * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_Errors).
   */
  LAMBDA("lambda", LambdaClient.class, true),
  /**
   * API Gateway's control plane (REST APIs, stages, usage plans): errors are {@code {"message":
   * ...}}. https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html
   */
  APIGATEWAY("apigateway", ApiGatewayClient.class, false),
  /**
   * X-Ray's sampling (GetSamplingRules, GetSamplingTargets, the rule operations) and the other
   * operations the simulated client serves: errors are {@code {"message": ...}} with the code in
   * {@code x-amzn-ErrorType}. https://docs.aws.amazon.com/xray/latest/api/API_Operations.html
   */
  XRAY("xray", XRayClient.class, false);

  private static final String STATUS_TABLE = "rest-success-status.properties";

  private final String signingName;
  private final Class<?> clientInterface;
  private final boolean typeMember;

  @SuppressWarnings("ImmutableEnumChecker") // an ImmutableMap of integers, never changed
  private final ImmutableMap<String, Integer> successStatus;

  @SuppressWarnings("ImmutableEnumChecker") // built once, never changed
  private volatile RestRoutes routes;

  RestService(String signingName, Class<?> clientInterface, boolean typeMember) {
    this.signingName = signingName;
    this.clientInterface = clientInterface;
    this.typeMember = typeMember;
    this.successStatus = successStatuses(signingName);
  }

  /** The rows of {@link #STATUS_TABLE} for the service {@code signingName}, by operation. */
  private static ImmutableMap<String, Integer> successStatuses(String signingName) {
    Properties table = new Properties();
    try (InputStream in = RestService.class.getResourceAsStream(STATUS_TABLE)) {
      table.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImmutableMap.Builder<String, Integer> out = ImmutableMap.builder();
    String prefix = signingName + ".";
    for (String key : table.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        out.put(key.substring(prefix.length()), Integer.valueOf(table.getProperty(key)));
      }
    }
    return out.buildOrThrow();
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
