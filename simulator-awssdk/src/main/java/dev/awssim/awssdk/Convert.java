package dev.awssim.awssdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Element-wise conversion of the lists and maps in requests and responses, keeping order. */
final class Convert {
  private Convert() {}

  /** Each element of {@code list} converted, in order. */
  static <A, B> List<B> list(List<A> list, Function<A, B> f) {
    List<B> out = new ArrayList<>(list.size());
    for (A a : list) {
      out.add(f.apply(a));
    }
    return out;
  }

  /** Each value of {@code map} converted, keys and their order kept. */
  static <A, B> Map<String, B> values(Map<String, A> map, Function<A, B> f) {
    Map<String, B> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, f.apply(v)));
    return out;
  }
}
