package dev.awssim.benchmarks;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The raw data structures the models stand on: the floor that awssim's numbers are read against.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BaselineBenchmarks {
  private static final int KEYS = 10_000;

  private final ArrayDeque<Long> deque = new ArrayDeque<>();
  private final HashMap<String, Long> map = new HashMap<>();
  private final String[] keys = new String[KEYS];
  private final byte[] key16 = new byte[16];
  private MessageDigest md5;
  private int next;

  /** Fills the structures to their steady-state sizes. */
  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    for (long i = 0; i < 1_000; i++) {
      deque.add(i);
    }
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "key-" + i;
      map.put(keys[i], (long) i);
    }
    md5 = MessageDigest.getInstance("MD5");
  }

  /** ArrayDeque offer + poll at 1,000 entries (an SQS queue's backing structure). */
  @Benchmark
  public Long arrayDequeOfferPoll() {
    deque.offer((long) next++);
    return deque.poll();
  }

  /** HashMap put + get on 10,000 keys (a DynamoDB table's backing structure). */
  @Benchmark
  public Long hashMapPutGet() {
    int i = next++ % KEYS;
    map.put(keys[i], (long) i);
    return map.get(keys[(i * 7919) % KEYS]);
  }

  /** MD5 of a 16-byte key (Kinesis hashes every partition key with MD5). */
  @Benchmark
  public byte[] md5Of16Bytes() {
    key16[0] = (byte) next++;
    return md5.digest(key16);
  }

  /** PriorityQueue add + poll at a steady size (the scheduler's backing structure). */
  @State(Scope.Thread)
  public static class Queue {
    @Param({"1000", "1000000"})
    int pending;

    final PriorityQueue<Long> queue = new PriorityQueue<>();
    final SplittableRandom random = new SplittableRandom(42);
    long now;

    /** Fills the queue with {@code pending} due times. */
    @Setup
    public void setUp() {
      for (int i = 0; i < pending; i++) {
        queue.add(random.nextLong(pending * 1_000L));
      }
    }
  }

  /** PriorityQueue add + poll at 1,000 and 1,000,000 entries. */
  @Benchmark
  public Long priorityQueueAddPoll(Queue q) {
    q.queue.add(q.now + q.random.nextLong(q.pending * 1_000L));
    Long head = q.queue.poll();
    q.now = head;
    return head;
  }
}
