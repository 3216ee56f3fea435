package dev.awssim.wire;

import com.google.common.collect.ImmutableMap;
import java.nio.charset.StandardCharsets;

/** One HTTP response: status, content type, extra headers and body. */
@SuppressWarnings("ArrayRecordComponent") // internal: the body is never handed out
record WireResponse(
    int status, String contentType, ImmutableMap<String, String> headers, byte[] body) {
  static WireResponse of(int status, String contentType, byte[] body) {
    return new WireResponse(status, contentType, ImmutableMap.of(), body);
  }

  static WireResponse json(int status, String json) {
    return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  WireResponse withHeader(String name, String value) {
    return new WireResponse(
        status,
        contentType,
        ImmutableMap.<String, String>builder().putAll(headers).put(name, value).buildKeepingLast(),
        body);
  }
}
