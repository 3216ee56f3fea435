package dev.awssim.internal.trace;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.engine.trace.Trace;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.engine.trace.TraceEventType;
import dev.awssim.engine.trace.TraceListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The recording side of a simulation's {@link Trace}: the service models (and awssim's other
 * modules) record events here; users read them through the {@link Trace} view, which has no way to
 * record.
 *
 * <pre>{@code
 * if (context.trace().isEnabled()) {
 *   context.trace().record(SqsEventType.SENT, queueName, ImmutableMap.of("messageId", id));
 * }
 * }</pre>
 */
public final class TraceRecorder implements Trace {
  private final VirtualClock clock;
  private final Object lock;
  private final boolean enabled;
  private final int capacity;
  private final ArrayDeque<TraceEvent> events = new ArrayDeque<>();
  private final List<TraceListener> listeners = new CopyOnWriteArrayList<>();
  private long recorded;
  private long hash = 0x5bd1e995L;

  /** This recorder, or the simulation's recorder that a Region's view writes to and reads from. */
  private final TraceRecorder root;

  /** The Region a view adds to each event as attribute {@code region}; null for the root. */
  private final String region;

  /**
   * Creates a trace reading {@code clock}.
   *
   * @param enabled whether events are recorded at all
   * @param capacity how many events are retained, at least 1
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public TraceRecorder(VirtualClock clock, Object lock, boolean enabled, int capacity) {
    checkArgument(capacity > 0, "capacity must be positive: %s", capacity);
    this.clock = checkNotNull(clock, "clock");
    this.lock = checkNotNull(lock, "lock");
    this.enabled = enabled;
    this.capacity = capacity;
    this.root = this;
    this.region = null;
  }

  private TraceRecorder(TraceRecorder root, String region) {
    this.clock = root.clock;
    this.lock = root.lock;
    this.enabled = root.enabled;
    this.capacity = root.capacity;
    this.root = root;
    this.region = region;
  }

  /**
   * A view of this trace for the services of another Region than the simulation's default: it
   * records into this trace (one timeline, one hash, the same listeners), adding attribute {@code
   * region} to each event, and reads this trace. The default Region's services record without it,
   * so that a simulation that uses one Region records what it always did.
   *
   * @throws NullPointerException if {@code region} is null
   * @throws IllegalStateException if this recorder is itself a Region's view
   */
  public TraceRecorder forRegion(String region) {
    checkNotNull(region, "region");
    checkState(root == this, "already the view of Region %s", this.region);
    return new TraceRecorder(this, region);
  }

  @Override
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
    if (root != this) {
      root.record(
          type,
          resource,
          ImmutableMap.<String, String>builderWithExpectedSize(attributes.size() + 1)
              .putAll(attributes)
              .put("region", region)
              .buildKeepingLast());
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

  @Override
  public List<TraceEvent> events() {
    if (root != this) {
      return root.events();
    }
    synchronized (lock) {
      return ImmutableList.copyOf(events);
    }
  }

  @Override
  public List<TraceEvent> lastEvents(int n) {
    checkArgument(n >= 0, "n must not be negative: %s", n);
    if (root != this) {
      return root.lastEvents(n);
    }
    synchronized (lock) {
      List<TraceEvent> all = ImmutableList.copyOf(events);
      return all.subList(Math.max(0, all.size() - n), all.size());
    }
  }

  @Override
  public List<TraceEvent> events(TraceEventType type) {
    checkNotNull(type, "type");
    if (root != this) {
      return root.events(type);
    }
    synchronized (lock) {
      return events.stream()
          .filter(e -> e.type().equals(type))
          .collect(ImmutableList.toImmutableList());
    }
  }

  @Override
  public long recordedCount() {
    if (root != this) {
      return root.recordedCount();
    }
    synchronized (lock) {
      return recorded;
    }
  }

  @Override
  public String hash() {
    if (root != this) {
      return root.hash();
    }
    synchronized (lock) {
      return String.format(java.util.Locale.ROOT, "%016x", hash);
    }
  }

  @Override
  public Cancellable subscribe(TraceListener listener) {
    checkNotNull(listener, "listener");
    if (root != this) {
      return root.subscribe(listener);
    }
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
}
