package dev.awssim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TaskHeapTest {
  private record Entry(long due, long sequence) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::due).thenComparingLong(Entry::sequence);

  @Test
  void pollsInDueThenSequenceOrderLikeAPriorityQueue() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      TaskHeap<Entry> heap = new TaskHeap<>();
      PriorityQueue<Entry> expected = new PriorityQueue<>(ORDER);
      long sequence = 0;
      for (int step = 0; step < 2_000; step++) {
        if (random.nextInt(3) > 0) {
          // few distinct due times, so ties are frequent and decided by sequence
          Entry e = new Entry(random.nextLong(50), sequence++);
          heap.add(e.due(), e.sequence(), e);
          expected.add(e);
        } else {
          assertEquals(expected.poll(), heap.poll());
        }
        assertEquals(expected.size(), heap.size());
        assertEquals(expected.peek(), heap.peek());
      }
      while (!expected.isEmpty()) {
        assertEquals(expected.poll(), heap.poll());
      }
      assertNull(heap.poll());
    }
  }

  @Test
  void removeIfKeepsTheRestInOrder() {
    TaskHeap<Entry> heap = new TaskHeap<>();
    SplittableRandom random = new SplittableRandom(7);
    List<Entry> kept = new ArrayList<>();
    for (long sequence = 0; sequence < 1_000; sequence++) {
      Entry e = new Entry(random.nextLong(100), sequence);
      heap.add(e.due(), e.sequence(), e);
      if (sequence % 3 != 0) {
        kept.add(e);
      }
    }
    heap.removeIf(e -> e.sequence() % 3 == 0);
    kept.sort(ORDER);
    List<Entry> polled = new ArrayList<>();
    for (Entry e; (e = heap.poll()) != null; ) {
      polled.add(e);
    }
    assertEquals(kept, polled);
  }
}
