package dev.awssim.engine.trace;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.engine.time.Cancellable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The timeline of a simulation, as users read it: typed, timestamped events that the services
 * record, kept in order.
 *
 * <p>Three uses: tests assert on the recorded events ("t=30s VISIBLE m1"); listeners watch them
 * live; and {@link #hash()} folds every event ever recorded into one stable value, so that a test
 * can assert that two runs with the same seed were identical. The most recent events are retained
 * ({@link #DEFAULT_CAPACITY} unless the simulation's builder says otherwise; oldest dropped first);
 * the hash covers all of them. Only the services record, so the timeline is what the simulation
 * did. A disabled trace records nothing and costs the models nothing.
 *
 * <pre>{@code
 * simulator.trace().events().forEach(e -> System.out.println(e.toJson()));
 * String fingerprint = simulator.trace().hash();
 * }</pre>
 *
 * <p>Safe to call from several threads.
 */
public interface Trace {
  /**
   * How many events are retained by default: 100,000, about 26 MB of heap (an SQS event with one
   * attribute retains about 260 bytes; the earlier million cost about 300 MB). Older events are
   * dropped, but the hash covers them.
   */
  int DEFAULT_CAPACITY = 100_000;

  /** Whether events are recorded; models skip building events when it is false. */
  boolean isEnabled();

  /** The retained events, oldest first. */
  List<TraceEvent> events();

  /**
   * The last {@code n} retained events, oldest first.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  List<TraceEvent> lastEvents(int n);

  /**
   * The retained events of one type, oldest first.
   *
   * @throws NullPointerException if {@code type} is null
   */
  List<TraceEvent> events(TraceEventType type);

  /** How many events were recorded in all, retained or not. */
  long recordedCount();

  /**
   * A stable hexadecimal hash of every event recorded so far, in order: two runs with equal hashes
   * recorded the same events at the same virtual times.
   */
  String hash();

  /**
   * Calls {@code listener} for every later event; cancel the result to stop.
   *
   * @throws NullPointerException if {@code listener} is null
   */
  Cancellable subscribe(TraceListener listener);

  /**
   * Writes the retained events as JSON Lines, one event per line.
   *
   * @throws NullPointerException if {@code out} is null
   * @throws UncheckedIOException if {@code out} fails
   */
  default void writeJsonLines(Appendable out) {
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
   *
   * @throws NullPointerException if {@code out} is null
   * @throws UncheckedIOException if {@code out} fails
   */
  default void writeCsv(Appendable out) {
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
