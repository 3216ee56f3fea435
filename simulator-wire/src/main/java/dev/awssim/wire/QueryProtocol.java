package dev.awssim.wire;

import dev.awssim.awssdk.SimulatedAws;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS Query protocol for SQS (form parameters in, XML out), which older AWS CLIs still speak.
 */
final class QueryProtocol {
  private QueryProtocol() {}

  /** The {@code Action} of a form-encoded request, or null when it is not a Query request. */
  static String action(WireRequest request) {
    return form(request).get("Action");
  }

  /** The form parameters of the body (POST) or the query string, in their order. */
  static Map<String, String> form(WireRequest request) {
    String contentType = request.header("content-type");
    String raw;
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      raw = new String(request.body(), StandardCharsets.UTF_8);
    } else if (request.query() != null && "GET".equals(request.method())) {
      raw = request.query();
    } else {
      return Map.of();
    }
    return parse(raw);
  }

  /** The parameters of a URL-encoded form, in their order; empty if it is not well-formed. */
  static Map<String, String> parse(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.put(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return Map.of();
      }
    }
    return out;
  }

  static WireResponse handle(SimulatedAws aws, WireRequest request) {
    return WireResponse.of(
        400,
        "text/xml",
        ("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>The Query"
                + " protocol is not served yet</Message></Error></ErrorResponse>")
            .getBytes(StandardCharsets.UTF_8));
  }
}
