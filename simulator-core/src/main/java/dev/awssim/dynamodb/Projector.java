package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a ProjectionExpression: only the named paths are returned; list elements picked by index
 * come back as a shorter list in index order (Developer Guide, "Projection expressions").
 */
final class Projector {
  private Projector() {}

  static Map<String, AttributeValue> project(
      Map<String, AttributeValue> item, List<DocumentPath> paths) {
    Node root = new Node();
    for (DocumentPath path : paths) {
      AttributeValue value = path.get(item);
      if (value != null) {
        root.put(path.elements(), 0, value);
      }
    }
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    root.children.forEach((key, child) -> result.put((String) key, child.build()));
    return result;
  }

  /** A node of the projected tree: a whole value, or children by name or index. */
  private static final class Node {
    private AttributeValue value;
    private final Map<Object, Node> children = new LinkedHashMap<>();
    private boolean list;

    void put(List<Object> elements, int at, AttributeValue leaf) {
      if (at == elements.size()) {
        value = leaf;
        return;
      }
      Object element = elements.get(at);
      list = element instanceof Integer;
      children.computeIfAbsent(element, k -> new Node()).put(elements, at + 1, leaf);
    }

    AttributeValue build() {
      if (value != null) {
        return value;
      }
      if (list) {
        List<AttributeValue> elements = new ArrayList<>();
        new TreeMap<>(children).values().forEach(child -> elements.add(child.build()));
        return AttributeValue.l(elements);
      }
      Map<String, AttributeValue> map = new LinkedHashMap<>();
      children.forEach((key, child) -> map.put((String) key, child.build()));
      return AttributeValue.m(map);
    }
  }
}
