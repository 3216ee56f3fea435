package dev.awssim.wire;

import dev.awssim.awssdk.SimulatedAws;
import java.lang.reflect.Method;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The simulated CloudWatch client the wire serves: the sync {@code CloudWatchClient} once {@code
 * SimulatedAws} offers one ({@code cloudWatchClient()}), else the {@code CloudWatchAsyncClient}.
 * Either way its operations are found by reflection, so an operation added to the client is on the
 * wire at once; one it does not model is answered as an unknown action.
 */
final class CloudWatchBackend {
  private static final Method SYNC = syncAccessor();

  private CloudWatchBackend() {}

  private static Method syncAccessor() {
    try {
      Method m = SimulatedAws.class.getMethod("cloudWatchClient");
      return CloudWatchClient.class.isAssignableFrom(m.getReturnType()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The client interface whose operations are served. */
  static Class<?> clientInterface() {
    return SYNC != null ? CloudWatchClient.class : CloudWatchAsyncClient.class;
  }

  /** The simulated client of {@code aws}. */
  static Object client(SimulatedAws aws) {
    if (SYNC == null) {
      return aws.cloudWatchAsyncClient();
    }
    try {
      return SYNC.invoke(aws);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
