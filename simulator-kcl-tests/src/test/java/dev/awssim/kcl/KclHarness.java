package dev.awssim.kcl;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.ClientFaults;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.engine.time.Pacer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.common.StreamConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.leases.LeaseRefresher;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.RetrievalConfig;
import software.amazon.kinesis.retrieval.fanout.FanOutConfig;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * One simulation paced by the wall clock, its async SDK clients, and KCL workers on them. The
 * simulated clients complete their futures on a thread pool, as the SDK's own do, because KCL
 * blocks on futures inside its callbacks. Determinism is not promised here (the pacer and KCL's
 * threads decide the interleaving); the assertions are about what KCL must achieve whatever the
 * timing.
 */
final class KclHarness implements AutoCloseable {
  /** Virtual seconds per wall second: KCL's own wall-clock waits cost less virtual time. */
  static final double PACE = 10.0;

  /** How a worker finds its lease table. */
  enum LeaseTable {
    /**
     * As KCL leaves it: a worker that finds no leases draws a random 1-30 s of wall time and, while
     * the table stays empty, looks at it again every 3 s until that time has passed (KCL's {@code
     * Scheduler.shouldInitiateLeaseSync}: unseeded, on the wall clock, and no setting shortens it),
     * so 3-30 s go by before it lists the shards and creates their leases.
     */
    EMPTY,
    /**
     * Created, with one lease per shard, by KCL's own shard sync (the {@code ShardSyncTaskManager}
     * of this worker's {@code Scheduler}) before the worker starts: what a worker finds when
     * another one got there first, or a redeployed application. Its first look at the table finds
     * leases, so it starts at once.
     */
    LEASES_CREATED
  }

  final AwsSimulator sim;
  final SimulatedAws aws;
  private final ExecutorService completions = Executors.newFixedThreadPool(8, daemon("sdk"));
  private final Pacer pacer;
  private final List<Scheduler> schedulers = new ArrayList<>();

  /** What every worker processed: per shard, the records in the order processed. */
  final Map<String, List<KinesisClientRecord>> processed =
      Collections.synchronizedMap(new LinkedHashMap<>());

  /** Shards whose processor saw shardEnded (and checkpointed it). */
  final List<String> ended = Collections.synchronizedList(new ArrayList<>());

  /** "initialize shardId" and "shardEnded shardId", in the order the processors saw them. */
  final List<String> timeline = Collections.synchronizedList(new ArrayList<>());

  /** The order in which shards were first initialized. */
  final List<String> initialized = Collections.synchronizedList(new ArrayList<>());

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Per worker, the shards it initialized. */
  final Map<String, List<String>> byWorker = Collections.synchronizedMap(new LinkedHashMap<>());

  KclHarness(long seed, ClientFaults faults) {
    this(seed, faults, PACE);
  }

