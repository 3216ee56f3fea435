package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableMap;
import dev.awssim.AwsSimulator;
import dev.awssim.SimulatedRegion;
import dev.awssim.engine.random.RandomStreams;
import dev.awssim.internal.SimulatorAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayAsyncClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.xray.XRayAsyncClient;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * Real AWS SDK for Java v2 clients backed by a simulation: code written against {@link SqsClient},
 * {@link KinesisClient}, {@link DynamoDbClient}, {@link DynamoDbStreamsClient} or the {@link
 * DynamoDbEnhancedClient} runs unchanged in a test, with no server, container, port or wall clock.
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.withSeed(42);
 * SimulatedAws aws = SimulatedAws.from(sim);             // retries as the SDK does by default
 * SqsClient sqs = aws.sqsClient();
 * String url = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
 * sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
 * }</pre>
 *
 * <p><b>Regions.</b> The clients talk to one Region of the simulation, {@link #region()}: the
 * default Region (whose services {@link AwsSimulator#sqs()} and the other accessors give), or the
 * one {@link Builder#region(String)} names, as an SDK client built for that Region talks to its
 * endpoint. Where the accessors below name {@code AwsSimulator#sqs()} and the others, read that
 * Region's {@link SimulatedRegion#sqs()} and so on; its service client configuration names it.
 *
 * <pre>{@code
 * SimulatedAws eu = SimulatedAws.builder(sim).region("eu-west-1").build();
 * eu.sqsClient().createQueue(b -> b.queueName("orders"));  // a queue of eu-west-1 only
 * }</pre>
 *
 * <p>Each accessor returns the same client every time; each client has its own retry quota and
 * seeded jitter stream ({@code awssdk/retries/sqs}, ...), as each SDK client has its own retry
 * strategy. Closing a client releases nothing and does not stop the simulation.
 *
 * <p><b>Async clients</b> ({@link #sqsAsyncClient()}, {@link #kinesisAsyncClient()}, {@link
 * #dynamoDbAsyncClient()}, {@link #dynamoDbStreamsAsyncClient()}, {@link
 * #dynamoDbEnhancedAsyncClient()}) run the sync clients' translation, one attempt at a time, and do
 * their retries' backoffs and SQS long polls as tasks on virtual time: no thread ever waits. A call
 * that needs no waiting returns a future that is already complete; one that waits completes when
 * virtual time gets there, that is when the test advances the simulation, or, for third-party
 * libraries that block on futures, while a {@link dev.awssim.internal.WallClockPacer} moves time.
 */
public final class SimulatedAws {
  private final AwsSimulator simulator;
  private final SimulatedRegion region;
  private final RetryMode retryMode;
  private final ClientFaults faults;
  private final Supplier<SqsClient> sqs;
  private final Supplier<KinesisClient> kinesis;
  private final Supplier<DynamoDbClient> dynamoDb;
  private final Supplier<DynamoDbStreamsClient> dynamoDbStreams;
  private final Supplier<DynamoDbEnhancedClient> enhanced;
  private final Executor completions;
  private final RandomStreams streams;
  private final Supplier<SqsAsyncClient> sqsAsync;
  private final Supplier<KinesisAsyncClient> kinesisAsync;
  private final Supplier<DynamoDbAsyncClient> dynamoDbAsync;
  private final Supplier<DynamoDbStreamsAsyncClient> dynamoDbStreamsAsync;
  private final Supplier<DynamoDbEnhancedAsyncClient> enhancedAsync;
  private final Supplier<CloudWatchClient> cloudWatch;
  private final Supplier<CloudWatchAsyncClient> cloudWatchAsync;
  private final Supplier<XRayClient> xray;
  private final Supplier<XRayAsyncClient> xrayAsync;
  private final Supplier<SnsClient> sns;
  private final Supplier<SnsAsyncClient> snsAsync;
  private final Supplier<ApiGatewayClient> apiGateway;
  private final Supplier<ApiGatewayAsyncClient> apiGatewayAsync;
  private final Map<String, DynamoDbClient> daxClients = new LinkedHashMap<>();

  private SimulatedAws(Builder b) {
    this.simulator = b.simulator;
    this.region = b.simulator.region(b.region == null ? b.simulator.account().region() : b.region);
    this.retryMode = b.retryMode;
    this.faults = b.faults;
    this.completions = b.completions;
    this.streams = b.streams == null ? SimulatorAccess.context(region).random() : b.streams;
    this.sqs =
        Suppliers.memoize(
            () ->
                new SimulatedSqsClient(
                    region.sqs(), executor(RetryPolicy.of(retryMode), SdkErrors.SQS, "sqs")));
    this.kinesis =
        Suppliers.memoize(
            () ->
                new SimulatedKinesisClient(
                    region.kinesis(),
                    executor(RetryPolicy.of(retryMode), SdkErrors.KINESIS, "kinesis")));
    this.dynamoDb =
        Suppliers.memoize(
            () ->
                new SimulatedDynamoDbClient(
                    region.dynamoDb(),
                    executor(RetryPolicy.ofDynamoDb(retryMode), SdkErrors.DYNAMODB, "dynamodb")));
    this.dynamoDbStreams =
        Suppliers.memoize(
            () ->
                new SimulatedDynamoDbStreamsClient(
                    region.dynamoDb().streams(),
                    executor(
                        RetryPolicy.of(retryMode),
                        SdkErrors.DYNAMODB_STREAMS,
                        "dynamodb-streams")));
    this.enhanced =
        Suppliers.memoize(
            () -> DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDbClient()).build());
    this.sqsAsync =
        Suppliers.memoize(
            () -> {
              RetryExecutor r = executor(RetryPolicy.of(retryMode), SdkErrors.SQS, "sqs");
              return AsyncClients.sqs(
                  new SimulatedSqsClient(region.sqs(), r.singleAttempt()), r, region.sqs());
            });
    this.kinesisAsync =
        Suppliers.memoize(
            () -> {
              RetryExecutor r = executor(RetryPolicy.of(retryMode), SdkErrors.KINESIS, "kinesis");
              return AsyncClients.kinesis(
                  new SimulatedKinesisClient(region.kinesis(), r.singleAttempt()),
                  r,
                  region.kinesis());
            });
    this.dynamoDbAsync =
        Suppliers.memoize(
            () -> {
              RetryExecutor r =
                  executor(RetryPolicy.ofDynamoDb(retryMode), SdkErrors.DYNAMODB, "dynamodb");
              return AsyncClients.dynamoDb(
                  new SimulatedDynamoDbClient(region.dynamoDb(), r.singleAttempt()),
                  r,
                  this::dynamoDbAsyncClient);
            });
    this.dynamoDbStreamsAsync =
        Suppliers.memoize(
            () -> {
              RetryExecutor r =
                  executor(
                      RetryPolicy.of(retryMode), SdkErrors.DYNAMODB_STREAMS, "dynamodb-streams");
              return AsyncClients.create(
                  DynamoDbStreamsAsyncClient.class,
                  DynamoDbStreamsClient.class,
                  new SimulatedDynamoDbStreamsClient(
                      region.dynamoDb().streams(), r.singleAttempt()),
                  r,
                  ImmutableMap.of());
            });
    this.enhancedAsync =
        Suppliers.memoize(
            () ->
                DynamoDbEnhancedAsyncClient.builder()
                    .dynamoDbClient(dynamoDbAsyncClient())
                    .build());
    this.cloudWatch =
        Suppliers.memoize(
            () ->
                new SimulatedCloudWatchClient(
                    region.cloudWatch(),
                    executor(
                        RetryPolicy.of(retryMode), SimulatedCloudWatchClient.ERRORS, "cloudwatch"),
                    region.sqs().limits().region()));
    this.cloudWatchAsync =
        Suppliers.memoize(
            () -> {
              RetryExecutor r =
                  executor(
                      RetryPolicy.of(retryMode), SimulatedCloudWatchClient.ERRORS, "cloudwatch");
              return AsyncClients.create(
                  CloudWatchAsyncClient.class,
                  CloudWatchClient.class,
                  new SimulatedCloudWatchClient(
                      region.cloudWatch(), r.singleAttempt(), region.sqs().limits().region()),
                  r,
                  ImmutableMap.of());
            });
    this.xray =
        Suppliers.memoize(
            () ->
                new SimulatedXRayClient(
                    region.xray(),
                    executor(RetryPolicy.of(retryMode), SimulatedXRayClient.ERRORS, "xray")));
    this.xrayAsync =
        Suppliers.memoize(
            () -> {
              RetryExecutor r =
                  executor(RetryPolicy.of(retryMode), SimulatedXRayClient.ERRORS, "xray");
              return AsyncClients.create(
                  XRayAsyncClient.class,
                  XRayClient.class,
                  new SimulatedXRayClient(region.xray(), r.singleAttempt()),
                  r,
                  ImmutableMap.of());
            });
    this.sns =
        Suppliers.memoize(
            () ->
                new SimulatedSnsClient(
                    region.sns(),
                    executor(RetryPolicy.of(retryMode), SimulatedSnsClient.ERRORS, "sns"),
                    region.sqs().limits().region()));
    this.snsAsync =
        Suppliers.memoize(
            () -> {
              RetryExecutor r =
                  executor(RetryPolicy.of(retryMode), SimulatedSnsClient.ERRORS, "sns");
              return AsyncClients.create(
                  SnsAsyncClient.class,
                  SnsClient.class,
                  new SimulatedSnsClient(
                      region.sns(), r.singleAttempt(), region.sqs().limits().region()),
                  r,
                  ImmutableMap.of());
            });
    this.apiGateway =
        Suppliers.memoize(
            () ->
                new SimulatedApiGatewayClient(
                    region.apiGateway(),
                    executor(
                        RetryPolicy.of(retryMode),
                        SimulatedApiGatewayClient.ERRORS,
                        "apigateway")));
    this.apiGatewayAsync =
        Suppliers.memoize(
            () -> {
              RetryExecutor r =
                  executor(
                      RetryPolicy.of(retryMode), SimulatedApiGatewayClient.ERRORS, "apigateway");
              return AsyncClients.create(
                  ApiGatewayAsyncClient.class,
                  ApiGatewayClient.class,
                  new SimulatedApiGatewayClient(region.apiGateway(), r.singleAttempt()),
                  r,
                  ImmutableMap.of());
            });
  }

  /**
   * Clients over {@code simulator} that retry as an SDK client with default settings ({@link
   * RetryMode#LEGACY}, the default of SDK 2.40.2).
   *
   * @throws NullPointerException if {@code simulator} is null
   */
  public static SimulatedAws from(AwsSimulator simulator) {
    return builder(simulator).build();
  }

  /**
   * A builder of clients over {@code simulator}.
   *
   * @throws NullPointerException if {@code simulator} is null
   */
  public static Builder builder(AwsSimulator simulator) {
    return new Builder(simulator);
  }

  /** The simulation behind the clients. */
  public AwsSimulator simulator() {
    return simulator;
  }

  /**
   * The Region the clients talk to: {@link #simulator()}'s default Region unless {@link
   * Builder#region(String)} named another.
   */
  public SimulatedRegion region() {
    return region;
  }

  /** How the clients retry. */
  public RetryMode retryMode() {
    return retryMode;
  }

  /** An {@link SqsClient} over {@link AwsSimulator#sqs()}. */
  public SqsClient sqsClient() {
    return sqs.get();
  }

  /**
   * An {@link SnsClient} over {@link AwsSimulator#sns()}: topics, subscriptions (SQS, Lambda,
   * HTTP/S), Publish and PublishBatch; a message published to a topic reaches its SQS subscribers
   * at once, readable through {@link #sqsClient()}.
   */
  public SnsClient snsClient() {
    return sns.get();
  }

  /**
   * An {@link SnsAsyncClient} over {@link AwsSimulator#sns()}: the calls of {@link #snsClient()}.
   */
  public SnsAsyncClient snsAsyncClient() {
    return snsAsync.get();
  }

  /** A {@link KinesisClient} over {@link AwsSimulator#kinesis()}. */
  public KinesisClient kinesisClient() {
    return kinesis.get();
  }

  /**
   * A {@link DynamoDbClient} over {@link AwsSimulator#dynamoDb()}; with {@link RetryMode#LEGACY} or
   * {@link RetryMode#STANDARD} it makes up to 9 attempts, as the SDK's DynamoDB client does.
   */
  public DynamoDbClient dynamoDbClient() {
    return dynamoDb.get();
  }

  /**
   * A {@link DynamoDbStreamsClient} over the simulator's DynamoDB Streams; it retries as a generic
   * SDK client (the SDK gives the Streams client no DynamoDB-specific retry policy).
   */
  public DynamoDbStreamsClient dynamoDbStreamsClient() {
    return dynamoDbStreams.get();
  }

  /**
   * A {@link DynamoDbEnhancedClient} over {@link #dynamoDbClient()}.
   *
   * <pre>{@code
   * DynamoDbTable<Customer> table =
   *     aws.dynamoDbEnhancedClient().table("customers", TableSchema.fromBean(Customer.class));
   * }</pre>
   */
  public DynamoDbEnhancedClient dynamoDbEnhancedClient() {
    return enhanced.get();
  }

  /**
   * An {@link SqsAsyncClient} over {@link AwsSimulator#sqs()}: the operations, errors and retries
   * of {@link #sqsClient()}; a long poll registers a waiter and completes its future when a message
   * becomes receivable or the wait ends on virtual time. Cancelling the future withdraws the poll.
   */
  public SqsAsyncClient sqsAsyncClient() {
    return sqsAsync.get();
  }

  /**
   * A {@link KinesisAsyncClient} over {@link AwsSimulator#kinesis()}: the operations, errors and
   * retries of {@link #kinesisClient()}, and SubscribeToShard (enhanced fan-out): the SDK's event
   * stream, pushed on virtual time for up to 5 minutes at 2 MiB/s per consumer and shard, as far as
   * the subscriber's {@code request(n)} allows.
   */
  public KinesisAsyncClient kinesisAsyncClient() {
    return kinesisAsync.get();
  }

  /**
   * A {@link DynamoDbAsyncClient} over {@link AwsSimulator#dynamoDb()}: the operations, errors and
   * retries (up to 9 attempts) of {@link #dynamoDbClient()}; its {@code waiter()} is the SDK's,
   * with the checks scheduled on virtual time (every 20 s for the table waiters, as the SDK's
   * DynamoDB waiters are configured), so that a waiter's future completes when the simulation gets
   * there.
   */
  public DynamoDbAsyncClient dynamoDbAsyncClient() {
    return dynamoDbAsync.get();
  }

  /**
   * A {@link DynamoDbStreamsAsyncClient} over the simulator's DynamoDB Streams: the operations,
   * errors and retries of {@link #dynamoDbStreamsClient()}.
   */
  public DynamoDbStreamsAsyncClient dynamoDbStreamsAsyncClient() {
    return dynamoDbStreamsAsync.get();
  }

  /** A {@link DynamoDbEnhancedAsyncClient} over {@link #dynamoDbAsyncClient()}. */
  public DynamoDbEnhancedAsyncClient dynamoDbEnhancedAsyncClient() {
    return enhancedAsync.get();
  }

  /**
   * A {@link CloudWatchClient} over {@link AwsSimulator#cloudWatch()}: metrics (PutMetricData,
   * GetMetricStatistics, GetMetricData with metric math, ListMetrics) over {@link
   * AwsSimulator#metrics()}, where the services' own metrics are, and metric alarms
   * (PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric, DescribeAlarmHistory, SetAlarmState,
   * DeleteAlarms, Enable/DisableAlarmActions).
   */
  public CloudWatchClient cloudWatchClient() {
    return cloudWatch.get();
  }

  /**
   * A {@link CloudWatchAsyncClient}: the operations, errors and retries of {@link
   * #cloudWatchClient()} (where libraries such as the Kinesis Client Library publish their own
   * metrics).
   */
  public CloudWatchAsyncClient cloudWatchAsyncClient() {
    return cloudWatchAsync.get();
  }

  /**
   * An {@link XRayClient} over {@link AwsSimulator#xray()}: GetSamplingRules, GetSamplingTargets,
   * CreateSamplingRule, UpdateSamplingRule and DeleteSamplingRule.
   */
  public XRayClient xRayClient() {
    return xray.get();
  }

  /**
   * An {@link XRayAsyncClient} with the operations, errors and retries of {@link #xRayClient()}.
   */
  public XRayAsyncClient xRayAsyncClient() {
    return xrayAsync.get();
  }

  /**
   * An {@link ApiGatewayClient} over {@link AwsSimulator#apiGateway()}: the REST API control plane
   * (GetRestApis, GetStages, UpdateStage with AWS's patch operations, usage plans and API keys,
   * ...; see the simulator-awssdk README). A throttle changed through it applies to the simulated
   * APIs' requests from that instant of virtual time.
   */
  public ApiGatewayClient apiGatewayClient() {
    return apiGateway.get();
  }

  /**
   * An {@link ApiGatewayAsyncClient} with the operations, errors and retries of {@link
   * #apiGatewayClient()}.
   */
  public ApiGatewayAsyncClient apiGatewayAsyncClient() {
    return apiGatewayAsync.get();
  }

  /**
   * The {@link DynamoDbClient} a DAX client gives, over the cluster {@code clusterName} of {@link
   * AwsSimulator#dax()} in front of {@link AwsSimulator#dynamoDb()}: reads served from the
   * cluster's caches, writes written through, strongly consistent reads passed through. It retries
   * as {@link #dynamoDbClient()} does; the same name gives the same client.
   *
   * <pre>{@code
   * sim.dax().createCluster("orders-cache", DaxClusterConfig.defaults());
   * DynamoDbClient dax = aws.daxClient("orders-cache");
   * }</pre>
   *
   * @throws dev.awssim.dax.DaxException {@code ClusterNotFoundFault} if there is no such cluster
   */
  public DynamoDbClient daxClient(String clusterName) {
    synchronized (SimulatorAccess.context(region).lock()) {
      DynamoDbClient existing = daxClients.get(clusterName);
      if (existing != null) {
        return existing;
      }
      RetryExecutor r =
          executor(RetryPolicy.ofDynamoDb(retryMode), SdkErrors.DYNAMODB, "dax/" + clusterName);
      DynamoDbClient client =
          new SimulatedDaxClient(
              region.dax().cluster(clusterName),
              new SimulatedDynamoDbClient(region.dynamoDb(), r.singleAttempt()),
              r);
      daxClients.put(clusterName, client);
      return client;
    }
  }

  private RetryExecutor executor(RetryPolicy policy, ServiceErrors errors, String clientName) {
    return new RetryExecutor(
        SimulatorAccess.context(region), policy, errors, clientName, faults, completions, streams);
  }

  /**
   * Configures {@link SimulatedAws}.
   *
   * <pre>{@code
   * SimulatedAws aws = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build();
   * }</pre>
   */
  public static final class Builder {
    private final AwsSimulator simulator;
    private RetryMode retryMode = RetryMode.LEGACY;
    private ClientFaults faults = ClientFaults.none();
    private Executor completions = Runnable::run;
    private RandomStreams streams;
    private String region;

    private Builder(AwsSimulator simulator) {
      this.simulator = checkNotNull(simulator, "simulator");
    }

    /**
     * How the clients retry ({@link RetryMode#LEGACY}, the SDK's default, unless set).
     *
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder retryMode(RetryMode mode) {
      this.retryMode = checkNotNull(mode, "retryMode");
      return this;
    }

    /**
     * Faults the clients inject ({@link ClientFaults#none()} unless set).
     *
     * @throws NullPointerException if {@code faults} is null
     */
    public Builder faults(ClientFaults faults) {
      this.faults = checkNotNull(faults, "faults");
      return this;
    }

    /**
     * Where the async clients complete their futures, and so where the callbacks chained on them
     * run. Unless set, they complete on the thread that makes them complete: the caller's for a
     * call that needs no waiting, the simulation's (inside a scheduled task, holding its lock) for
     * a long poll or retry, which keeps stepped runs deterministic. Give libraries that block
     * inside their callbacks (and any run with a {@link dev.awssim.internal.WallClockPacer}) an
     * executor of their own, as the SDK's own async clients complete on a thread pool.
     *
     * @throws NullPointerException if {@code executor} is null
     */
    public Builder asyncCompletionExecutor(Executor executor) {
      this.completions = checkNotNull(executor, "executor");
      return this;
    }

    /**
     * The seeded streams the clients draw their retry jitter, request ids and injected faults from:
     * the streams of their {@linkplain #region Region} unless set (for the default Region, the
     * simulation's own, {@link AwsSimulator#randomStreams()}). Several {@code SimulatedAws} on one
     * simulation and Region share those streams, as clients in one process draw from one generator;
     * give each a {@code new RandomStreams(sim.seed())} to have each draw exactly what it would
     * draw alone on a simulation of that seed (several configurations compared side by side, each
     * with the numbers of its own run).
     *
     * @throws NullPointerException if {@code streams} is null
     */
    public Builder randomStreams(RandomStreams streams) {
      this.streams = checkNotNull(streams, "streams");
      return this;
    }

    /**
     * The Region the clients talk to (the simulation's default Region unless set), as an SDK client
     * built with {@code .region(Region.of(region))} talks to that Region's endpoint: its queues,
     * streams, tables, topics and metrics, created on first use (see {@link
     * AwsSimulator#region(String)}). The Region's own random streams feed the clients' retry jitter
     * and request ids unless {@link #randomStreams} is set.
     *
     * <pre>{@code
     * SqsClient eu = SimulatedAws.builder(sim).region("eu-west-1").build().sqsClient();
     * }</pre>
     *
     * @throws NullPointerException if {@code region} is null
     */
    public Builder region(String region) {
      this.region = checkNotNull(region, "region");
      return this;
    }

    /**
     * The clients.
     *
     * @throws IllegalArgumentException if the Region set is not shaped like a Region code
     */
    public SimulatedAws build() {
      return new SimulatedAws(this);
    }
  }
}
