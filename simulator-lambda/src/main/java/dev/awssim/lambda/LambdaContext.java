package dev.awssim.lambda;

import static com.google.common.base.Preconditions.checkNotNull;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Context} a handler receives in the simulator. Besides what AWS's context offers, a
 * handler (or a test's wrapper around it) may declare how long this invocation takes in virtual
 * time with {@link #setDuration(Duration)}, overriding the function's {@link DurationModel}.
 *
 * <pre>{@code
 * public String handleRequest(SQSEvent event, Context context) {
 *   if (context instanceof LambdaContext sim) {
 *     sim.setDuration(Duration.ofSeconds(event.getRecords().size()));
 *   }
 *   return "ok";
 * }
 * }</pre>
 *
 * <p>{@link #getRemainingTimeInMillis()} is the whole timeout: the handler runs at the instant the
 * invocation starts. What the handler logs through {@link #getLogger()} is kept ({@link
 * #logLines()}) and becomes part of the invocation's {@link ExecutionLog}.
 */
public final class LambdaContext implements Context {
  private final String requestId;
  private final String functionName;
  private final String functionArn;
  private final String version;
  private final int memorySize;
  private final Duration timeout;
  private final List<String> logLines = new ArrayList<>();
  private Duration declaredDuration;
  private int maxMemoryUsed;

  LambdaContext(
      String requestId,
      String functionName,
      String functionArn,
      String version,
      int memorySize,
      Duration timeout) {
    this.requestId = requestId;
    this.functionName = functionName;
    this.functionArn = functionArn;
    this.version = version;
    this.memorySize = memorySize;
    this.timeout = timeout;
  }

  /**
   * Declares this invocation's virtual duration.
   *
   * @throws IllegalArgumentException if the duration is negative
   */
  public void setDuration(Duration duration) {
    checkNotNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    this.declaredDuration = duration;
  }

  Duration declaredDuration() {
    return declaredDuration;
  }

  /**
   * Declares the memory this invocation used, for the {@code Max Memory Used} of its log's {@code
   * REPORT} line (0 MB unless declared: the simulator does not measure memory).
   *
   * @throws IllegalArgumentException if {@code megabytes} is negative or above the function's
   *     memory size
   */
  public void setMaxMemoryUsed(int megabytes) {
    if (megabytes < 0 || megabytes > memorySize) {
      throw new IllegalArgumentException(
          "max memory used must be between 0 and " + memorySize + " MB: " + megabytes);
    }
    this.maxMemoryUsed = megabytes;
  }

  int maxMemoryUsed() {
    return maxMemoryUsed;
  }

  List<String> messages() {
    return logLines;
  }

  /** The lines the handler logged, in order. */
  public List<String> logLines() {
    return List.copyOf(logLines);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "simulated/[" + version + "]" + requestId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return version;
  }

  @Override
  public String getInvokedFunctionArn() {
    return functionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return memorySize;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        logLines.add(message);
      }

      @Override
      public void log(byte[] message) {
        logLines.add(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
