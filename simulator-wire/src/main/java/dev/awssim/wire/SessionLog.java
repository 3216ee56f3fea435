package dev.awssim.wire;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import dev.awssim.AwsSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The requests a server has served, in the order it served them: virtual arrival time, operation,
 * body hash (SHA-256), status, and what is needed to serve the request again (content type, target,
 * body). {@link #replay} serves the same requests in-process to a fresh simulation: the same seed
 * and the same log give the same trace hash.
 *
 * <p>Clock moves made through the admin endpoints are entries too (operation {@code
 * _awssim/advance} or {@code _awssim/run-until-idle}), so that a replay moves time as the session
 * did, and so are the idle-mode jumps of a {@link WireServer}. A replay parks long polls as the
 * server did: they complete when the replay reaches their instant.
 */
public final class SessionLog {
  /** Operation name of an admin clock move; the entry's arrival is the instant it moved to. */
  public static final String ADVANCE = "_awssim/advance";

  /** Operation name of an admin run-until-idle. */
  public static final String RUN_UNTIL_IDLE = "_awssim/run-until-idle";

  /**
   * One served request.
   *
   * @param sequence 0, 1, 2, ... in serving order
   * @param arrival the virtual instant the request was served at
   * @param operation the {@code X-Amz-Target}, {@code Query.<Action>} or admin operation
   * @param bodySha256 the SHA-256 of the body, hex
   * @param status the HTTP status answered
   * @param method the HTTP method
   * @param path the path and, after {@code ?}, the raw query
   * @param headers the request headers (names in lower case)
   * @param body the request body
   */
  @SuppressWarnings("ArrayRecordComponent") // body() hands out a copy
  public record Entry(
      long sequence,
      Instant arrival,
      String operation,
      String bodySha256,
      int status,
      String method,
      String path,
      ImmutableMap<String, String> headers,
      byte[] body) {
    /** A copy of the request body. */
    @Override
    public byte[] body() {
      return body.clone();
    }

    /** The request's content type, or null. */
    public String contentType() {
      return headers.get("content-type");
    }

    /** One JSON line: sequence, arrival, operation, body hash, status, content type, body. */
    public String toJson() {
      return "{\"seq\":"
          + sequence
          + ",\"arrival\":\""
          + arrival
          + "\",\"operation\":\""
          + Json.escape(operation)
          + "\",\"bodySha256\":\""
          + bodySha256
          + "\",\"status\":"
          + status
          + ",\"method\":\""
          + Json.escape(method)
          + "\",\"path\":\""
          + Json.escape(path)
          + "\",\"contentType\":"
          + (contentType() == null ? "null" : "\"" + Json.escape(contentType()) + "\"")
          + ",\"body\":\""
          + Base64.getEncoder().encodeToString(body)
          + "\"}";
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  SessionLog() {}

  synchronized void add(Instant arrival, String operation, int status, WireRequest request) {
    String path = request.query() == null ? request.path() : request.path() + "?" + request.query();
    entries.add(
        new Entry(
            entries.size(),
            arrival,
            operation,
            Hashing.sha256().hashBytes(request.body()).toString(),
            status,
            request.method(),
            path,
            request.headers(),
            request.body().clone()));
  }

  /** The entries so far, in serving order. */
  public synchronized List<Entry> entries() {
    return ImmutableList.copyOf(entries);
  }

  /**
   * Serves the logged requests again, in order, to {@code simulator} (which should be fresh and
   * have the session's seed): before each one, virtual time advances to its logged arrival.
   */
  public void replay(AwsSimulator simulator) {
    replayPerRegion(simulator, Dispatcher.DEFAULT_LAMBDA);
  }

  /**
   * As {@link #replay(AwsSimulator)}, with Lambda of the default Region served by the client {@code
   * lambda} makes for {@code simulator} (as {@link WireServer.Builder#lambda} for the server whose
   * session it was).
   */
  public void replay(
      AwsSimulator simulator,
      java.util.function.Function<
              AwsSimulator, ? extends software.amazon.awssdk.services.lambda.LambdaClient>
          lambda) {
    replayPerRegion(simulator, Dispatcher.inDefaultRegion(lambda));
  }

  /**
   * As {@link #replay(AwsSimulator)}, with Lambda of each Region served by the client {@code
   * lambda} makes for that Region (as {@link WireServer.Builder#lambdaPerRegion} for the server
   * whose session it was).
   */
  public void replayPerRegion(
      AwsSimulator simulator,
      java.util.function.Function<
              dev.awssim.SimulatedRegion,
              ? extends software.amazon.awssdk.services.lambda.LambdaClient>
          lambda) {
    Dispatcher dispatcher = new Dispatcher(simulator, lambda);
    for (Entry e : entries()) {
      if (e.arrival().isAfter(simulator.now())) {
        simulator.advanceTo(e.arrival());
      }
      if (e.operation().equals(RUN_UNTIL_IDLE)) {
        simulator.runUntilIdle();
      } else if (!e.operation().equals(ADVANCE)) {
        int q = e.path().indexOf('?');
        var unused = // replay reproduces the trace; the responses themselves are not needed
            dispatcher.dispatchParking(
                new WireRequest(
                    e.method(),
                    q < 0 ? e.path() : e.path().substring(0, q),
                    q < 0 ? null : e.path().substring(q + 1),
                    e.headers(),
                    e.body()),
                WireServer.requestId(e.sequence() + 1));
      }
    }
  }
}
