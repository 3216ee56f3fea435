package dev.awssim.wire;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * How virtual time moves while a {@link WireServer} serves. In every mode a request that would
 * block in AWS (an SQS long poll, {@code ReceiveMessage} with a wait) is parked: it holds no thread
 * but its own connection's, and is answered when virtual time reaches its answer. The modes differ
 * in what moves time:
 *
 * <ul>
 *   <li>{@link #idle()} (the default): when every request in flight is parked and none has arrived
 *       for a quiet spell of {@value WireServer#QUIET_MILLIS} ms of wall time, virtual time jumps
 *       to the next scheduled event, so a long poll with nothing to receive ends at once, at its
 *       exact virtual deadline; the admin endpoints move time too.
 *   <li>{@link #stepped()}: only the admin endpoints ({@code POST /_awssim/advance}) move time; a
 *       parked long poll waits for them.
 *   <li>{@link #accelerated(double)}: virtual time follows the wall clock {@code factor} times
 *       faster ({@link dev.awssim.internal.WallClockPacer}); determinism is then not promised.
 * </ul>
 *
 * @param name {@code idle}, {@code stepped} or {@code accelerated}
 * @param factor virtual seconds per wall second in accelerated mode, 0 otherwise
 */
public record TimeMode(String name, double factor) {
  private static final TimeMode IDLE = new TimeMode("idle", 0);
  private static final TimeMode STEPPED = new TimeMode("stepped", 0);

  /**
   * Checks the mode.
   *
   * @throws IllegalArgumentException if the name is unknown, or the factor is not positive and
   *     finite in accelerated mode (0 in the others)
   */
  public TimeMode {
    checkArgument(
        name.equals("idle") || name.equals("stepped") || name.equals("accelerated"),
        "unknown time mode %s (idle, stepped or accelerated:<factor>)",
        name);
    checkArgument(
        name.equals("accelerated") ? factor > 0 && Double.isFinite(factor) : factor == 0,
        "bad factor %s for time mode %s",
        factor,
        name);
  }

  /** Time jumps to the next event once every request waits (the default). */
  public static TimeMode idle() {
    return IDLE;
  }

  /** Time moves only through the admin endpoints. */
  public static TimeMode stepped() {
    return STEPPED;
  }

  /**
   * Time follows the wall clock {@code factor} times faster.
   *
   * @throws IllegalArgumentException if {@code factor} is not positive and finite
   */
  public static TimeMode accelerated(double factor) {
    return new TimeMode("accelerated", factor);
  }

  /**
   * {@code idle}, {@code stepped} or {@code accelerated:<factor>} (such as {@code accelerated:60}).
   *
   * @throws IllegalArgumentException if {@code text} is none of these
   */
  public static TimeMode parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("accelerated:")) {
      return accelerated(Double.parseDouble(t.substring("accelerated:".length())));
    }
    return switch (t) {
      case "idle" -> IDLE;
      case "stepped" -> STEPPED;
      default -> throw new IllegalArgumentException("unknown time mode " + text);
    };
  }

  @Override
  public String toString() {
    return name.equals("accelerated") ? "accelerated:" + factor : name;
  }
}
