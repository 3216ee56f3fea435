package dev.awssim.apigateway;

import java.util.LinkedHashMap;
import java.util.Map;

/** A usage plan and its keys, each with the plan's per-key bucket and quota. */
final class UsagePlan {
  final String id;
  final long createdNanos;
  final Map<String, PlanKey> keys = new LinkedHashMap<>();
  UsagePlanSettings settings;

  UsagePlan(String id, UsagePlanSettings settings, long createdNanos) {
    this.id = id;
    this.settings = settings;
    this.createdNanos = createdNanos;
  }

  /** An API key in a plan: its throttle bucket (shared by the plan's stages) and its usage. */
  static final class PlanKey {
    final ApiKeyState key;
    final KeyUsage usage;
    LevelBucket bucket;

    PlanKey(ApiKeyState key, LevelBucket bucket, KeyUsage usage) {
      this.key = key;
      this.bucket = bucket;
      this.usage = usage;
    }
  }

  /**
   * A plan key as one stage sees it: the plan-level bucket, unless the plan overrides the method.
   */
  static final class Subscription {
    final PlanKey planKey;
    private final Map<String, LevelBucket> methodBuckets = new LinkedHashMap<>();

    Subscription(PlanKey planKey, Map<String, ThrottleSettings> methodThrottles, long nowNanos) {
      this.planKey = planKey;
      retune(methodThrottles, nowNanos);
    }

    /**
     * Gives the stage's methods the throttles {@code methodThrottles} from {@code nowNanos}, each
     * bucket carried over from the one the method had ({@link LevelBucket#carryOver}).
     */
    void retune(Map<String, ThrottleSettings> methodThrottles, long nowNanos) {
      Map<String, LevelBucket> previous = new LinkedHashMap<>(methodBuckets);
      methodBuckets.clear();
      methodThrottles.forEach(
          (methodKey, t) ->
              methodBuckets.put(
                  methodKey,
                  LevelBucket.carryOver(
                      previous.get(methodKey), ThrottleLevel.USAGE_PLAN_METHOD, t, nowNanos)));
    }

    /** The usage-plan bucket for {@code methodKey}, or null when the plan has no throttle. */
    LevelBucket bucketFor(String methodKey) {
      if (methodBuckets.isEmpty()) {
        return planKey.bucket;
      }
      LevelBucket method = methodBuckets.get(methodKey);
      return method != null ? method : planKey.bucket;
    }
  }
}
