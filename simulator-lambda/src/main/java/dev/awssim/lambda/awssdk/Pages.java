package dev.awssim.lambda.awssdk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * {@code Marker}/{@code MaxItems} paging of Lambda's List operations over a model's list. Items are
 * ordered by a string key; a marker is the key of the last item returned, encoded, and the next
 * page starts after it, so items created or deleted between calls neither repeat nor shift others.
 */
final class Pages {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** The items of one response, and the marker of the next or null on the last page. */
  record Page<T>(List<T> items, String nextMarker) {}

  private Pages() {}

  /**
   * One page of {@code items}.
   *
   * @param key the key that orders the items (unique per item)
   * @param marker the {@code Marker} of the request, or null for the first page
   * @param maxItems the {@code MaxItems} of the request, or null
   * @param maximumMaxItems the greatest {@code MaxItems} AWS accepts (the least is 1)
   * @param pageSize the most items AWS returns per response, whatever {@code MaxItems} says
   * @throws software.amazon.awssdk.services.lambda.model.LambdaException {@code
   *     ValidationException} (400) for {@code MaxItems} outside its range; {@code
   *     InvalidParameterValueException} (400) for a marker this client did not hand out
   */
  static <T> Page<T> page(
      List<T> items,
      Function<T, String> key,
      String marker,
      Integer maxItems,
      int maximumMaxItems,
      int pageSize) {
    if (maxItems != null && (maxItems < 1 || maxItems > maximumMaxItems)) {
      throw LambdaSdkErrors.validation(
          "1 validation error detected: Value '"
              + maxItems
              + "' at 'maxItems' failed to satisfy constraint: Member must have value "
              + (maxItems < 1
                  ? "greater than or equal to 1"
                  : "less than or equal to " + maximumMaxItems));
    }
    String after = marker == null ? null : decode(marker);
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(key));
    int size = maxItems == null ? pageSize : Math.min(maxItems, pageSize);
    List<T> out = new ArrayList<>(Math.min(size, sorted.size()));
    String next = null;
    for (T item : sorted) {
      String k = key.apply(item);
      if (after != null && k.compareTo(after) <= 0) {
        continue;
      }
      if (out.size() == size) {
        next = encode(key.apply(out.get(out.size() - 1)));
        break;
      }
      out.add(item);
    }
    return new Page<>(out, next);
  }

  /** A key that sorts {@code $LATEST} first, then versions by number, then aliases by name. */
  static String qualifierKey(String qualifier) {
    if (qualifier.equals("$LATEST")) {
      return "0";
    }
    if (qualifier.matches("[0-9]{1,10}")) {
      return "1" + "0".repeat(10 - qualifier.length()) + qualifier;
    }
    return "2" + qualifier;
  }

  private static String encode(String key) {
    return ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String marker) {
    try {
      return new String(DECODER.decode(marker), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw LambdaSdkErrors.invalidParameterValue("Invalid marker: " + marker);
    }
  }
}
