package dev.awssim.lambda;

/**
 * The little JSON the model and its SDK client write (failure records, error payloads, invocation
 * records) and read (the SNS event): string literals, payloads, and a small reader.
 */
public final class Json {
  private static final int MAX_DEPTH = 512;

  private Json() {}

  /**
   * A payload as a JSON value: a String or UTF-8 bytes that hold JSON are kept as they are (the SDK
   * client hands the Invoke payload as its JSON text), other text becomes a JSON string; numbers
   * and booleans are themselves; a function error is its {@code errorMessage}/{@code errorType}
   * object.
   */
  static String payload(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof InvokeResult.FunctionError e) {
      return "{\"errorMessage\":"
          + string(e.errorMessage())
          + ",\"errorType\":"
          + string(e.errorType())
          + "}";
    }
    String text =
        value instanceof byte[] bytes
            ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
            : value.toString();
    try {
      parse(text);
      return text.strip();
    } catch (IllegalArgumentException e) {
      return string(text);
    }
  }

  /**
   * Reads one JSON value: objects become insertion-ordered maps, arrays lists, numbers {@link
   * java.math.BigDecimal}, JSON null Java null.
   *
   * @throws IllegalArgumentException if {@code text} is not one JSON value
   */
  static Object parse(String text) {
    Reader r = new Reader(text);
    Object v = r.value(0);
    r.skipSpace();
    if (r.pos != text.length()) {
      throw new IllegalArgumentException("trailing characters at " + r.pos);
    }
    return v;
  }

  private static final class Reader {
    final String s;
    int pos;

    Reader(String s) {
      this.s = s;
    }

    void skipSpace() {
      while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }

    char peek() {
      skipSpace();
      if (pos >= s.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return s.charAt(pos);
    }

    void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected " + c + " at " + pos);
      }
      pos++;
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("too deep");
      }
      char c = peek();
      switch (c) {
        case '{' -> {
          pos++;
          java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
          if (peek() == '}') {
            pos++;
            return m;
          }
          while (true) {
            if (peek() != '"') {
              throw new IllegalArgumentException("expected a key at " + pos);
            }
            String key = text();
            expect(':');
            m.put(key, value(depth + 1));
            if (peek() == ',') {
              pos++;
            } else {
              expect('}');
              return m;
            }
          }
        }
        case '[' -> {
          pos++;
          java.util.List<Object> l = new java.util.ArrayList<>();
          if (peek() == ']') {
            pos++;
            return l;
          }
          while (true) {
            l.add(value(depth + 1));
            if (peek() == ',') {
              pos++;
            } else {
              expect(']');
              return l;
            }
          }
        }
        case '"' -> {
          return text();
        }
        default -> {
          for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, pos)) {
              pos += word.length();
              return word.equals("null") ? null : Boolean.valueOf(word);
            }
          }
          int start = pos;
          while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
          }
          try {
            return new java.math.BigDecimal(s.substring(start, pos));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad value at " + start, e);
          }
        }
      }
    }

    String text() {
      pos++; // the opening quote
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (pos >= s.length()) {
          throw new IllegalArgumentException("unterminated escape");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw new IllegalArgumentException("bad escape");
            }
            try {
              out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException x) {
              throw new IllegalArgumentException("bad escape", x);
            }
            pos += 4;
          }
          default -> out.append(e);
        }
      }
    }
  }

  /** {@code value} as a JSON string literal, or {@code null}. */
  public static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
