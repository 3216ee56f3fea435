package dev.awssim.lambda;

/** One event in a function's asynchronous queue. Guarded by the simulation lock. */
final class AsyncEvent {
  final FunctionState function;
  final String qualifier;
  final String requestId;
  final Object payload;
  final long enqueuedNanos;

  /** Attempts that ran the function. */
  int attempts;

  /** The version the last attempt ran, or null before the first. */
  String executedVersion;

  /** Tries refused by a throttle; each doubles the next wait. */
  int throttles;

  AsyncEvent(
      FunctionState function,
      String qualifier,
      String requestId,
      Object payload,
      long enqueuedNanos) {
    this.function = function;
    this.qualifier = qualifier;
    this.requestId = requestId;
    this.payload = payload;
    this.enqueuedNanos = enqueuedNanos;
  }
}
