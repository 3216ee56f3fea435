package dev.awssim.engine.trace;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.time.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The timeline of a simulation: typed, timestamped events that models record, kept in order.
 *
 * <p>Three uses: tests assert on the recorded events ("t=30s VISIBLE m1"); listeners watch them
 * live; and {@link #hash()} folds every event ever recorded into one stable value, so that a test
 * can assert that two runs with the same seed were identical. The most recent {@code capacity}
 * events are retained (oldest dropped first); the hash covers all of them. A disabled trace records
 * nothing and costs the models nothing.
 *
 * <pre>{@code
 * simulator.trace().events().forEach(e -> System.out.println(e.toJson()));
 * String fingerprint = simulator.trace().hash();
 * }</pre>
 *
 * <p>Safe to call from several threads.
 */
public final class Trace {
  /**
   * How many events are retained by default: 100,000, about 26 MB of heap (an SQS event with one
   * attribute retains about 260 bytes; the earlier million cost about 300 MB). Older events are
   * dropped, but the hash covers them.
   */
  public static final int DEFAULT_CAPACITY = 100_000;

  private final VirtualClock clock;
  private final Object lock;
  private final boolean enabled;
  private final int capacity;
  private final ArrayDeque<TraceEvent> events = new ArrayDeque<>();
  private final List<TraceListener> listeners = new CopyOnWriteArrayList<>();
  private long recorded;
  private long hash = 0x5bd1e995L;

  /**
   * Creates a trace reading {@code clock}.
   *
   * @param enabled whether events are recorded at all
   * @param capacity how many events are retained, at least 1
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public Trace(VirtualClock clock, Object lock, boolean enabled, int capacity) {
    checkArgument(capacity > 0, "capacity must be positive: %s", capacity);
    this.clock = checkNotNull(clock, "clock");
    this.lock = checkNotNull(lock, "lock");
    this.enabled = enabled;
    this.capacity = capacity;
  }

  /** Whether events are recorded; models skip building events when it is false. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Records an event with no attributes at the current virtual time. */
  public void record(TraceEventType type, String resource) {
    record(type, resource, ImmutableMap.of());
  }

  /** Records an event at the current virtual time. */
  public void record(
      TraceEventType type, String resource, ImmutableMap<String, String> attributes) {
    if (!enabled) {
      return;
    }
    long nanos = clock.nanos();
    TraceEvent event = new TraceEvent(nanos, clock.toInstant(nanos), type, resource, attributes);
    synchronized (lock) {
      recorded++;
      hash =
          hash * 0x9E3779B97F4A7C15L
              + Hashing.murmur3_128().hashString(event.toJson(), StandardCharsets.UTF_8).asLong();
      if (events.size() == capacity) {
        events.removeFirst();
      }
      events.addLast(event);
    }
    for (TraceListener listener : listeners) {
      listener.onEvent(event);
    }
  }

  /** The retained events, oldest first. */
  public List<TraceEvent> events() {
    synchronized (lock) {
      return ImmutableList.copyOf(events);
    }
  }

  /** The last {@code n} retained events, oldest first. */
  public List<TraceEvent> lastEvents(int n) {
    checkArgument(n >= 0, "n must not be negative: %s", n);
    synchronized (lock) {
      List<TraceEvent> all = ImmutableList.copyOf(events);
      return all.subList(Math.max(0, all.size() - n), all.size());
    }
  }

  /** The retained events of one type, oldest first. */
  public List<TraceEvent> events(TraceEventType type) {
    checkNotNull(type, "type");
    synchronized (lock) {
      return events.stream()
          .filter(e -> e.type().equals(type))
          .collect(ImmutableList.toImmutableList());
    }
  }

  /** How many events were recorded in all, retained or not. */
  public long recordedCount() {
    synchronized (lock) {
      return recorded;
    }
  }

  /**
   * A stable hexadecimal hash of every event recorded so far, in order: two runs with equal hashes
   * recorded the same events at the same virtual times.
   */
  public String hash() {
    synchronized (lock) {
      return String.format(java.util.Locale.ROOT, "%016x", hash);
    }
  }

  /** Calls {@code listener} for every later event; cancel the result to stop. */
  public Cancellable subscribe(TraceListener listener) {
    checkNotNull(listener, "listener");
    listeners.add(listener);
    return new Cancellable() {
      private volatile boolean cancelled;

      @Override
      public void cancel() {
        cancelled = true;
        listeners.remove(listener);
      }

      @Override
      public boolean isCancelled() {
        return cancelled;
      }
    };
  }

  /** Writes the retained events as JSON Lines, one event per line. */
  public void writeJsonLines(Appendable out) {
    checkNotNull(out, "out");
    try {
      for (TraceEvent event : events()) {
        out.append(event.toJson()).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the retained events as CSV with the header {@code time,elapsedNanos,service,type,
   * resource,attributes}; attributes are {@code name=value} pairs joined by {@code ;}.
   */
  public void writeCsv(Appendable out) {
    checkNotNull(out, "out");
    try {
      out.append("time,elapsedNanos,service,type,resource,attributes\n");
      for (TraceEvent e : events()) {
        StringBuilder attributes = new StringBuilder();
        e.attributes()
            .forEach(
                (k, v) ->
                    attributes
                        .append(attributes.length() == 0 ? "" : ";")
                        .append(k)
                        .append('=')
                        .append(v));
        out.append(e.time().toString())
            .append(',')
            .append(Long.toString(e.elapsedNanos()))
            .append(',')
            .append(csv(e.type().service()))
            .append(',')
            .append(csv(e.type().name()))
            .append(',')
            .append(csv(e.resource()))
            .append(',')
            .append(csv(attributes.toString()))
            .append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csv(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
