package dev.awssim.sqs;

import java.util.Arrays;

/**
 * The hidden messages of one queue (delayed or in flight), ordered by the instant each becomes
 * visible and then by arrival: a binary heap in an array, in which each message remembers its
 * position ({@link StoredMessage#heapIndex}), so that a delete or a visibility change removes it in
 * O(log n) with no search and no allocation (a {@code TreeSet} allocates an entry per message and
 * calls two comparator lambdas per step). The order is total (sequences are unique in a queue), so
 * messages leave in exactly the order a sorted set would give them.
 *
 * <p>A message is in at most one heap at a time; its index is -1 outside.
 */
final class VisibilityHeap {
  private static final int INITIAL_CAPACITY = 16;

  // The keys sit beside the messages, so that sifting compares array elements and reads no message.
  private long[] visibleAt = new long[INITIAL_CAPACITY];
  private long[] sequence = new long[INITIAL_CAPACITY];
  private StoredMessage[] messages = new StoredMessage[INITIAL_CAPACITY];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** The message that becomes visible first, or null. */
  StoredMessage first() {
    return size == 0 ? null : messages[0];
  }

  /** Adds {@code m} (nothing if it is already here), keyed by its current visibleAt. */
  void add(StoredMessage m) {
    if (m.heapIndex >= 0) {
      return;
    }
    if (size == messages.length) {
      int capacity = size * 2;
      visibleAt = Arrays.copyOf(visibleAt, capacity);
      sequence = Arrays.copyOf(sequence, capacity);
      messages = Arrays.copyOf(messages, capacity);
    }
    siftUp(size++, m.visibleAt, m.sequence, m);
  }

  /** Removes and returns the first message, or null. */
  StoredMessage pollFirst() {
    if (size == 0) {
      return null;
    }
    StoredMessage first = messages[0];
    removeAt(0);
    return first;
  }

  /** Removes {@code m} if it is here. */
  boolean remove(StoredMessage m) {
    int i = m.heapIndex;
    if (i < 0 || i >= size || messages[i] != m) {
      return false;
    }
    removeAt(i);
    return true;
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      messages[i].heapIndex = -1;
      messages[i] = null;
    }
    size = 0;
  }

  private void removeAt(int i) {
    messages[i].heapIndex = -1;
    int last = --size;
    long at = visibleAt[last];
    long seq = sequence[last];
    StoredMessage m = messages[last];
    messages[last] = null;
    if (i == last) {
      return;
    }
    if (i > 0 && before(at, seq, (i - 1) >>> 1)) {
      siftUp(i, at, seq, m);
    } else {
      siftDown(i, at, seq, m);
    }
  }

  private void siftUp(int index, long at, long seq, StoredMessage m) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(at, seq, parent)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    place(i, at, seq, m);
  }

  private void siftDown(int index, long at, long seq, StoredMessage m) {
    int i = index;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(visibleAt[right], sequence[right], child)) {
        child = right;
      }
      if (!before(visibleAt[child], sequence[child], at, seq)) {
        break;
      }
      move(child, i);
      i = child;
    }
    place(i, at, seq, m);
  }

  private void move(int from, int to) {
    place(to, visibleAt[from], sequence[from], messages[from]);
  }

  private void place(int i, long at, long seq, StoredMessage m) {
    visibleAt[i] = at;
    sequence[i] = seq;
    messages[i] = m;
    m.heapIndex = i;
  }

  private boolean before(long at, long seq, int i) {
    return before(at, seq, visibleAt[i], sequence[i]);
  }

  /** Whether (at, seq) comes first: by the instant it becomes visible, then by arrival. */
  private static boolean before(long at, long seq, long otherAt, long otherSeq) {
    return at < otherAt || (at == otherAt && seq < otherSeq);
  }
}
