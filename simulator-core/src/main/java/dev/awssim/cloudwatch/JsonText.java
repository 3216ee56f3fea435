package dev.awssim.cloudwatch;

import java.util.List;
import java.util.Locale;

/** The few JSON helpers the alarm messages and history items are written with. */
final class JsonText {
  private JsonText() {}

  /** {@code s} as a JSON string literal; null as {@code null}. */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** A JSON array of strings. */
  static String list(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(quote(values.get(i)));
    }
    return sb.append(']').toString();
  }

  /** Appends {@code "name":"value"}. */
  static void field(StringBuilder sb, String name, String value) {
    sb.append(quote(name)).append(':').append(quote(value));
  }
}
