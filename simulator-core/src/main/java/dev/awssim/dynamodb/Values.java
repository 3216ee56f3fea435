package dev.awssim.dynamodb;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ordering of scalar values as DynamoDB sorts keys: numbers numerically, strings and binaries by
 * unsigned bytes (UTF-8 for strings) (API reference, Query: "ScanIndexForward").
 */
final class Values {
  static final Comparator<AttributeValue> ORDER = Values::compare;

  private Values() {}

  static boolean comparable(AttributeValue a, AttributeValue b) {
    return a != null
        && b != null
        && a.type() == b.type()
        && (a.type() == AttributeValue.Type.N
            || a.type() == AttributeValue.Type.S
            || a.type() == AttributeValue.Type.B);
  }

  static int compare(AttributeValue a, AttributeValue b) {
    return switch (a.type()) {
      case N -> a.number().compareTo(b.number());
      case S -> compareUtf8(a.s(), b.s());
      case B -> Arrays.compareUnsigned(a.rawBytes(), b.rawBytes());
      case NULL -> 0;
      default -> throw new IllegalArgumentException("not a key type: " + a.type());
    };
  }

  /**
   * UTF-8 byte order equals code point order, which differs from UTF-16 order only for surrogates.
   */
  private static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
