package dev.awssim.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Over random arrival patterns (one seeded script per seed; failures print the seed): a request is
 * accepted iff every applicable bucket had a token, and no bucket accepts more than burst + rate x
 * w in any window of length w.
 */
class ApiGatewayPropertiesTest {
  private static final int SEEDS = 60;
  private static final long MS = 1_000_000L;

  @Test
  void acceptedOnlyIfEveryBucketHadAToken_andWindowsStayWithinBurstPlusRateTimesW() {
    for (long seed = 0; seed < SEEDS; seed++) {
      checkSeed(seed);
    }
  }

  private static void checkSeed(long seed) {
    RandomGenerator r = AwsSimulator.withSeed(seed).random("script");
    ThrottleSettings account = randomSettings(r);
    ThrottleSettings stage = randomSettings(r);
    ThrottleSettings plan = randomSettings(r);
    AwsSimulator sim =
        AwsSimulator.builder()
            .seed(seed)
            .traceEnabled(false)
            .apiGatewayLimits(
                ApiGatewayLimits.defaults()
                    .withAccountThrottle(account.rateLimit(), account.burstLimit()))
            .build();
    Fixture f = new Fixture(sim, true);
    f.gateway.createStage(
        f.api.id(),
        Fixture.STAGE,
        f.deployment,
        Fixture.throttled(stage.rateLimit(), stage.burstLimit()));
    String planId =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of("p", ApiStage.of(f.api.id(), Fixture.STAGE)).withThrottle(plan));
    ApiKey key = ApiGatewayThrottlingTest.key(f, "k", planId);
    ApiRequest request = f.request("POST", "/pets").apiKey(key.value()).build();

    Map<ThrottleLevel, List<Long>> accepted = new EnumMap<>(ThrottleLevel.class);
    for (int i = 0; i < 400; i++) {
      int gap = r.nextInt(10);
      f.sim.advanceBy(Duration.ofNanos(gap < 5 ? 0 : r.nextLong(400 * MS)));
      List<BucketState> before = f.gateway.throttleState(request);
      boolean everyBucketHadAToken = before.stream().allMatch(b -> b.availableTokens() >= 1);
      ApiResponse response = f.gateway.invoke(request);
      assertEquals(
          everyBucketHadAToken,
          response.statusCode() == 200,
          "seed " + seed + " request " + i + " buckets " + before + " -> " + response);
      if (response.statusCode() == 200) {
        for (BucketState b : before) {
          accepted.computeIfAbsent(b.level(), l -> new ArrayList<>()).add(f.sim.clock().nanos());
        }
      }
    }
    checkWindows(seed, ThrottleLevel.ACCOUNT, account, accepted);
    checkWindows(seed, ThrottleLevel.STAGE, stage, accepted);
    checkWindows(seed, ThrottleLevel.USAGE_PLAN, plan, accepted);
  }

  private static ThrottleSettings randomSettings(RandomGenerator r) {
    double rate = r.nextBoolean() ? 1 + r.nextInt(30) : r.nextInt(1, 4000) / 1000.0;
    return new ThrottleSettings(rate, r.nextInt(0, 12));
  }

  /** Every window [t_i, t_i + w] starting at an accepted request holds ≤ burst + rate x w. */
  private static void checkWindows(
      long seed, ThrottleLevel level, ThrottleSettings s, Map<ThrottleLevel, List<Long>> accepted) {
    List<Long> times = accepted.getOrDefault(level, List.of());
    long[] windows = {0, 10 * MS, 100 * MS, 1_000 * MS, 5_000 * MS};
    for (long w : windows) {
      double bound = s.burstLimit() + s.rateLimit() * w / 1e9;
      for (int i = 0, j = 0; i < times.size(); i++) {
        while (j < times.size() && times.get(j) <= times.get(i) + w) {
          j++;
        }
        int inWindow = j - i;
        assertTrue(
            inWindow <= bound + 1e-9,
            "seed " + seed + " level " + level + " " + s + " window " + w + " ns: " + inWindow);
      }
    }
  }

  @Test
  void sameSeedAndScript_giveTheSameTraceHash() {
    assertEquals(traceHash(7), traceHash(7));
    assertNotEquals(traceHash(7), traceHash(8));
  }

  private static String traceHash(long seed) {
    Fixture f = Fixture.withStage(seed, Fixture.throttled(5, 3));
    String canaryDeployment = f.gateway.createDeployment(f.api.id());
    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        Fixture.throttled(5, 3).withCanary(CanarySettings.of(50, canaryDeployment)));
    RandomGenerator r = f.sim.random("script");
    for (int i = 0; i < 200; i++) {
      f.advanceMillis(r.nextInt(300));
      f.get("/pets/" + r.nextInt(3));
    }
    return f.sim.trace().hash();
  }
}
