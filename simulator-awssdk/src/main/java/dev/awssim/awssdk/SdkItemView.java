package dev.awssim.awssdk;

import dev.awssim.dynamodb.AttributeValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A simulator item seen as an SDK item, each value converted as it is read. Responses hand it to
 * SDK builders, which copy what they are given: each value is then converted once, straight into
 * the SDK's own copy, with no intermediate map.
 */
final class SdkItemView
    extends AbstractMap<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> {
  private final Map<String, AttributeValue> item;

  SdkItemView(Map<String, AttributeValue> item) {
    this.item = item;
  }

  @Override
  public int size() {
    return item.size();
  }

  @Override
  public boolean containsKey(Object key) {
    return item.containsKey(key);
  }

  @Override
  public software.amazon.awssdk.services.dynamodb.model.AttributeValue get(Object key) {
    AttributeValue value = item.get(key);
    return value == null ? null : AttributeValues.toSdk(value);
  }

  @Override
  public void forEach(
      BiConsumer<
              ? super String, ? super software.amazon.awssdk.services.dynamodb.model.AttributeValue>
          action) {
    item.forEach((name, value) -> action.accept(name, AttributeValues.toSdk(value)));
  }

  @Override
  public Set<Entry<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>>
      entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return item.size();
      }

      @Override
      public Iterator<Entry<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>>
          iterator() {
        Iterator<Entry<String, AttributeValue>> entries = item.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public Entry<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>
              next() {
            Entry<String, AttributeValue> e = entries.next();
            return new SimpleImmutableEntry<>(e.getKey(), AttributeValues.toSdk(e.getValue()));
          }
        };
      }
    };
  }
}
