package dev.awssim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Ticker;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.ApiGatewayLimits;
import dev.awssim.cloudwatch.CloudWatch;
import dev.awssim.dax.Dax;
import dev.awssim.dynamodb.DynamoDb;
import dev.awssim.dynamodb.DynamoDbLimits;
import dev.awssim.engine.AwsAccount;
import dev.awssim.engine.metrics.Metrics;
import dev.awssim.engine.metrics.MetricsRetention;
import dev.awssim.engine.random.RandomStreams;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.engine.time.Pacer;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.engine.trace.Trace;
import dev.awssim.engine.trace.TraceEventType;
import dev.awssim.internal.Scheduler;
import dev.awssim.internal.SimulationContext;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.internal.WallClockPacer;
import dev.awssim.internal.metrics.MetricRecorder;
import dev.awssim.internal.trace.TraceRecorder;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.KinesisLimits;
import dev.awssim.sns.Sns;
import dev.awssim.sns.SnsLimits;
import dev.awssim.sqs.Sqs;
import dev.awssim.sqs.SqsLimits;
import dev.awssim.xray.XRay;
import dev.awssim.xray.XRayLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One simulation of AWS services on a deterministic virtual clock: the entry point of awssim.
 *
 * <p>It owns the {@link VirtualClock}, the event scheduler, the seeded {@link RandomStreams}, the
 * {@link Metrics} and the {@link Trace} (which only the services write), and gives access to each
 * service model. Nothing in it reads the wall clock or sleeps: time moves only when you advance it
 * (or when a call that would block in AWS, such as a long poll, advances it for you).
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.withSeed(42);
 * sim.after(Duration.ofSeconds(30), () -> System.out.println("30 s later: " + sim.now()));
 * sim.advanceBy(Duration.ofMinutes(1));
 * }</pre>
 *
 * <p><b>Regions.</b> A simulation has one account and one clock, and its services exist per Region:
 * the accessors here ({@link #sqs()}, {@link #kinesis()}, ...) give the default Region's (the
 * builder's, {@value AwsAccount#DEFAULT_REGION} unless set), {@link #region(String)} any other's,
 * created on first use. A simulation that uses one Region is what it always was: the same seed
 * gives the same ids and the same trace.
 *
 * <p><b>Determinism.</b> The same seed, start instant and calls give the same trace ({@link
 * Trace#hash()}). <b>Threads.</b> Public operations are safe from several threads (one lock per
 * simulation); determinism is promised when the simulation is driven from one thread.
 */
public final class AwsSimulator {
  /** The services whose trace events only awssim records (see {@link #recordEvent}). */
  private static final Set<String> RESERVED_TRACE_SERVICES =
      ImmutableSet.of(
          "sqs",
          "kinesis",
          "dynamodb",
          "apigateway",
          "lambda",
          "sns",
          "cloudwatch",
          "xray",
          "dax",
          "awssdk",
          "wire",
          "awssim");

  static {
    // awssim's own modules reach the context through the internal package, users do not.
    SimulatorAccess.register(sim -> sim.context);
  }

  private final SimulationContext context;
  private final SimulatedRegion defaultRegion;

  /** Every Region used so far, the default first, in the order they were first used. */
  private final Map<String, SimulatedRegion> regions = new LinkedHashMap<>();

  private final boolean metricsEnabled;
  private final MetricsRetention metricsRetention;
  private final SqsLimits sqsLimits;
  private final DynamoDbLimits dynamoDbLimits;
  private final KinesisLimits kinesisLimits;
  private final ApiGatewayLimits apiGatewayLimits;
  private final boolean apiGatewayLimitsSet;
  private final XRayLimits xrayLimits;
  private final SnsLimits snsLimits;

  private AwsSimulator(Builder builder) {
    Object lock = new Object();
    Scheduler scheduler = new Scheduler(builder.start, lock);
    VirtualClock clock = scheduler.clock();
    this.context =
        new SimulationContext(
            clock,
            scheduler,
            new RandomStreams(builder.seed),
            new MetricRecorder(clock, lock, builder.metricsEnabled, builder.metricsRetention),
            new TraceRecorder(clock, lock, builder.traceEnabled, builder.traceCapacity),
            lock,
            new AwsAccount(builder.accountId, builder.region));
    this.metricsEnabled = builder.metricsEnabled;
    this.metricsRetention = builder.metricsRetention;
    // Limits left unset carry the simulation's Region and account into queue URLs and stream ARNs.
    this.sqsLimits =
        builder.sqsLimitsSet
            ? builder.sqsLimits
            : builder.sqsLimits.withRegion(builder.region).withAccountId(builder.accountId);
    this.dynamoDbLimits = builder.dynamoDbLimits;
    this.kinesisLimits =
        builder.kinesisLimitsSet
            ? builder.kinesisLimits
            : builder.kinesisLimits.withAccount(context.account());
    // Unset, API Gateway's account throttle is AWS's default for each Region (lower in some).
    this.apiGatewayLimitsSet = builder.apiGatewayLimitsSet;
    this.apiGatewayLimits =
        apiGatewayLimitsSet ? builder.apiGatewayLimits : ApiGatewayLimits.forRegion(builder.region);
    this.xrayLimits = builder.xrayLimits;
    this.snsLimits = builder.snsLimits;
    this.defaultRegion =
        new SimulatedRegion(
            this,
            context,
            sqsLimits,
            dynamoDbLimits,
            kinesisLimits,
            apiGatewayLimits,
            xrayLimits,
            snsLimits);
    regions.put(builder.region, defaultRegion);
  }

  /** A simulation with root seed {@code seed}, starting at {@link VirtualClock#DEFAULT_START}. */
  public static AwsSimulator withSeed(long seed) {
    return builder().seed(seed).build();
  }

  /** A builder with seed 0, the default start instant and a trace that is on. */
  public static Builder builder() {
    return new Builder();
  }

  /** The root seed. */
  public long seed() {
    return context.random().rootSeed();
  }

  /** The virtual clock (read-only for callers). */
  public VirtualClock clock() {
    return context.clock();
  }

  /** The current virtual instant. */
  public Instant now() {
    return context.clock().now();
  }

  /** A {@link Clock} view of virtual time in UTC, for user code that takes a {@code Clock}. */
  public Clock javaClock() {
    return context.clock().asJavaClock();
  }

  /** A Guava {@link Ticker} view of virtual time, for caches and stopwatches in user code. */
  public Ticker ticker() {
    return context.clock().asTicker();
  }

  /** The seeded random streams. */
  public RandomStreams randomStreams() {
    return context.random();
  }

  /** The random stream named {@code name}: the same name gives the same stream. */
  public RandomGenerator random(String name) {
    synchronized (context.lock()) {
      return context.random().stream(name);
    }
  }

  /**
   * The CloudWatch-like metrics of the default Region's services, to query (read-only); another
   * Region's are its {@link SimulatedRegion#metrics()}, as CloudWatch metrics are regional.
   */
  public Metrics metrics() {
    return context.metrics();
  }

  /**
   * The trace of every service in every Region of this simulation, to read (only the services
   * record); events of a Region other than the default carry attribute {@code region}.
   */
  public Trace trace() {
    return context.trace();
  }

  /**
   * Records an event of your own program in the trace, at the current virtual instant and in order
   * with the services' events, so that a test or a demo can read (or hash) one timeline of what its
   * code and AWS did. It counts in {@link Trace#hash()} like any other event; nothing is recorded
   * while the trace is off.
   *
   * <pre>{@code
   * enum OrderEvent implements TraceEventType {
   *   ORDER_SHIPPED;
   *   public String service() { return "orders"; }
   * }
   * sim.recordEvent(OrderEvent.ORDER_SHIPPED, "order-17", Map.of("carrier", "ups"));
   * }</pre>
   *
   * @param type the event's type; its {@link TraceEventType#service() service} must not be one that
   *     awssim itself records ({@code sqs}, {@code kinesis}, {@code dynamodb}, {@code apigateway},
   *     {@code lambda}, {@code sns}, {@code cloudwatch}, {@code xray}, {@code dax}, {@code awssdk},
   *     {@code wire}, {@code awssim}), so that AWS's own events cannot be forged
   * @param resource the resource the event is about, such as a table or queue name
   * @param attributes the event's attributes (copied)
   * @throws IllegalArgumentException if {@code type} claims one of awssim's services
   * @throws NullPointerException if an argument, key or value is null
   */
  public void recordEvent(TraceEventType type, String resource, Map<String, String> attributes) {
    checkNotNull(type, "type");
    checkNotNull(resource, "resource");
    String service = checkNotNull(type.service(), "type.service()");
    checkArgument(
        !RESERVED_TRACE_SERVICES.contains(service),
        "service %s is recorded by awssim itself; give your events a service name of your own",
        service);
    ImmutableMap<String, String> copy = ImmutableMap.copyOf(attributes);
    synchronized (context.lock()) {
      context.trace().record(type, resource, copy);
    }
  }

  /**
   * Runs {@code action} holding the simulation's lock and returns its result: while it runs no
   * scheduled task runs, no service call from another thread is served and a {@linkplain
   * #paceByWallClock paced} clock does not move, so it sees the simulation (and whatever your own
   * callbacks update from scheduled tasks or SDK futures) at one virtual instant. For code that
   * reads several such values while a pacer or another thread drives the simulation, such as a live
   * page's progress table; keep the action short and do not wait in it for anything that needs the
   * simulation to move (that would never come).
   *
   * @throws NullPointerException if {@code action} is null
   */
  public <T> T atomically(Supplier<T> action) {
    checkNotNull(action, "action");
    synchronized (context.lock()) {
      return action.get();
    }
  }

  /**
   * Runs {@code action} holding the simulation's lock, as {@link #atomically(Supplier)}.
   *
   * @throws NullPointerException if {@code action} is null
   */
  public void atomically(Runnable action) {
    checkNotNull(action, "action");
    synchronized (context.lock()) {
      action.run();
    }
  }

  /** Amazon SQS in the default Region. */
  public Sqs sqs() {
    return defaultRegion.sqs();
  }

  /** DynamoDB in the default Region. */
  public DynamoDb dynamoDb() {
    return defaultRegion.dynamoDb();
  }

  /** Amazon Kinesis Data Streams in the default Region. */
  public Kinesis kinesis() {
    return defaultRegion.kinesis();
  }

  /** Amazon API Gateway in the default Region. */
  public ApiGateway apiGateway() {
    return defaultRegion.apiGateway();
  }

  /** DynamoDB Accelerator (DAX) clusters in the default Region. */
  public Dax dax() {
    return defaultRegion.dax();
  }

  /** AWS X-Ray sampling (rules, targets, samplers) in the default Region. */
  public XRay xray() {
    return defaultRegion.xray();
  }

  /** Amazon SNS in the default Region, delivering to SQS queues of any Region. */
  public Sns sns() {
    return defaultRegion.sns();
  }

  /** CloudWatch metric alarms over {@link #metrics()}, whose actions publish to {@link #sns()}. */
  public CloudWatch cloudWatch() {
    return defaultRegion.cloudWatch();
  }

  /**
   * The account ID of every resource of this simulation, and its default Region: the Region of
   * {@link #sqs()}, {@link #kinesis()} and the other services this facade gives.
   */
  public AwsAccount account() {
    return context.account();
  }

  /**
   * Region {@code region} of this simulation, created on first use with the limits set on the
   * builder (the trace records {@link SimulationEventType#REGION_CREATED} then): its own queues,
   * streams, tables, APIs, topics, metrics and alarms (see {@link SimulatedRegion} for what is per
   * Region and what is shared), on this simulation's clock. The default Region ({@code
   * account().region()}) is the one whose services this facade's accessors return; another Region's
   * resources are separate from them, as in AWS.
   *
   * <pre>{@code
   * SimulatedRegion eu = sim.region("eu-west-1");
   * eu.sqs().createQueue("orders");   // https://sqs.eu-west-1.amazonaws.com/000000000000/orders
   * sim.sqs().createQueue("orders");  // another queue, in the default Region
   * }</pre>
   *
   * @throws NullPointerException if {@code region} is null
   * @throws IllegalArgumentException if {@code region} is not shaped like a Region code
   */
  public SimulatedRegion region(String region) {
    checkNotNull(region, "region");
    synchronized (context.lock()) {
      SimulatedRegion existing = regions.get(region);
      if (existing != null) {
        return existing;
      }
      AwsAccount account = new AwsAccount(context.account().accountId(), region);
      VirtualClock clock = context.clock();
      Object lock = context.lock();
      SimulationContext regional =
          new SimulationContext(
              clock,
              context.scheduler(),
              // [SIM] a root seed of the Region's own, so that its ids do not shift another's
              new RandomStreams(context.random().seedFor("region/" + region)),
              new MetricRecorder(clock, lock, metricsEnabled, metricsRetention),
              context.trace().forRegion(region),
              lock,
              account);
      SimulatedRegion created =
          new SimulatedRegion(
              this,
              regional,
              sqsLimits.withRegion(region),
              dynamoDbLimits,
              kinesisLimits.withAccount(new AwsAccount(kinesisLimits.accountId(), region)),
              apiGatewayLimitsSet ? apiGatewayLimits : ApiGatewayLimits.forRegion(region),
              xrayLimits,
              snsLimits);
      regions.put(region, created);
      regional.trace().record(SimulationEventType.REGION_CREATED, region);
      return created;
    }
  }

  /** The Regions used so far, the default first, then in the order they were first used. */
  public List<SimulatedRegion> regions() {
    synchronized (context.lock()) {
      return ImmutableList.copyOf(regions.values());
    }
  }

  /** The SQS of {@code region} if that Region has been used, else null (nothing is created). */
  Sqs existingSqs(String region) {
    synchronized (context.lock()) {
      // The default Region's queue ARNs carry its SqsLimits' Region, which a user may have set.
      if (region.equals(defaultRegion.sqs().limits().region())) {
        return defaultRegion.sqs();
      }
      SimulatedRegion r = regions.get(region);
      return r == null ? null : r.sqs();
    }
  }

  /**
   * Moves virtual time forward by {@code duration}, running every task due at or before the target,
   * including one due exactly at it; afterwards the clock equals the target.
   *
   * @throws IllegalArgumentException if {@code duration} is negative or the target is past the
   *     clock's last instant
   * @throws IllegalStateException if called from inside a scheduled task
   */
  public void advanceBy(Duration duration) {
    context.scheduler().advanceBy(duration);
  }

  /**
   * Moves virtual time to {@code instant}, running every task due at or before it, including one
   * due exactly at it; afterwards the clock equals {@code instant}.
   *
   * @throws IllegalArgumentException if {@code instant} is before now or past the clock's last
   *     instant
   * @throws IllegalStateException if called from inside a scheduled task
   */
  public void advanceTo(Instant instant) {
    context.scheduler().advanceTo(instant);
  }

  /**
   * Runs tasks until none is pending, at most {@value Scheduler#DEFAULT_IDLE_GUARD} of them.
   *
   * @return how many tasks ran
   * @throws IllegalStateException if tasks are still pending after the guard (periodic tasks never
   *     let the simulation go idle: use {@link #advanceBy(Duration)} with them), or if called from
   *     inside a scheduled task
   */
  public long runUntilIdle() {
    return context.scheduler().runUntilIdle();
  }

  /**
   * Runs the next pending task, moving the clock to its due time.
   *
   * @return whether a task ran (false when nothing is pending)
   * @throws IllegalStateException if called from inside a scheduled task or while paced
   */
  public boolean step() {
    return context.scheduler().step();
  }

  /**
   * Lets virtual time follow the wall clock times {@code factor} until the returned pacer is closed
   * (see {@link Pacer}): for third-party libraries that wait on the wall clock, and live demos.
   *
   * @throws IllegalArgumentException if {@code factor} is not positive and finite
   * @throws IllegalStateException if a pacer already moves this simulation, or if called from
   *     inside a scheduled task
   */
  public Pacer paceByWallClock(double factor) {
    return WallClockPacer.start(context.scheduler(), factor);
  }

  /**
   * Runs {@code task} once at {@code instant} (an instant already past runs at the next advance).
   */
  public Cancellable at(Instant instant, Runnable task) {
    return context.scheduler().at(instant, task);
  }

  /**
   * Runs {@code task} once after {@code delay} of virtual time.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public Cancellable after(Duration delay, Runnable task) {
    return context.scheduler().after(delay, task);
  }

  /**
   * Runs {@code task} every {@code period} of virtual time, first after one period.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  public Cancellable every(Duration period, Runnable task) {
    return context.scheduler().every(period, task);
  }

  /**
   * Builds an {@link AwsSimulator}.
   *
   * <pre>{@code
   * AwsSimulator sim = AwsSimulator.builder()
   *     .seed(7)
   *     .startInstant(Instant.parse("2030-01-01T00:00:00Z"))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private long seed;
    private Instant start = VirtualClock.DEFAULT_START;
    private boolean traceEnabled = true;
    private int traceCapacity = Trace.DEFAULT_CAPACITY;
    private boolean metricsEnabled = true;
    private MetricsRetention metricsRetention = MetricsRetention.cloudWatch();
    private String accountId = AwsAccount.DEFAULT_ACCOUNT_ID;
    private String region = AwsAccount.DEFAULT_REGION;
    private SqsLimits sqsLimits = SqsLimits.defaults();
    private boolean sqsLimitsSet;
    private boolean apiGatewayLimitsSet;
    private DynamoDbLimits dynamoDbLimits = DynamoDbLimits.defaults();
    private KinesisLimits kinesisLimits = KinesisLimits.defaults();
    private boolean kinesisLimitsSet;
    private ApiGatewayLimits apiGatewayLimits = ApiGatewayLimits.defaults();
    private XRayLimits xrayLimits = XRayLimits.defaults();
    private SnsLimits snsLimits = SnsLimits.defaults();

    private Builder() {}

    /** The root seed of every random stream. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The virtual instant at which the simulation starts.
     *
     * @throws NullPointerException if {@code start} is null
     */
    public Builder startInstant(Instant start) {
      this.start = checkNotNull(start, "startInstant");
      return this;
    }

    /** Whether the trace records events (on by default; turn off for long, large runs). */
    public Builder traceEnabled(boolean enabled) {
      this.traceEnabled = enabled;
      return this;
    }

    /**
     * How many trace events are retained (the hash covers all).
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public Builder traceCapacity(int capacity) {
      checkArgument(capacity > 0, "traceCapacity must be positive: %s", capacity);
      this.traceCapacity = capacity;
      return this;
    }

    /**
     * Whether CloudWatch-like metrics are recorded (on by default). Off, models record nothing and
     * every metrics query answers with no datapoints; no model's behaviour depends on metrics.
     */
    public Builder metricsEnabled(boolean enabled) {
      this.metricsEnabled = enabled;
      return this;
    }

    /**
     * How long metric data is kept at each resolution ({@link MetricsRetention#cloudWatch()},
     * CloudWatch's own retention, unless set): use {@link MetricsRetention#capped(Duration)} to
     * keep less in long runs.
     *
     * @throws NullPointerException if {@code retention} is null
     */
    public Builder metricsRetention(MetricsRetention retention) {
      this.metricsRetention = checkNotNull(retention, "metricsRetention");
      return this;
    }

    /**
     * The 12-digit AWS account ID of the simulation ({@value AwsAccount#DEFAULT_ACCOUNT_ID} unless
     * set), checked when the simulation is built.
     *
     * @throws NullPointerException if {@code accountId} is null
     */
    public Builder accountId(String accountId) {
      this.accountId = checkNotNull(accountId, "accountId");
      return this;
    }

    /**
     * The default Region of the simulation ({@value AwsAccount#DEFAULT_REGION} unless set), checked
     * when the simulation is built: the Region of the facade's services; other Regions are reached
     * through {@link AwsSimulator#region(String)}.
     *
     * @throws NullPointerException if {@code region} is null
     */
    public Builder region(String region) {
      this.region = checkNotNull(region, "region");
      return this;
    }

    /**
     * The limits of simulated SQS in every Region (unless set, {@link SqsLimits#defaults()} with
     * the simulation's account ID and default Region). The limits' own Region is the default
     * Region's queue URLs' and ARNs'; another Region's queues carry their Region.
     *
     * @throws NullPointerException if {@code limits} is null
     */
    public Builder sqsLimits(SqsLimits limits) {
      this.sqsLimits = checkNotNull(limits, "sqsLimits");
      this.sqsLimitsSet = true;
      return this;
    }

    /**
     * The DynamoDB limits (AWS's by default).
     *
     * @throws NullPointerException if {@code limits} is null
     */
    public Builder dynamoDbLimits(DynamoDbLimits limits) {
      this.dynamoDbLimits = checkNotNull(limits, "dynamoDbLimits");
      return this;
    }

    /**
     * The limits of simulated Kinesis in every Region (unless set, {@link KinesisLimits#defaults()}
     * with the simulation's account ID and default Region). The limits' own Region is the default
     * Region's stream ARNs'; another Region's streams carry their Region.
     *
     * @throws NullPointerException if {@code limits} is null
     */
    public Builder kinesisLimits(KinesisLimits limits) {
      this.kinesisLimits = checkNotNull(limits, "kinesisLimits");
      this.kinesisLimitsSet = true;
      return this;
    }

    /**
     * The API Gateway account limits (unless set, {@link ApiGatewayLimits#forRegion} of each
     * Region: 10,000 requests/s and a burst of 5,000 in most Regions).
     *
     * @throws NullPointerException if {@code limits} is null
     */
    public Builder apiGatewayLimits(ApiGatewayLimits limits) {
      this.apiGatewayLimits = checkNotNull(limits, "apiGatewayLimits");
      this.apiGatewayLimitsSet = true;
      return this;
    }

    /**
     * The X-Ray sampling limits and default rule ({@link XRayLimits#defaults()} unless set).
     *
     * @throws NullPointerException if {@code limits} is null
     */
    public Builder xrayLimits(XRayLimits limits) {
      this.xrayLimits = checkNotNull(limits, "xrayLimits");
      return this;
    }

    /**
     * The limits of simulated SNS ({@link SnsLimits#defaults()} unless set).
     *
     * @throws NullPointerException if {@code limits} is null
     */
    public Builder snsLimits(SnsLimits limits) {
      this.snsLimits = checkNotNull(limits, "snsLimits");
      return this;
    }

    /**
     * Builds the simulation.
     *
     * @throws IllegalArgumentException if the account ID is not 12 digits or the Region is not
     *     shaped like a Region code
     */
    public AwsSimulator build() {
      return new AwsSimulator(this);
    }
  }
}
