package dev.awssim.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes or removes a value at a document path, copying the containers on the way. */
final class PathWriter {
  private PathWriter() {}

  /**
   * The item with {@code value} at {@code path} (removed when null); null when the path does not
   * lead into existing maps and lists and {@code strict} (SET) requires it.
   */
  static Map<String, AttributeValue> write(
      Map<String, AttributeValue> item, DocumentPath path, AttributeValue value, boolean strict) {
    List<Object> elements = path.elements();
    String first = path.first();
    if (elements.size() == 1) {
      Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
      if (value == null) {
        copy.remove(first);
      } else {
        copy.put(first, value);
      }
      return copy;
    }
    AttributeValue root = item.get(first);
    if (root == null) {
      return strict ? null : item;
    }
    AttributeValue changed = writeInto(root, elements.subList(1, elements.size()), value, strict);
    if (changed == null) {
      return strict ? null : item;
    }
    Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
    copy.put(first, changed);
    return copy;
  }

  private static AttributeValue writeInto(
      AttributeValue container, List<Object> rest, AttributeValue value, boolean strict) {
    Object element = rest.get(0);
    boolean last = rest.size() == 1;
    if (element instanceof Integer index) {
      List<AttributeValue> list = container.l();
      if (list == null) {
        return null;
      }
      List<AttributeValue> copy = new ArrayList<>(list);
      if (last) {
        if (value == null) {
          if (index < copy.size()) {
            copy.remove((int) index);
          }
        } else if (index < copy.size()) {
          copy.set(index, value);
        } else {
          copy.add(value);
        }
        return AttributeValue.l(copy);
      }
      if (index >= copy.size()) {
        return null;
      }
      AttributeValue inner =
          writeInto(copy.get(index), rest.subList(1, rest.size()), value, strict);
      if (inner == null) {
        return null;
      }
      copy.set(index, inner);
      return AttributeValue.l(copy);
    }
    Map<String, AttributeValue> map = container.m();
    if (map == null) {
      return null;
    }
    Map<String, AttributeValue> copy = new LinkedHashMap<>(map);
    String name = (String) element;
    if (last) {
      if (value == null) {
        copy.remove(name);
      } else {
        copy.put(name, value);
      }
      return AttributeValue.m(copy);
    }
    AttributeValue child = copy.get(name);
    if (child == null) {
      return null;
    }
    AttributeValue inner = writeInto(child, rest.subList(1, rest.size()), value, strict);
    if (inner == null) {
      return null;
    }
    copy.put(name, inner);
    return AttributeValue.m(copy);
  }
}
