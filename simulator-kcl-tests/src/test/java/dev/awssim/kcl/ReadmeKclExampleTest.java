package dev.awssim.kcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import dev.awssim.awssdk.SimulatedAws;
import dev.awssim.engine.time.Pacer;
import dev.awssim.internal.WallClockPacer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * Keeps the KCL example of simulator-awssdk/README.md ("Running the Kinesis Client Library on
 * awssim") true: the body of {@link #readmeKclExample_processesTheRecords} between the markers is
 * the README's snippet, and {@link #readmeKclSection_showsThisTestsCode} checks that it still is.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadmeKclExampleTest {
  static final AtomicInteger PROCESSED = new AtomicInteger();

  /** The README's record processor: counts what it gets and checkpoints. */
  static final class MyRecordProcessor implements ShardRecordProcessor {
    @Override
    public void initialize(InitializationInput input) {}

    @Override
    public void processRecords(ProcessRecordsInput input) {
      PROCESSED.addAndGet(input.records().size());
      try {
        input.checkpointer().checkpoint();
      } catch (Exception e) {
        // the next batch checkpoints again
      }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {}

    @Override
    public void shardEnded(ShardEndedInput input) {
      try {
        input.checkpointer().checkpoint();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {}
  }

  @Test
  void readmeKclExample_processesTheRecords() throws Exception {
    // --- README snippet begins
    AwsSimulator sim = AwsSimulator.withSeed(42);
    // KCL blocks on futures inside its callbacks: complete them on threads of their own.
    ExecutorService sdkThreads = Executors.newFixedThreadPool(8);
    SimulatedAws aws = SimulatedAws.builder(sim).asyncCompletionExecutor(sdkThreads).build();
    // KCL sleeps on the wall clock: let virtual time follow it (1x; faster for demos).
    Pacer pacer = sim.paceByWallClock(1.0);

    aws.kinesisClient().createStream(b -> b.streamName("orders").shardCount(4));
    aws.kinesisClient()
        .putRecord(
            b -> b.streamName("orders").partitionKey("k").data(SdkBytes.fromUtf8String("hello")));

    ConfigsBuilder configs =
        new ConfigsBuilder(
            new SingleStreamTracker(
                "orders",
                InitialPositionInStreamExtended.newInitialPosition(
                    InitialPositionInStream.TRIM_HORIZON)),
            "my-app",
            aws.kinesisAsyncClient(),
            aws.dynamoDbAsyncClient(),
            aws.cloudWatchAsyncClient(),
            "worker-1",
            MyRecordProcessor::new);
    // KCL's timers run on the wall clock: shorter ones than its defaults make a test quick. Above
    // all shardSyncIntervalMillis: KCL sleeps that long (1 min) after it creates the leases.
    LeaseManagementConfig leases =
        configs
            .leaseManagementConfig()
            .failoverTimeMillis(2_000)
            .shardSyncIntervalMillis(100)
            .leaseAssignmentIntervalMillis(1_000L);
    // KCL 3's worker metrics read the host's CPU and the EC2 instance metadata: turn them off.
    // A worker gets leases once it has reported them (empty): after 2 x 100 ms instead of 2 s.
    leases
        .workerUtilizationAwareAssignmentConfig()
        .disableWorkerMetrics(true)
        .inMemoryWorkerMetricsCaptureFrequencyMillis(100);
    Scheduler scheduler =
        new Scheduler(
            configs.checkpointConfig(),
            // The worker's loop starts shard consumers and moves each a step on every pass: every
            // 200 ms instead of every second.
            configs.coordinatorConfig().shardConsumerDispatchPollIntervalMillis(200),
            leases,
            configs.lifecycleConfig(),
            configs.metricsConfig(),
            configs.processorConfig(),
            configs
                .retrievalConfig()
                .retrievalSpecificConfig(new PollingConfig("orders", aws.kinesisAsyncClient())));
    Thread worker = new Thread(scheduler, "kcl-worker-1");
    worker.start();
    // ... KCL creates its lease table "my-app" in the simulated DynamoDB and processes "hello".
    // --- README snippet ends
    try {
      // At most 60 s of wall time, in 100 ms waits: KCL 3 itself waits a random 3-30 s of wall
      // time on an empty lease table before it creates the leases; then about 2 s to the record.
      for (int i = 0; i < 600 && PROCESSED.get() < 1; i++) {
        synchronized (this) {
          WallClockPacer.awaitWall(this, 100);
        }
      }
      assertTrue(PROCESSED.get() >= 1, "KCL processed the record");
    } finally {
      // --- README shutdown begins
      scheduler.shutdown();
      pacer.close();
      sdkThreads.shutdown();
      // --- README shutdown ends
    }
  }

  /**
   * The code block of the README's "Running the Kinesis Client Library on awssim" is the body of
   * {@link #readmeKclExample_processesTheRecords} between its markers, one indentation level less.
   */
  @Test
  void readmeKclSection_showsThisTestsCode() throws IOException {
    String test =
        Files.readString(Path.of("src/test/java/dev/awssim/kcl/ReadmeKclExampleTest.java"));
    String begins = "// --- README snippet begins\n";
    String body =
        test.substring(
            test.indexOf(begins) + begins.length(), test.indexOf("    // --- README snippet ends"));
    String expected =
        body.lines()
            .map(line -> line.startsWith("    ") ? line.substring(4) : line)
            .collect(Collectors.joining("\n", "", "\n"));
    String readme = Files.readString(Path.of("../simulator-awssdk/README.md"));
    String section =
        readme.substring(readme.indexOf("## Running the Kinesis Client Library on awssim"));
    int code = section.indexOf("```java\n") + "```java\n".length();
    assertEquals(expected, section.substring(code, section.indexOf("```\n", code)));
  }
}
