package dev.awssim.junit5.examples;

import dev.awssim.AwsSimulator;
import dev.awssim.junit5.Seed;
import dev.awssim.junit5.SeededTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Run only through the test kit: records each seed's trace hash after random SQS work. */
public class TraceExample {
  /** Trace hash by seed, for the test that reruns one seed. */
  public static final Map<Long, String> HASHES = new ConcurrentHashMap<>();

  @SeededTest(count = 3)
  void randomWork(AwsSimulator sim, @Seed long seed) {
    String url = sim.sqs().createQueue("q");
    var random = sim.random("work");
    for (int i = 0; i < 50; i++) {
      sim.sqs().sendMessage(url, "m" + random.nextInt(1000));
      sim.advanceBy(Duration.ofMillis(random.nextInt(100)));
      sim.sqs().receiveMessage(url);
    }
    HASHES.put(seed, sim.trace().hash());
  }
}
