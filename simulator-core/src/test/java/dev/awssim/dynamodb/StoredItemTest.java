package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredItemTest {
  private static Map<String, AttributeValue> itemOf(int attributes) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < attributes; i++) {
      item.put("a" + i, AttributeValue.s("v" + i));
    }
    return item;
  }

  @Test
  void smallAndLargeItemsFindEveryAttributeAndNoOther() {
    for (int attributes : new int[] {1, 8, 9, 100}) {
      Map<String, AttributeValue> source = itemOf(attributes);
      StoredItem stored = StoredItem.of(source);
      assertEquals(source, stored);
      assertEquals(source.hashCode(), stored.hashCode());
      for (int i = 0; i < attributes; i++) {
        assertEquals(AttributeValue.s("v" + i), stored.get("a" + i));
      }
      assertNull(stored.get("missing"));
      assertFalse(stored.containsKey("missing"));
      assertTrue(stored.containsKey("a0"));
    }
  }

  @Test
  void keepsTheCallersOrderAndIsACopy() {
    Map<String, AttributeValue> source = new LinkedHashMap<>();
    source.put("z", AttributeValue.s("1"));
    source.put("a", AttributeValue.s("2"));
    StoredItem stored = StoredItem.of(source);
    source.put("b", AttributeValue.s("3"));
    assertEquals(List.of("z", "a"), List.copyOf(stored.keySet()));
    assertSame(stored, StoredItem.of(stored));
    assertThrows(UnsupportedOperationException.class, () -> stored.put("c", AttributeValue.s("4")));
    assertThrows(UnsupportedOperationException.class, () -> stored.keySet().clear());
  }

  @Test
  void sizeIsTheSumOfNameAndValueBytes() {
    // "pk" (2) + "abc" (3) + "n" (1) + 123: one byte per two significant digits, rounded up, plus
    // one (CapacityUnitCalculations.html), so 3
    Map<String, AttributeValue> source = new LinkedHashMap<>();
    source.put("pk", AttributeValue.s("abc"));
    source.put("n", AttributeValue.n(123));
    assertEquals(2 + 3 + 1 + 3, StoredItem.of(source).bytes());
  }
}
