package dev.awssim.xray;

import java.util.Locale;

/**
 * The sampling rules' glob: {@code *} matches zero or more characters, {@code ?} exactly one
 * ({@code https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html}).
 * Case-insensitive, as the AWS X-Ray SDKs match ({@code search_pattern.py}).
 */
final class Wildcards {
  private Wildcards() {}

  /** Whether {@code text} matches {@code pattern}; a null text matches nothing but {@code *}. */
  static boolean matches(String pattern, String text) {
    if ("*".equals(pattern)) {
      return true;
    }
    if (pattern == null || text == null) {
      return false;
    }
    String p = pattern.toLowerCase(Locale.ROOT);
    String t = text.toLowerCase(Locale.ROOT);
    // Greedy glob with one backtrack point: the last '*' seen and where its match began.
    int pi = 0;
    int ti = 0;
    int star = -1;
    int starText = 0;
    while (ti < t.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
        pi++;
        ti++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        starText = ti;
      } else if (star >= 0) {
        pi = star + 1;
        ti = ++starText;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }
}
