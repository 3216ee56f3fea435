package dev.awssim.internal;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A binary min-heap of values ordered by (due time, sequence number), the keys kept in primitive
 * arrays beside the values: comparisons read no object, so a million pending tasks cost cache
 * misses on keys only (a {@code PriorityQueue} of tasks reads a task per comparison).
 */
final class TaskHeap<T> {
  private static final int INITIAL_CAPACITY = 16;

  private long[] due = new long[INITIAL_CAPACITY];
  private long[] sequence = new long[INITIAL_CAPACITY];
  private Object[] values = new Object[INITIAL_CAPACITY];
  private int size;

  int size() {
    return size;
  }

  void add(long dueNanos, long sequenceNumber, T value) {
    if (size == values.length) {
      int capacity = size * 2;
      due = Arrays.copyOf(due, capacity);
      sequence = Arrays.copyOf(sequence, capacity);
      values = Arrays.copyOf(values, capacity);
    }
    set(size, dueNanos, sequenceNumber, value);
    siftUp(size++);
  }

  /** The earliest value, or null when empty. */
  @SuppressWarnings("unchecked")
  T peek() {
    return size == 0 ? null : (T) values[0];
  }

  /** Removes and returns the earliest value, or null when empty. */
  T poll() {
    T head = peek();
    if (head != null) {
      size--;
      move(size, 0);
      values[size] = null;
      siftDown(0);
    }
    return head;
  }

  /** Removes every value {@code filter} accepts, keeping the order of the rest. */
  @SuppressWarnings("unchecked")
  void removeIf(Predicate<? super T> filter) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!filter.test((T) values[i])) {
        move(i, kept++);
      }
    }
    Arrays.fill(values, kept, size, null);
    size = kept;
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  private void siftUp(int index) {
    long d = due[index];
    long s = sequence[index];
    Object v = values[index];
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(d, s, parent)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, d, s, v);
  }

  private void siftDown(int index) {
    if (size == 0) {
      return;
    }
    long d = due[index];
    long s = sequence[index];
    Object v = values[index];
    int i = index;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(due[right], sequence[right], child)) {
        child = right;
      }
      if (!before(due[child], sequence[child], d, s)) {
        break;
      }
      move(child, i);
      i = child;
    }
    set(i, d, s, v);
  }

  /** Whether key (d, s) comes before the key at {@code index}. */
  private boolean before(long d, long s, int index) {
    return before(d, s, due[index], sequence[index]);
  }

  private static boolean before(long d1, long s1, long d2, long s2) {
    return d1 < d2 || (d1 == d2 && s1 < s2);
  }

  private void move(int from, int to) {
    set(to, due[from], sequence[from], values[from]);
  }

  private void set(int index, long d, long s, Object v) {
    due[index] = d;
    sequence[index] = s;
    values[index] = v;
  }
}
