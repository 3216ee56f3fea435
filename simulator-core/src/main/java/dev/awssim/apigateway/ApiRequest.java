package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;
import java.util.Optional;

/**
 * A request to a deployed API: API id, stage, HTTP method and path, and optionally an API key
 * ({@code x-api-key}), headers, query parameters and a body.
 *
 * <pre>{@code
 * ApiRequest r = ApiRequest.builder(apiId, "prod", "GET", "/pets/7")
 *     .apiKey("abcdefghij0123456789")
 *     .header("Cache-Control", "max-age=0")
 *     .build();
 * }</pre>
 */
public final class ApiRequest {
  private final String apiId;
  private final String stage;
  private final String httpMethod;
  private final String path;
  private final String apiKey;
  private final ImmutableMap<String, String> headers;
  private final ImmutableMap<String, String> queryParameters;
  private final String body;
  private final boolean authorizedToInvalidateCache;

  private ApiRequest(Builder b) {
    this.apiId = b.apiId;
    this.stage = b.stage;
    this.httpMethod = b.httpMethod;
    this.path = b.path;
    this.apiKey = b.apiKey;
    this.headers = b.headers.buildKeepingLast();
    this.queryParameters = b.queryParameters.buildKeepingLast();
    this.body = b.body;
    this.authorizedToInvalidateCache = b.authorizedToInvalidateCache;
  }

  /**
   * A request without key, headers, parameters or body.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ApiRequest of(String apiId, String stage, String httpMethod, String path) {
    return builder(apiId, stage, httpMethod, path).build();
  }

  /**
   * A builder for a request.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(String apiId, String stage, String httpMethod, String path) {
    return new Builder(apiId, stage, httpMethod, path);
  }

  /** The API id. */
  public String apiId() {
    return apiId;
  }

  /** The stage name. */
  public String stage() {
    return stage;
  }

  /** The HTTP method, upper case. */
  public String httpMethod() {
    return httpMethod;
  }

  /** The path, such as {@code /pets/7}. */
  public String path() {
    return path;
  }

  /** The API key sent in {@code x-api-key}, if any. */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  String apiKeyOrNull() {
    return apiKey;
  }

  /** The headers. */
  public ImmutableMap<String, String> headers() {
    return headers;
  }

  /** The query string parameters. */
  public ImmutableMap<String, String> queryParameters() {
    return queryParameters;
  }

  /** The body ("" when none). */
  public String body() {
    return body;
  }

  /** Whether the caller holds {@code execute-api:InvalidateCache} (simulated IAM). */
  public boolean authorizedToInvalidateCache() {
    return authorizedToInvalidateCache;
  }

  /** The value of header {@code name}, compared case-insensitively, or null. */
  String header(String name) {
    for (var e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return httpMethod + " " + apiId + "/" + stage + path;
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final String apiId;
    private final String stage;
    private final String httpMethod;
    private final String path;
    private String apiKey;
    private final ImmutableMap.Builder<String, String> headers = ImmutableMap.builder();
    private final ImmutableMap.Builder<String, String> queryParameters = ImmutableMap.builder();
    private String body = "";
    private boolean authorizedToInvalidateCache;

    private Builder(String apiId, String stage, String httpMethod, String path) {
      this.apiId = checkNotNull(apiId, "apiId");
      this.stage = checkNotNull(stage, "stage");
      this.httpMethod = checkNotNull(httpMethod, "httpMethod").toUpperCase(Locale.ROOT);
      this.path = checkNotNull(path, "path");
    }

    /** The API key, sent as {@code x-api-key}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = checkNotNull(apiKey, "apiKey");
      return this;
    }

    /** A header (the last value of a name wins). */
    public Builder header(String name, String value) {
      headers.put(checkNotNull(name, "name"), checkNotNull(value, "value"));
      return this;
    }

    /** A query string parameter (the last value of a name wins). */
    public Builder queryParameter(String name, String value) {
      queryParameters.put(checkNotNull(name, "name"), checkNotNull(value, "value"));
      return this;
    }

    /** The body. */
    public Builder body(String body) {
      this.body = checkNotNull(body, "body");
      return this;
    }

    /** Whether the caller is authorized to invalidate cache entries (IAM, simulated). */
    public Builder authorizedToInvalidateCache(boolean authorized) {
      this.authorizedToInvalidateCache = authorized;
      return this;
    }

    /** Builds the request. */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
