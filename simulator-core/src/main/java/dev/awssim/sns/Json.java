package dev.awssim.sns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and string quoter for filter policies, message bodies and {@code
 * MessageStructure=json} messages. Objects become insertion-ordered maps, arrays lists, numbers
 * {@link BigDecimal}, {@code true}/{@code false} booleans and {@code null} the {@link #NULL}
 * marker. Duplicate keys: the last one wins, as Jackson's default does.
 */
final class Json {
  /** The JSON {@code null} (maps and lists cannot hold Java null in every caller's hands). */
  static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value.
   *
   * @throws MalformedJson if the text is not one JSON value
   */
  static Object parse(String text) {
    Json p = new Json(text);
    p.skipSpace();
    Object v = p.value(0);
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("Unexpected character after the value");
    }
    return v;
  }

  /** Appends {@code s} as a JSON string literal. */
  static StringBuilder quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    return quote(new StringBuilder(s.length() + 2), s).toString();
  }

  /** A parse failure with the 1-based column, as Jackson reports it. */
  static final class MalformedJson extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedJson(String message) {
      super(message);
    }
  }

  private static final int MAX_DEPTH = 1_000;

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("Nesting too deep");
    }
    if (pos >= text.length()) {
      throw error("Unexpected end-of-input");
    }
    char c = text.charAt(pos);
    if (c == '{') {
      return object(depth);
    }
    if (c == '[') {
      return array(depth);
    }
    if (c == '"') {
      return string();
    }
    if (c == 't') {
      return literal("true", true);
    }
    if (c == 'f') {
      return literal("false", false);
    }
    if (c == 'n') {
      return literal("null", NULL);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    throw error("Unexpected character ('" + c + "')");
  }

  private Map<String, Object> object(int depth) {
    pos++;
    Map<String, Object> map = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("Expected a field name");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      map.put(key, value(depth + 1));
      skipSpace();
      char c = peek();
      pos++;
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw error("Expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    pos++;
    List<Object> list = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(list);
    }
    while (true) {
      skipSpace();
      list.add(value(depth + 1));
      skipSpace();
      char c = peek();
      pos++;
      if (c == ']') {
        return Collections.unmodifiableList(list);
      }
      if (c != ',') {
        throw error("Expected ',' or ']'");
      }
    }
  }

  private String string() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("Unexpected end-of-input in a string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          throw error("Unexpected end-of-input in a string");
        }
        char e = text.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw error("Bad unicode escape");
            }
            try {
              sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("Bad unicode escape");
            }
            pos += 4;
          }
          default -> throw error("Unrecognized character escape '" + e + "'");
        }
      } else if (c < 0x20) {
        throw error("Illegal unquoted character in a string");
      } else {
        sb.append(c);
      }
    }
  }

  private BigDecimal number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    try {
      return new BigDecimal(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw error("Malformed number");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("Unrecognized token");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("Expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("Unexpected end-of-input");
    }
    return text.charAt(pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private MalformedJson error(String message) {
    return new MalformedJson(message + " at column " + (pos + 1));
  }
}