  /** A harness whose virtual time runs {@code pace} times as fast as the wall clock. */
  KclHarness(long seed, ClientFaults faults, double pace) {
    sim = AwsSimulator.withSeed(seed);
    aws = SimulatedAws.builder(sim).faults(faults).asyncCompletionExecutor(completions).build();
    pacer = sim.paceByWallClock(pace);
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    return r -> {
      Thread t = new Thread(r, prefix);
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts a worker reading {@code stream} as {@code application}, polling or by fan-out. */
  Scheduler startWorker(
      String stream,
      String application,
      String workerId,
      boolean fanOut,
      Consumer<LeaseManagementConfig> leases)
      throws Exception {
    return startWorker(
        stream, application, workerId, fanOut, leases, 200, LeaseTable.LEASES_CREATED);
  }

  /**
   * As above, polling with {@code idleMillis} of wall time between GetRecords calls (KCL's minimum
   * is 200), on a lease table as {@code table} says.
   */
  Scheduler startWorker(
      String stream,
      String application,
      String workerId,
      boolean fanOut,
      Consumer<LeaseManagementConfig> leases,
      long idleMillis,
      LeaseTable table)
      throws Exception {
    ConfigsBuilder configs =
        new ConfigsBuilder(
            new SingleStreamTracker(
                stream,
                InitialPositionInStreamExtended.newInitialPosition(
                    InitialPositionInStream.TRIM_HORIZON)),
            application,
            aws.kinesisAsyncClient(),
            aws.dynamoDbAsyncClient(),
            aws.cloudWatchAsyncClient(),
            workerId,
            processors(workerId));
    // KCL's timers run on the wall clock: shorter ones than its defaults let a test finish in
    // seconds. failoverTimeMillis (10 s): a lease not renewed for this long is expired, and its
    // owner renews every third of it (641 ms here). shardSyncIntervalMillis (1 min): how long
    // KCL's ShardSyncTask sleeps after it created leases, on the thread that asked for the sync (a
    // starting worker's, or ours in createLeases). leaseAssignmentIntervalMillis (2x failover):
    // how often the leader's LeaseAssignmentManager assigns leases; workers look for leases
    // assigned to them twice as often.
    LeaseManagementConfig leaseConfig =
        configs
            .leaseManagementConfig()
            .failoverTimeMillis(2_000)
            .shardSyncIntervalMillis(100)
            .leaseAssignmentIntervalMillis(1_000L);
    // KCL 3's worker metrics read the host's CPU and the EC2 metadata address: not here. The
    // leader gives leases only to workers whose (here empty) metrics report is fresh. A worker
    // first reports after twice inMemoryWorkerMetricsCaptureFrequencyMillis (1 s): 100 ms brings a
    // new worker's first lease from about 3 s after it starts to about 1 s. It then reports every
    // workerMetricsReporterFreqInMillis (30 s), and the leader counts it alive for twice that
    // after its last report, even once it has shut down: a worker that left would be handed
    // leases (which come back only when they expire, 2 s later, maybe to it again) for up to a
    // minute; with 1 s, for 2 s.
    leaseConfig
        .workerUtilizationAwareAssignmentConfig()
        .disableWorkerMetrics(true)
        .inMemoryWorkerMetricsCaptureFrequencyMillis(100)
        .workerMetricsReporterFreqInMillis(1_000);
    leases.accept(leaseConfig);
    RetrievalConfig retrieval = configs.retrievalConfig();
    if (fanOut) {
      retrieval.retrievalSpecificConfig(
          new FanOutConfig(aws.kinesisAsyncClient())
              .streamName(stream)
              .applicationName(application)
              // KCL sleeps this long (1 s) after each DescribeStreamConsumer while it waits for
              // its consumer to be ACTIVE, even after the call that found it ACTIVE, and between
              // retries of throttled registration calls.
              .retryBackoffMillis(200));
    } else {
      retrieval.retrievalSpecificConfig(
          new PollingConfig(stream, aws.kinesisAsyncClient())
              .idleTimeBetweenReadsInMillis(idleMillis));
    }
    Scheduler scheduler =
        new Scheduler(
            configs.checkpointConfig(),
            configs
                .coordinatorConfig()
                .parentShardPollIntervalMillis(500)
                .shardConsumerDispatchPollIntervalMillis(200),
            leaseConfig,
            configs.lifecycleConfig(),
            configs.metricsConfig(),
            configs.processorConfig(),
            retrieval);
    if (table == LeaseTable.LEASES_CREATED) {
      createLeases(scheduler);
    }
    Thread t = new Thread(scheduler, "kcl-" + workerId);
    t.setDaemon(true);
    t.start();
    schedulers.add(scheduler);
    return scheduler;
  }

  /**
   * Creates the lease table and, if it holds no lease, one lease per shard, with this worker's own
   * KCL components, as its {@code Scheduler} would after its random wait.
   */
  private static void createLeases(Scheduler scheduler) throws Exception {
    LeaseRefresher refresher = scheduler.leaseRefresher();
    refresher.createLeaseTableIfNotExists();
    if (!refresher.waitUntilLeaseTableExists(1, 30)) {
      throw new IllegalStateException("the lease table did not become ACTIVE");
    }
    if (refresher.isLeaseTableEmpty()) {
      for (StreamConfig config : scheduler.currentStreamConfigMap().values()) {
        scheduler.shardSyncTaskManagerProvider().apply(config).callShardSyncTask();
      }
    }
  }

  private ShardRecordProcessorFactory processors(String workerId) {
    return () ->
        new ShardRecordProcessor() {
          private String shardId;

          @Override
          public void initialize(InitializationInput input) {
            shardId = input.shardId();
            initialized.add(shardId);
            timeline.add("initialize " + shardId);
            byWorker.computeIfAbsent(workerId, w -> new ArrayList<>()).add(shardId);
            signal();
          }

          @Override
          public void processRecords(ProcessRecordsInput input) {
            processed
                .computeIfAbsent(shardId, s -> Collections.synchronizedList(new ArrayList<>()))
                .addAll(input.records());
            try {
              input.checkpointer().checkpoint();
            } catch (InvalidStateException | ShutdownException e) {
              // The lease moved on: the next owner resumes from the last checkpoint.
            } catch (ThrottlingException e) {
              // The lease table refused the write: the next batch's checkpoint covers this one.
            }
            signal();
          }

          @Override
          public void leaseLost(LeaseLostInput input) {}

          @Override
          public void shardEnded(ShardEndedInput input) {
            try {
              input.checkpointer().checkpoint();
              ended.add(shardId);
              timeline.add("shardEnded " + shardId);
              signal();
            } catch (InvalidStateException | ShutdownException e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public void shutdownRequested(ShutdownRequestedInput input) {}
        };
  }

  /** Wakes {@link #await}: a processor saw something. */
  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits, at most {@code timeout} of wall time, until {@code condition} holds; it is checked each
   * time a processor reports (and at least every 200 ms, for conditions no processor reports).
   * Returns whether it holds.
   */
  boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (!condition.getAsBoolean()) {
        if (left <= 0) {
          return false;
        }
        long slice = Math.min(left, TimeUnit.MILLISECONDS.toNanos(200));
        left -= slice - changed.awaitNanos(slice);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  static String text(KinesisClientRecord r) {
    byte[] b = new byte[r.data().remaining()];
    r.data().duplicate().get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The record texts processed for one shard, in order. */
  List<String> texts(String shardId) {
    List<String> texts = new ArrayList<>();
    List<KinesisClientRecord> records = processed.getOrDefault(shardId, List.of());
    synchronized (records) {
      records.forEach(r -> texts.add(text(r)));
    }
    return texts;
  }

  int processedCount() {
    synchronized (processed) {
      return processed.values().stream().mapToInt(List::size).sum();
    }
  }

  @Override
  public void close() throws Exception {
    for (Scheduler s : schedulers) {
      s.shutdown();
    }
    pacer.close();
    completions.shutdownNow();
    completions.awaitTermination(5, TimeUnit.SECONDS);
  }
}
