package dev.awssim.junit5;

import dev.awssim.AwsSimulator;
import dev.awssim.lambda.Lambda;
import dev.awssim.lambda.awssdk.SimulatedLambdaClient;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The Lambda model and its {@code LambdaClient}, one of each per test over the test's simulator.
 * Loaded only when simulator-lambda is on the class path ({@link #AVAILABLE}), so the extension
 * works without it.
 */
final class LambdaModels {
  /** Whether simulator-lambda (and so the SDK's LambdaClient) is on the class path. */
  static final boolean AVAILABLE = SdkClients.present("dev.awssim.lambda.Lambda");

  private LambdaModels() {}

  static boolean supports(Class<?> type) {
    return type == Lambda.class
        || type == LambdaClient.class
        || type == SimulatedLambdaClient.class;
  }

  /**
   * The test's {@link Lambda} of Region {@code region} (null: the default Region; created on first
   * use) or a client over it. The simulated client makes one attempt per call, so {@link NoRetries}
   * gives the same client.
   */
  static Object resolve(
      ExtensionContext.Store store, AwsSimulator sim, Class<?> type, String region) {
    String suffix = region == null ? "" : "@" + region;
    Lambda lambda =
        store.getOrComputeIfAbsent(
            "lambda" + suffix,
            k -> region == null ? Lambda.create(sim) : Lambda.create(sim.region(region)),
            Lambda.class);
    if (type == Lambda.class) {
      return lambda;
    }
    return store.getOrComputeIfAbsent(
        "lambda-client" + suffix,
        k -> SimulatedLambdaClient.create(lambda),
        SimulatedLambdaClient.class);
  }
}
