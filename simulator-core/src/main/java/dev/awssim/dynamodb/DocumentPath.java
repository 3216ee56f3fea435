package dev.awssim.dynamodb;

import java.util.List;
import java.util.Map;

/**
 * A document path such as {@code a.b[2].c}: resolved attribute names ({@code String}) and list
 * indexes ({@code Integer}).
 */
record DocumentPath(List<Object> elements) {
  String first() {
    return (String) elements.get(0);
  }

  boolean isTopLevel() {
    return elements.size() == 1;
  }

  /** The value at this path in {@code item}, or null when any step is missing. */
  AttributeValue get(Map<String, AttributeValue> item) {
    AttributeValue current = item.get(first());
    for (int i = 1; i < elements.size() && current != null; i++) {
      current = step(current, elements.get(i));
    }
    return current;
  }

  static AttributeValue step(AttributeValue value, Object element) {
    if (element instanceof Integer index) {
      List<AttributeValue> list = value.l();
      return list != null && index < list.size() ? list.get(index) : null;
    }
    Map<String, AttributeValue> map = value.m();
    return map == null ? null : map.get((String) element);
  }

  /** Whether one path is a prefix of (or equal to) the other. */
  boolean overlaps(DocumentPath other) {
    int common = Math.min(elements.size(), other.elements.size());
    return elements.subList(0, common).equals(other.elements.subList(0, common));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Object element : elements) {
      if (element instanceof Integer) {
        text.append('[').append(element).append(']');
      } else {
        text.append(text.length() == 0 ? "" : ".").append(element);
      }
    }
    return text.toString();
  }
}
