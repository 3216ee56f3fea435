package dev.awssim.engine.trace;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;

/**
 * One typed, timestamped event of a simulation: what happened, to which resource, when, with
 * details in insertion order.
 *
 * @param elapsedNanos virtual nanoseconds since the simulation started
 * @param time the virtual instant
 * @param type what happened
 * @param resource the queue, stream, table or API it happened to
 * @param attributes details, such as {@code messageId} or {@code receiveCount}
 */
public record TraceEvent(
    long elapsedNanos,
    Instant time,
    TraceEventType type,
    String resource,
    ImmutableMap<String, String> attributes) {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a component is null
   */
  public TraceEvent {
    checkNotNull(time, "time");
    checkNotNull(type, "type");
    checkNotNull(resource, "resource");
    checkNotNull(attributes, "attributes");
  }

  /** The value of attribute {@code name}, or null if absent. */
  public String attribute(String name) {
    return attributes.get(name);
  }

  /** The event as one line of JSON, with keys in a fixed order. */
  public String toJson() {
    StringBuilder json = new StringBuilder(96);
    json.append("{\"time\":\"").append(time).append("\",\"elapsedNanos\":").append(elapsedNanos);
    appendField(json, "service", type.service());
    appendField(json, "type", type.name());
    appendField(json, "resource", resource);
    json.append(",\"attributes\":{");
    boolean first = true;
    for (var e : attributes.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      appendString(json, e.getKey());
      json.append(':');
      appendString(json, e.getValue());
    }
    return json.append("}}").toString();
  }

  private static void appendField(StringBuilder json, String name, String value) {
    json.append(",\"").append(name).append("\":");
    appendString(json, value);
  }

  private static void appendString(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
