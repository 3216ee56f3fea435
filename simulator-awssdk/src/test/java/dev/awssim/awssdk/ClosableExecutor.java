package dev.awssim.awssdk;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A completion executor for tests: runs work in line until {@link #closed} is set, then rejects it
 * as a shut-down pool does (what a client's executor does once the client is closed).
 */
final class ClosableExecutor implements Executor {
  boolean closed;

  @Override
  public void execute(Runnable command) {
    if (closed) {
      throw new RejectedExecutionException("shut down");
    }
    command.run();
  }
}
