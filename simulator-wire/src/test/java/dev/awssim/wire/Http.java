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

  static HttpResponse<byte[]> admin(WireServer server, String method, String pathAndQuery) {
    return send(
        HttpRequest.newBuilder(URI.create(server.endpoint() + "/_awssim/" + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
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
