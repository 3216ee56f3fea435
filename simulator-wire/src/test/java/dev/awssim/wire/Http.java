package dev.awssim.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP calls to a {@link WireServer}, for what SDK clients would never send. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  static HttpResponse<byte[]> post(
      WireServer server, String path, String target, String contentType, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.endpoint() + path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.build());
  }

  static HttpResponse<byte[]> post(
      WireServer server, String target, String contentType, String body) {
    return post(server, "/", target, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A request with any method, headers and body (GET and DELETE send no body). */
  static HttpResponse<byte[]> request(
      WireServer server,
      String method,
      String pathAndQuery,
      java.util.Map<String, String> headers,
      byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.endpoint() + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return send(b.build());
  }

  static HttpResponse<byte[]> admin(WireServer server, String method, String pathAndQuery) {
    return send(
        HttpRequest.newBuilder(URI.create(server.endpoint() + "/_awssim/" + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /**
   * The admin statistics of a metric with one dimension: its Sum over the minute from {@code
   * start}, as JSON ({@code {"datapoints":[{"timestamp": ..., "value": ...}]}}).
   */
  static String sumPerMinute(
      WireServer server,
      String namespace,
      String metricName,
      String dimension,
      String value,
      java.time.Instant start) {
    HttpResponse<byte[]> r =
        admin(
            server,
            "GET",
            "metrics/statistics?namespace="
                + namespace
                + "&metricName="
                + metricName
                + "&dimension."
                + dimension
                + "="
                + value
                + "&period=60&statistic=Sum&start="
                + start
                + "&end="
                + start.plusSeconds(60));
    if (r.statusCode() != 200) {
      throw new AssertionError(text(r));
    }
    return text(r);
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
