package dev.awssim.wire;

import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.ApiGatewayException;
import dev.awssim.apigateway.ApiRequest;
import dev.awssim.apigateway.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The API Gateway data plane: plain HTTP to the simulated REST and HTTP APIs. A request reaches API
 * {@code id}, stage {@code stage} either by path, {@code /restapis/{id}/{stage}/_user_request_/...}
 * (the form local emulators use), or by host, {@code {id}.execute-api.<anything>} with path {@code
 * /{stage}/...} (AWS's own form,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html). The answer is
 * the simulated API's: its integration's status and body, or a gateway response such as 429 {@code
 * {"message":"Too Many Requests"}}.
 */
final class ApiGatewayDataPlane {
  static final String PATH_PREFIX = "/restapis/";
  private static final String USER_REQUEST = "/_user_request_";

  private ApiGatewayDataPlane() {}

  /**
   * Whether {@code request} is addressed to a simulated API: by host, or by a path {@code
   * /restapis/{id}/{stage}/_user_request_...} (other {@code /restapis/} paths are the control
   * plane's).
   */
  static boolean matches(WireRequest request) {
    if (hostApiId(request) != null) {
      return true;
    }
    String path = request.path();
    if (!path.startsWith(PATH_PREFIX)) {
      return false;
    }
    String[] parts = path.split("/", 5); // "", restapis, id, stage, _user_request_...
    return parts.length >= 5 && parts[4].startsWith(USER_REQUEST.substring(1));
  }

  private static String hostApiId(WireRequest request) {
    String host = request.header("host");
    if (host == null) {
      return null;
    }
    int dot = host.indexOf(".execute-api.");
    return dot > 0 ? host.substring(0, dot) : null;
  }

  static WireResponse handle(ApiGateway gateway, WireRequest request) {
    String apiId;
    String stage;
    String path;
    String hostId = hostApiId(request);
    String raw = request.path();
    if (hostId != null && !raw.startsWith(PATH_PREFIX)) {
      apiId = hostId;
      int slash = raw.indexOf('/', 1);
      stage = slash < 0 ? raw.substring(1) : raw.substring(1, slash);
      path = slash < 0 ? "/" : raw.substring(slash);
    } else {
      String rest = raw.substring(PATH_PREFIX.length());
      int first = rest.indexOf('/');
      int second = first < 0 ? -1 : rest.indexOf('/', first + 1);
      if (first < 0) {
        return notFound();
      }
      apiId = rest.substring(0, first);
      stage = second < 0 ? rest.substring(first + 1) : rest.substring(first + 1, second);
      String tail = second < 0 ? "" : rest.substring(second);
      if (!tail.startsWith(USER_REQUEST)) {
        return notFound();
      }
      path = tail.substring(USER_REQUEST.length());
      if (path.isEmpty()) {
        path = "/";
      }
    }
    ApiRequest.Builder b =
        ApiRequest.builder(apiId, stage, request.method().toUpperCase(Locale.ROOT), path)
            .body(new String(request.body(), StandardCharsets.UTF_8));
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    String apiKey = request.header("x-api-key");
    if (apiKey != null) {
      b.apiKey(apiKey);
    }
    if (request.query() != null) {
      for (Map.Entry<String, String> q : QueryProtocol.parse(request.query()).entrySet()) {
        b.queryParameter(q.getKey(), q.getValue());
      }
    }
    try {
      ApiResponse r = gateway.invoke(b.build());
      String contentType = "application/json";
      WireResponse out =
          WireResponse.of(r.statusCode(), contentType, r.body().getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> h : r.headers().entrySet()) {
        if (h.getKey().equalsIgnoreCase("content-type")) {
          out = new WireResponse(out.status(), h.getValue(), out.headers(), out.body());
        } else {
          out = out.withHeader(h.getKey(), h.getValue());
        }
      }
      return r.errorType() == null ? out : out.withHeader("x-amzn-ErrorType", r.errorType());
    } catch (ApiGatewayException e) {
      return WireResponse.json(
          e.statusCode(), "{\"message\":\"" + Json.escape(e.errorMessage()) + "\"}");
    }
  }

  private static WireResponse notFound() {
    return WireResponse.json(404, "{\"message\":\"Not Found\"}");
  }
}
