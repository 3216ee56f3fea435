package dev.awssim.kinesis;

import java.util.ArrayList;

/**
 * The records a shard retains, by ordinal, in columns of fixed-size chunks: 24 bytes a record
 * beyond its data and key and no object per record, so that a day of retention costs the garbage
 * collector little. Trimming clears the trimmed records and drops chunks once they are empty.
 */
final class RecordLog {
  private static final int CHUNK_BITS = 10;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int SLOT = CHUNK - 1;

  /** Chunk {@code k} holds ordinals {@code [k * CHUNK, (k + 1) * CHUNK)}. */
  private final ArrayList<Chunk> chunks = new ArrayList<>();

  private long droppedChunks;
  private int emptyChunks;
  private long first;
  private long next;

  private static final class Chunk {
    final byte[][] data = new byte[CHUNK][];
    final String[] partitionKeys = new String[CHUNK];
    final long[] arrivalNanos = new long[CHUNK];
    final long[] epochMillis = new long[CHUNK];
  }

  /** Appends a record and returns its ordinal. */
  long append(byte[] data, String partitionKey, long arrivalNanos, long epochMillis) {
    long ordinal = next++;
    int slot = (int) (ordinal & SLOT);
    if (slot == 0) {
      chunks.add(new Chunk());
    }
    Chunk chunk = chunk(ordinal);
    chunk.data[slot] = data;
    chunk.partitionKeys[slot] = partitionKey;
    chunk.arrivalNanos[slot] = arrivalNanos;
    chunk.epochMillis[slot] = epochMillis;
    return ordinal;
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

  byte[] data(long ordinal) {
    return chunk(ordinal).data[(int) (ordinal & SLOT)];
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
    while (first < next && arrivalNanos(first) + retentionNanos <= nowNanos) {
      Chunk chunk = chunk(first);
      int slot = (int) (first & SLOT);
      chunk.data[slot] = null;
      chunk.partitionKeys[slot] = null;
      first++;
      if ((first & SLOT) == 0) {
        dropFirstChunk();
      }
    }
  }

  /** Releases the chunk just emptied; the list is compacted once most of it is released. */
  private void dropFirstChunk() {
    chunks.set(emptyChunks++, null);
    if (emptyChunks > 16 && emptyChunks > chunks.size() / 2) {
      chunks.subList(0, emptyChunks).clear();
      droppedChunks += emptyChunks;
      emptyChunks = 0;
    }
  }

  private Chunk chunk(long ordinal) {
    return chunks.get((int) ((ordinal >>> CHUNK_BITS) - droppedChunks));
  }
}
