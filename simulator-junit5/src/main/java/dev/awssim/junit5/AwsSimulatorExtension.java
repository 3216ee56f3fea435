package dev.awssim.junit5;

import dev.awssim.AwsSimulator;
import dev.awssim.SimulatedRegion;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.sqs.SqsFaults;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 extension behind {@link AwsSimulation} and {@link SeededTest}: a fresh, seeded {@link
 * AwsSimulator} per test (injected into {@code AwsSimulator} fields and parameters, and a {@code
 * long} parameter annotated {@link Seed}), its {@code SimulatedRegion}s, SDK clients over it when
 * simulator-awssdk is on the class path (every sync and async client {@code SimulatedAws} makes,
 * with the SDK's default retries, or none with {@link NoRetries}; in another Region with {@link
 * InRegion}), the simulated {@code Lambda} model and its {@code LambdaClient} when simulator-lambda
 * is, the {@link Faults} profile applied, and a failure rethrown as it was, with its seed, the
 * property to rerun it and the last events of the trace attached ({@link SimulationFailure}).
 *
 * <p>State lives in each test's {@link ExtensionContext.Store}, never in statics, so tests may run
 * in parallel.
 */
public final class AwsSimulatorExtension
    implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler {
  /** How many trace events a failure shows. */
  public static final int TRACE_EVENTS_ON_FAILURE = 20;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AwsSimulatorExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    // Every test gets its simulator, injected or not, so that a failure can name its seed.
    simulator(context);
    Object instance = context.getRequiredTestInstance();
    List<Field> fields =
        ReflectionSupport.findFields(
            instance.getClass(),
            f -> injectable(f.getType()) && !Modifier.isStatic(f.getModifiers()),
            HierarchyTraversalMode.TOP_DOWN);
    for (Field field : fields) {
      field.setAccessible(true);
      field.set(
          instance,
          resolve(
              context,
              field.getType(),
              field.isAnnotationPresent(NoRetries.class),
              region(field.getAnnotation(InRegion.class))));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return injectable(type) || (type == long.class && parameter.isAnnotated(Seed.class));
  }

  private static boolean injectable(Class<?> type) {
    return type == AwsSimulator.class
        || type == SimulatedRegion.class
        || (SdkClients.AVAILABLE && SdkClients.supports(type))
        || (LambdaModels.AVAILABLE && LambdaModels.supports(type));
  }

  /** The Region an {@link InRegion} names, or null without one. */
  private static String region(InRegion inRegion) {
    return inRegion == null ? null : inRegion.value();
  }

  /**
   * The test's simulator, a Region of it, an SDK client, the Lambda model or LambdaClient of {@code
   * type}; in Region {@code region} (null: the default Region).
   */
  private static Object resolve(
      ExtensionContext context, Class<?> type, boolean noRetries, String region) {
    AwsSimulator sim = simulator(context);
    if (type == AwsSimulator.class) {
      if (region != null) {
        throw new ParameterResolutionException(
            "@InRegion(\""
                + region
                + "\") on AwsSimulator: the simulator holds every Region; ask for a"
                + " SimulatedRegion or a client in that Region");
      }
      return sim;
    }
    if (region != null) {
      try {
        sim.region(region); // AWS's Region shape, checked once for every type
      } catch (IllegalArgumentException e) {
        throw new ParameterResolutionException(
            "@InRegion(\"" + region + "\"): " + e.getMessage(), e);
      }
    }
    if (type == SimulatedRegion.class) {
      return sim.region(region == null ? sim.account().region() : region);
    }
    if (LambdaModels.AVAILABLE && LambdaModels.supports(type)) {
      String lambdaRegion = region == null || region.equals(sim.account().region()) ? null : region;
      return LambdaModels.resolve(context.getStore(NAMESPACE), sim, type, lambdaRegion);
    }
    return sdk(context, type, noRetries, region);
  }

  /**
   * The SDK client of {@code type} over the test's simulator, in Region {@code region} (null: the
   * default Region), with the test's fault profile; with the SDK's default retries, or none ({@link
   * NoRetries}).
   */
  private static Object sdk(
      ExtensionContext context, Class<?> type, boolean noRetries, String region) {
    Object aws =
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                (noRetries ? "sdk-no-retries" : "sdk") + (region == null ? "" : "@" + region),
                k ->
                    SdkClients.create(
                        simulator(context), faults(context).orElse(null), noRetries, region));
    return SdkClients.client(aws, type);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == long.class
        ? simulator(context).seed()
        : resolve(
            context,
            type,
            parameter.isAnnotated(NoRetries.class),
            region(parameter.findAnnotation(InRegion.class).orElse(null)));
  }

  /**
   * Rethrows the test's own exception unchanged (so an IDE still shows an assertion's expected and
   * actual values, and an unexpected exception still counts as an error, not a failure), with a
   * {@link SimulationFailure} attached as a suppressed exception: the seed, the property that
   * reruns the test, and the last trace events. The seed and the trace are also published as report
   * entries.
   */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    AwsSimulator sim = context.getStore(NAMESPACE).get(AwsSimulator.class, AwsSimulator.class);
    if (sim == null
        || failure instanceof TestAbortedException
        || SimulationFailure.of(failure).isPresent()) {
      throw failure;
    }
    StringBuilder trace = new StringBuilder();
    for (TraceEvent event : sim.trace().lastEvents(TRACE_EVENTS_ON_FAILURE)) {
      trace.append("  ").append(event.toJson()).append('\n');
    }
    context.publishReportEntry("awssim.seed", Long.toString(sim.seed()));
    // A blank report entry is refused by JUnit, which would hide the test's own failure.
    context.publishReportEntry(
        "awssim.trace", trace.length() == 0 ? "(no events recorded)" : trace.toString());
    failure.addSuppressed(new SimulationFailure(sim.seed(), trace.toString()));
    throw failure;
  }

  /** The test's simulator, created on first use with the test's seed and fault profile. */
  static AwsSimulator simulator(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(AwsSimulator.class, k -> create(context), AwsSimulator.class);
  }

  private static AwsSimulator create(ExtensionContext context) {
    AwsSimulator sim = AwsSimulator.withSeed(Seeds.of(context));
    faults(context).ifPresent(f -> sim.sqs().setFaults(toSqsFaults(f)));
    return sim;
  }

  private static Optional<Faults> faults(ExtensionContext context) {
    return context
        .getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, Faults.class))
        .or(
            () ->
                context
                    .getTestClass()
                    .flatMap(c -> AnnotationSupport.findAnnotation(c, Faults.class)));
  }

  static SqsFaults toSqsFaults(Faults faults) {
    SqsFaults sqs =
        SqsFaults.none()
            .withDuplicateProbability(faults.duplicates())
            .withShortPollSampling(faults.shortPollSampling());
    return faults.reorder() > 0
        ? sqs.withReordering(faults.reorder(), Duration.ofMillis(faults.reorderMaxDelayMillis()))
        : sqs;
  }
}
