package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A token of a DynamoDB expression, and the tokenizer that makes them. */
record Token(Kind kind, String text, int position) {
  enum Kind {
    WORD,
    NAME_REF,
    VALUE_REF,
    INTEGER,
    PUNCT,
    END
  }

  boolean is(String symbol) {
    return (kind == Kind.PUNCT || kind == Kind.WORD) && text.equalsIgnoreCase(symbol);
  }

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  /**
   * Splits {@code text}; {@code kind} names the expression in error messages (such as {@code
   * ConditionExpression}).
   */
  static List<Token> tokenize(String text, String kind) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c == '#' || c == ':') {
        i++;
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
        if (i == start + 1) {
          throw syntax(kind, String.valueOf(c), text);
        }
        tokens.add(
            new Token(c == '#' ? Kind.NAME_REF : Kind.VALUE_REF, text.substring(start, i), start));
      } else if (Character.isDigit(c)) {
        while (i < n && Character.isDigit(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.INTEGER, text.substring(start, i), start));
      } else if (isWordChar(c)) {
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
      } else {
        String two = i + 1 < n ? text.substring(i, i + 2) : "";
        if (two.equals("<>") || two.equals("<=") || two.equals(">=")) {
          i += 2;
        } else if ("()[],.=<>+-".indexOf(c) >= 0) {
          i++;
        } else {
          throw syntax(kind, String.valueOf(c), text);
        }
        tokens.add(new Token(Kind.PUNCT, text.substring(start, i), start));
      }
    }
    tokens.add(new Token(Kind.END, "<EOF>", n));
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  static DynamoDbException syntax(String kind, String token, String text) {
    return Errors.validation(
        "Invalid " + kind + ": Syntax error; token: \"" + token + "\", near: \"" + text + "\"");
  }
}
