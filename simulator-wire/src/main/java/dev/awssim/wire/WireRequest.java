package dev.awssim.wire;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;

/**
 * One HTTP request as the server received it: method, path, raw query, headers (names in lower
 * case, first value) and body.
 */
@SuppressWarnings("ArrayRecordComponent") // internal: the body is never handed out
record WireRequest(
    String method, String path, String query, ImmutableMap<String, String> headers, byte[] body) {
  /** The header {@code name} (any case), or null. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
