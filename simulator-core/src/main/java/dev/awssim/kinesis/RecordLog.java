package dev.awssim.kinesis;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The records a shard retains, by ordinal: keys and times in columns of fixed-size chunks, and the
 * data bytes copied end to end into slabs, so that a retained record is no object of its own. A day
 * of retention is millions of records; as one array each, the garbage collector copied every one of
 * them out of the young generation (a fifth of PutRecord's time in the floor benchmark). Slabs grow
 * from 4 KiB to 256 KiB (below the size at which G1 treats an array as humongous), so a shard that
 * holds little costs little; a record larger than a slab gets a slab of its own. Trimming clears
 * the trimmed records and releases chunks and slabs once nothing in them is retained.
 */
final class RecordLog {
  private static final int CHUNK_BITS = 10;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int SLOT = CHUNK - 1;
  private static final int FIRST_SLAB_BYTES = 4 * 1_024;
  private static final int MAX_SLAB_BYTES = 256 * 1_024;

  /** Chunk {@code k} holds ordinals {@code [k * CHUNK, (k + 1) * CHUNK)}. */
  private final Window<Chunk> chunks = new Window<>();

  /** The data slabs, numbered from 0 in the order they were made. */
  private final Window<byte[]> slabs = new Window<>();

  private byte[] slab;
  private int slabUsed;
  private int nextSlabBytes = FIRST_SLAB_BYTES;
  private long first;
  private long next;

  private static final class Chunk {
    /** The slab number (high 32 bits) and offset (low 32 bits) of each record's data. */
    final long[] dataAt = new long[CHUNK];

    final int[] dataLength = new int[CHUNK];
    final String[] partitionKeys = new String[CHUNK];
    final long[] arrivalNanos = new long[CHUNK];
    final long[] epochMillis = new long[CHUNK];
  }

  /**
   * Appends a record, with a copy of its data (the caller may reuse its array once the call
   * returns), and returns its ordinal.
   */
  long append(byte[] data, String partitionKey, long arrivalNanos, long epochMillis) {
    int length = data.length;
    if (slab == null || slab.length - slabUsed < length) {
      newSlab(length);
    }
    System.arraycopy(data, 0, slab, slabUsed, length);
    long ordinal = next++;
    int at = (int) (ordinal & SLOT);
    if (at == 0) {
      chunks.add(new Chunk());
    }
    Chunk chunk = chunks.get(ordinal >>> CHUNK_BITS);
    chunk.dataAt[at] = (slabs.end() - 1) << 32 | slabUsed;
    chunk.dataLength[at] = length;
    chunk.partitionKeys[at] = partitionKey;
    chunk.arrivalNanos[at] = arrivalNanos;
    chunk.epochMillis[at] = epochMillis;
    slabUsed += length;
    return ordinal;
  }

  private void newSlab(int atLeast) {
    slab = new byte[Math.max(atLeast, nextSlabBytes)];
    slabUsed = 0;
    slabs.add(slab);
    nextSlabBytes = Math.min(MAX_SLAB_BYTES, nextSlabBytes * 2);
  }

  /** The first retained ordinal. */
  long first() {
    return first;
  }

  /** The ordinal the next record will get. */
  long next() {
    return next;
  }

  /** Whether the record at {@code ordinal} is retained. */
  boolean has(long ordinal) {
    return ordinal >= first && ordinal < next;
  }

  /** A copy of the record's data: no reader can change the shard. */
  byte[] data(long ordinal) {
    Chunk chunk = chunk(ordinal);
    int at = (int) (ordinal & SLOT);
    long dataAt = chunk.dataAt[at];
    int offset = (int) dataAt;
    return Arrays.copyOfRange(slabs.get(dataAt >>> 32), offset, offset + chunk.dataLength[at]);
  }

  int dataLength(long ordinal) {
    return chunk(ordinal).dataLength[(int) (ordinal & SLOT)];
  }

  String partitionKey(long ordinal) {
    return chunk(ordinal).partitionKeys[(int) (ordinal & SLOT)];
  }

  long arrivalNanos(long ordinal) {
    return chunk(ordinal).arrivalNanos[(int) (ordinal & SLOT)];
  }

  long epochMillis(long ordinal) {
    return chunk(ordinal).epochMillis[(int) (ordinal & SLOT)];
  }

  /** The first retained ordinal whose record arrived at or after {@code epochMillis}. */
  long firstAtOrAfter(long epochMillis) {
    long low = first;
    long high = next;
    while (low < high) {
      long mid = (low + high) >>> 1;
      if (epochMillis(mid) < epochMillis) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Drops the records whose retention ended at or before {@code nowNanos} (half-open, 0.4). */
  void trim(long nowNanos, long retentionNanos) {
    long from = first;
    while (first < next && arrivalNanos(first) + retentionNanos <= nowNanos) {
      chunk(first).partitionKeys[(int) (first & SLOT)] = null;
      first++;
    }
    if (first == from) {
      return;
    }
    chunks.releaseBefore(first >>> CHUNK_BITS);
    // The slab being filled stays; every slab before the first retained record's is released.
    slabs.releaseBefore(
        first < next ? chunk(first).dataAt[(int) (first & SLOT)] >>> 32 : slabs.end() - 1);
  }

  /** How many data slabs the log holds (for tests). */
  int heldSlabs() {
    return slabs.held();
  }

  private Chunk chunk(long ordinal) {
    return chunks.get(ordinal >>> CHUNK_BITS);
  }

  /**
   * A list addressed by the number each item got when it was added, whose front is released as the
   * log trims: released items are cleared at once and removed from the list once most of it is
   * released, so that access stays an index.
   */
  private static final class Window<T> {
    private final ArrayList<T> items = new ArrayList<>();
    private long removed;
    private int cleared;

    void add(T item) {
      items.add(item);
    }

    T get(long number) {
      return items.get((int) (number - removed));
    }

    int held() {
      return items.size() - cleared;
    }

    /** The number the next item will get. */
    long end() {
      return removed + items.size();
    }

    /** Releases every item numbered below {@code number}. */
    void releaseBefore(long number) {
      while (removed + cleared < number) {
        items.set(cleared++, null);
      }
      if (cleared > 16 && cleared > items.size() / 2) {
        items.subList(0, cleared).clear();
        removed += cleared;
        cleared = 0;
      }
    }
  }
}
