package dev.awssim.sqs;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the flat JSON objects of RedrivePolicy and RedriveAllowPolicy: string, number and
 * boolean values and arrays of strings. Anything else is malformed.
 */
final class PolicyJson {
  private final String text;
  private int pos;

  private PolicyJson(String text) {
    this.text = text;
  }

  /**
   * Parses {@code text}; values are {@code String} (numbers and booleans as their text) or {@code
   * List<String>}.
   *
   * @throws IllegalArgumentException if the text is not such an object
   */
  static Map<String, Object> parse(String text) {
    PolicyJson p = new PolicyJson(text);
    Map<String, Object> result = p.object();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw new IllegalArgumentException("trailing characters");
    }
    return result;
  }

  private Map<String, Object> object() {
    expect('{');
    Map<String, Object> map = new LinkedHashMap<>();
    if (peek() == '}') {
      pos++;
      return map;
    }
    do {
      String key = string();
      expect(':');
      map.put(key, value());
    } while (consume(','));
    expect('}');
    return map;
  }

  private Object value() {
    char c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '[') {
      return array();
    }
    int start = pos;
    while (pos < text.length() && "-+.eE0123456789truefalsn".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("value expected at " + pos);
    }
    return text.substring(start, pos);
  }

  private List<String> array() {
    expect('[');
    ImmutableList.Builder<String> list = ImmutableList.builder();
    if (peek() == ']') {
      pos++;
      return list.build();
    }
    do {
      list.add(string());
    } while (consume(','));
    expect(']');
    return list.build();
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != '"') {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) {
        c = text.charAt(pos++);
      }
      sb.append(c);
    }
    expect('"');
    return sb.toString();
  }

  private boolean consume(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new IllegalArgumentException("'" + c + "' expected at " + pos);
    }
    pos++;
  }

  private char peek() {
    skipSpace();
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
