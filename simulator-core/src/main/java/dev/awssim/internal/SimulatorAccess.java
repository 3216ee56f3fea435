package dev.awssim.internal;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.awssim.AwsSimulator;
import dev.awssim.SimulatedRegion;
import java.util.function.Function;

/**
 * The way awssim's own modules (the SDK adapter, Lambda, the wire endpoint, the classroom, the
 * benchmarks, the JUnit extension) reach the machinery of an {@link AwsSimulator} that users do not
 * need: its {@link SimulationContext} (and each {@link SimulatedRegion}'s) and {@link Scheduler}.
 *
 * <p>The "shared secrets" pattern of the JDK's {@code jdk.internal.access}: {@link AwsSimulator}
 * keeps its context private and, when its class is initialised, registers here the one function
 * that reads it. Users see neither a public {@code context()} nor a public {@code scheduler()} on
 * the facade; this class is in the internal package, which an ArchUnit rule keeps to an allow-list
 * of awssim's packages. It is the only type of the internal packages that knows the facade. {@link
 * SimulatedRegion} registers its reader the same way.
 *
 * <pre>{@code
 * Scheduler scheduler = SimulatorAccess.scheduler(sim);
 * }</pre>
 */
public final class SimulatorAccess {
  private static volatile Function<AwsSimulator, SimulationContext> contexts;
  private static volatile Function<SimulatedRegion, SimulationContext> regionContexts;

  private SimulatorAccess() {}

  /**
   * Registers the function that reads a simulation's context: called once, by {@link
   * AwsSimulator}'s class initialiser.
   *
   * @throws IllegalStateException if a function is already registered
   */
  public static synchronized void register(Function<AwsSimulator, SimulationContext> reader) {
    checkNotNull(reader, "reader");
    checkState(contexts == null, "the context reader is already registered");
    contexts = reader;
  }

  /**
   * Registers the function that reads a Region's context: called once, by {@link SimulatedRegion}'s
   * class initialiser.
   *
   * @throws IllegalStateException if a function is already registered
   */
  public static synchronized void registerRegions(
      Function<SimulatedRegion, SimulationContext> reader) {
    checkNotNull(reader, "reader");
    checkState(regionContexts == null, "the Region context reader is already registered");
    regionContexts = reader;
  }

  /**
   * The context the service models of {@code region} are built on: the simulation's lock, scheduler
   * and clock, the Region's random streams, metrics recorder, trace view and account.
   *
   * @throws NullPointerException if {@code region} is null
   */
  public static SimulationContext context(SimulatedRegion region) {
    checkNotNull(region, "region");
    return regionContexts.apply(region);
  }

  /**
   * The context {@code simulator}'s default Region's service models are built on (lock, scheduler,
   * random streams, metrics and trace recorders, account): the simulation's own.
   *
   * @throws NullPointerException if {@code simulator} is null
   */
  public static SimulationContext context(AwsSimulator simulator) {
    checkNotNull(simulator, "simulator");
    // An AwsSimulator instance exists, so its class is initialised and has registered.
    return contexts.apply(simulator);
  }

  /**
   * The event scheduler of {@code simulator}, with its nanosecond API.
   *
   * @throws NullPointerException if {@code simulator} is null
   */
  public static Scheduler scheduler(AwsSimulator simulator) {
    return context(simulator).scheduler();
  }
}
