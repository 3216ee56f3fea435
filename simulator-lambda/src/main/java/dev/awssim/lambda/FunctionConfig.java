package dev.awssim.lambda;

import static com.google.common.base.Preconditions.checkNotNull;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.time.Duration;

/**
 * A function to create: its name, the user's handler object (a {@link RequestHandler} or {@link
 * RequestStreamHandler}), memory, timeout and the {@link DurationModel} of its invocations. Limits
 * are checked by {@link Lambda#createFunction}, which answers {@code
 * InvalidParameterValueException} as AWS does.
 *
 * <pre>{@code
 * lambda.createFunction(FunctionConfig.of("orders", new OrderHandler())
 *     .withTimeout(Duration.ofSeconds(30))
 *     .withDuration(DurationModel.fixed(Duration.ofSeconds(2))));
 * }</pre>
 *
 * @param functionName the function's name
 * @param handler a {@link RequestHandler} or {@link RequestStreamHandler}
 * @param memorySize memory in MB; 0 means the default (128)
 * @param timeout the timeout; null means the default (3 s)
 * @param duration the virtual duration of each invocation
 */
public record FunctionConfig(
    String functionName, Object handler, int memorySize, Duration timeout, DurationModel duration) {

  /**
   * Checks that the fields are present.
   *
   * @throws NullPointerException if the name, handler or duration model is null
   */
  public FunctionConfig {
    checkNotNull(functionName, "functionName");
    checkNotNull(handler, "handler");
    checkNotNull(duration, "duration");
  }

  /** A function with the default memory and timeout whose invocations take no virtual time. */
  public static FunctionConfig of(String functionName, Object handler) {
    return new FunctionConfig(functionName, handler, 0, null, DurationModel.fixed(Duration.ZERO));
  }

  /** This configuration with another memory size in MB. */
  public FunctionConfig withMemorySize(int megabytes) {
    return new FunctionConfig(functionName, handler, megabytes, timeout, duration);
  }

  /** This configuration with another timeout. */
  public FunctionConfig withTimeout(Duration newTimeout) {
    return new FunctionConfig(functionName, handler, memorySize, newTimeout, duration);
  }

  /** This configuration with another duration model. */
  public FunctionConfig withDuration(DurationModel model) {
    return new FunctionConfig(functionName, handler, memorySize, timeout, model);
  }
}
