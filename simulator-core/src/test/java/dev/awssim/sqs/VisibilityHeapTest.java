package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hidden messages leave in the order of a set sorted by (visibleAt, sequence). */
class VisibilityHeapTest {
  private static final Comparator<StoredMessage> BY_VISIBLE_AT =
      Comparator.<StoredMessage>comparingLong(m -> m.visibleAt).thenComparingLong(m -> m.sequence);

  private static StoredMessage message(long sequence, long visibleAt) {
    OutgoingMessage out =
        new OutgoingMessage("b", 0, 0, ImmutableMap.of(), null, 1, 0, null, null, null);
    StoredMessage m = new StoredMessage(sequence, new UUID(0, sequence), out, null, 0, 0);
    m.visibleAt = visibleAt;
    return m;
  }

  @Test
  void randomAddsRemovesAndPolls_sameOrderAsASortedSet() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      VisibilityHeap heap = new VisibilityHeap();
      TreeSet<StoredMessage> sorted = new TreeSet<>(BY_VISIBLE_AT);
      List<StoredMessage> all = new ArrayList<>();
      for (int step = 0; step < 5_000; step++) {
        int op = random.nextInt(10);
        if (op < 5) {
          // Few distinct instants, so that ties are broken by sequence.
          StoredMessage m = message(all.size(), random.nextInt(50));
          all.add(m);
          heap.add(m);
          sorted.add(m);
        } else if (op < 8 && !all.isEmpty()) {
          StoredMessage m = all.get(random.nextInt(all.size()));
          assertEquals(sorted.remove(m), heap.remove(m), "seed " + seed);
        } else {
          assertSame(sorted.pollFirst(), heap.pollFirst(), "seed " + seed);
        }
        assertEquals(sorted.size(), heap.size(), "seed " + seed);
        assertSame(sorted.isEmpty() ? null : sorted.first(), heap.first(), "seed " + seed);
      }
    }
  }

  @Test
  void clear_forgetsEveryMessage_andARemoveAfterwardsIsANoOp() {
    VisibilityHeap heap = new VisibilityHeap();
    StoredMessage a = message(0, 5);
    StoredMessage b = message(1, 3);
    heap.add(a);
    heap.add(b);
    heap.clear();
    assertNull(heap.first());
    assertFalse(heap.remove(a));
    StoredMessage c = message(2, 1);
    heap.add(c);
    assertFalse(heap.remove(b));
    assertSame(c, heap.first());
  }
}
