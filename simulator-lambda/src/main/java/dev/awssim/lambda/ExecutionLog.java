package dev.awssim.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One invocation's execution log, as Lambda writes it to the function's log stream: the platform's
 * {@code START} line, what the handler logged through {@code context.getLogger()}, and the
 * platform's {@code END} and {@code REPORT} lines
 * (https://docs.aws.amazon.com/lambda/latest/dg/java-logging.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html):
 *
 * <pre>
 * START RequestId: 6bc28136-... Version: $LATEST
 * EVENT: {...}
 * END RequestId: 6bc28136-...
 * REPORT RequestId: 6bc28136-...  Duration: 198.50 ms  Billed Duration: 199 ms  Memory Size: 512 MB  Max Memory Used: 0 MB  Init Duration: 0.00 ms
 * </pre>
 *
 * <p>The {@code REPORT} fields are separated by tabs, as in AWS. {@code Billed Duration} is the
 * duration rounded up to the next millisecond (at least 1 ms). {@code Init Duration} appears on a
 * cold start only (an invocation that created its execution environment; provisioned environments
 * are initialized beforehand); it is 0.00 ms because the simulator has no cold-start time [SIM].
 * {@code Max Memory Used} is what the handler declared with {@link
 * LambdaContext#setMaxMemoryUsed(int)}, else 0 MB: memory is not measured [SIM]. A timeout adds
 * AWS's line {@code <time> <requestId> Task timed out after 3.00 seconds} before {@code END}; a
 * handler's exception adds its error as the JSON the Invoke response carries [SIM]. Each message
 * logged is one entry, ended by a line break if it has none [SIM].
 *
 * <p>{@code Invoke} with {@code LogType=Tail} returns {@link #logResult()}: the last 4 KB of this
 * text, base64-encoded (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 */
public final class ExecutionLog {
  private final String requestId;
  private final String version;
  private final List<String> messages;
  private final long durationNanos;
  private final int memorySize;
  private final int maxMemoryUsed;
  private final boolean coldStart;
  private final Instant end;
  private final String timeoutSeconds;
  private final InvokeResult.FunctionError error;

  @SuppressWarnings("TooManyParameters") // one per field AWS's lines show
  ExecutionLog(
      String requestId,
      String version,
      List<String> messages,
      long durationNanos,
      int memorySize,
      int maxMemoryUsed,
      boolean coldStart,
      Instant end,
      String timeoutSeconds,
      InvokeResult.FunctionError error) {
    this.requestId = requestId;
    this.version = version;
    this.messages = List.copyOf(messages);
    this.durationNanos = durationNanos;
    this.memorySize = memorySize;
    this.maxMemoryUsed = maxMemoryUsed;
    this.coldStart = coldStart;
    this.end = end;
    this.timeoutSeconds = timeoutSeconds;
    this.error = error;
  }

  /** The whole log of the invocation, line breaks included. */
  public String text() {
    StringBuilder b = new StringBuilder(256);
    b.append("START RequestId: ")
        .append(requestId)
        .append(" Version: ")
        .append(version)
        .append('\n');
    for (String m : messages) {
      b.append(m);
      if (!m.endsWith("\n")) {
        b.append('\n');
      }
    }
    if (timeoutSeconds != null) {
      b.append(end)
          .append(' ')
          .append(requestId)
          .append(" Task timed out after ")
          .append(timeoutSeconds)
          .append(" seconds\n");
    } else if (error != null) {
      b.append(error.toJson()).append('\n');
    }
    b.append("END RequestId: ").append(requestId).append('\n');
    long increment = LambdaLimits.BILLED_DURATION_INCREMENT.toNanos();
    long billedMillis =
        Math.max(1, (durationNanos + increment - 1) / increment)
            * LambdaLimits.BILLED_DURATION_INCREMENT.toMillis();
    b.append("REPORT RequestId: ")
        .append(requestId)
        .append("\tDuration: ")
        .append(String.format(Locale.ROOT, "%.2f", durationNanos / 1e6))
        .append(" ms\tBilled Duration: ")
        .append(billedMillis)
        .append(" ms\tMemory Size: ")
        .append(memorySize)
        .append(" MB\tMax Memory Used: ")
        .append(maxMemoryUsed)
        .append(" MB\t");
    if (coldStart) {
      b.append("Init Duration: 0.00 ms\t");
    }
    return b.append('\n').toString();
  }

  /**
   * {@code LogResult}: the last {@link LambdaLimits#LOG_RESULT_MAXIMUM_BYTES} bytes (4 KB) of
   * {@link #text()} in UTF-8, base64-encoded.
   */
  public String logResult() {
    byte[] all = text().getBytes(StandardCharsets.UTF_8);
    int from = Math.max(0, all.length - LambdaLimits.LOG_RESULT_MAXIMUM_BYTES);
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(all, from, all.length));
  }

  @Override
  public String toString() {
    return text();
  }
}
