package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.apigateway.ApiGatewayErrors.require;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.internal.RandomIds;
import dev.awssim.internal.time.UtcCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Usage plans and API keys behind {@link ApiGateway}: keys by id and by value, plans, which keys a
 * plan holds with their plan throttle and quota, and the usage per UTC day ({@code
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html}).
 */
final class UsagePlans {
  private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z0-9]{20,128}");

  private final Object lock;
  private final VirtualClock clock;
  private final ApiGatewayLimits limits;
  private final RandomGenerator ids;
  private final Supplier<String> newId;
  private final UtcCalendar days;
  private final BiFunction<String, String, Stage> restStages;
  private final Map<String, ApiKeyState> keysById = new LinkedHashMap<>();
  private final Map<String, ApiKeyState> keysByValue = new HashMap<>();
  private final Map<String, UsagePlan> usagePlans = new LinkedHashMap<>();

  UsagePlans(
      Object lock,
      VirtualClock clock,
      ApiGatewayLimits limits,
      RandomGenerator ids,
      Supplier<String> newId,
      BiFunction<String, String, Stage> restStages) {
    this.lock = lock;
    this.clock = clock;
    this.limits = limits;
    this.ids = ids;
    this.newId = newId;
    this.days = new UtcCalendar(clock.start());
    this.restStages = restStages;
  }

  /** The keys by value, as requests present them (the request handler reads it). */
  Map<String, ApiKeyState> keysByValue() {
    return keysByValue;
  }

  String createUsagePlan(UsagePlanSettings settings) {
    checkNotNull(settings, "settings");
    synchronized (lock) {
      for (ApiStage apiStage : settings.apiStages()) {
        Stage stage = restStages.apply(apiStage.apiId(), apiStage.stage());
        for (String methodKey : apiStage.throttle().keySet()) {
          require(
              stage.router.hasMethodKey(methodKey),
              "Invalid method " + methodKey + " for stage " + apiStage.stage());
        }
      }
      String id = newId.get();
      usagePlans.put(id, new UsagePlan(id, settings, clock.nanos()));
      return id;
    }
  }

  ApiKey createApiKey(String name) {
    checkNotNull(name, "name");
    synchronized (lock) {
      return createApiKey(name, RandomIds.alphanumeric(ids, 40), true);
    }
  }

  ApiKey createApiKey(String name, String value, boolean enabled) {
    checkNotNull(name, "name");
    checkNotNull(value, "value");
    synchronized (lock) {
      require(
          KEY_VALUE.matcher(value).matches(),
          "API Key value should be at least 20 characters and at most 128, alphanumeric");
      require(name.length() <= 1024, "API Key name must be at most 1024 characters");
      if (keysByValue.containsKey(value)) {
        throw ApiGatewayErrors.conflict("API Key already exists");
      }
      if (keysById.size() >= limits.maxApiKeys()) {
        throw ApiGatewayErrors.limitExceeded("Too many API keys: " + limits.maxApiKeys());
      }
      ApiKeyState key = new ApiKeyState(newId.get(), name, value, enabled);
      keysById.put(key.id, key);
      keysByValue.put(value, key);
      return key.toApiKey();
    }
  }

  ApiKey updateApiKey(String keyId, boolean enabled) {
    synchronized (lock) {
      ApiKeyState key = apiKey(keyId);
      key.enabled = enabled;
      return key.toApiKey();
    }
  }

  ApiKey getApiKey(String keyId) {
    synchronized (lock) {
      return apiKey(keyId).toApiKey();
    }
  }

  void createUsagePlanKey(String usagePlanId, String keyId) {
    synchronized (lock) {
      UsagePlan plan = usagePlan(usagePlanId);
      ApiKeyState key = apiKey(keyId);
      if (plan.keys.containsKey(keyId)) {
        throw ApiGatewayErrors.conflict(
            "Usage Plan " + usagePlanId + " already contains key " + keyId);
      }
      List<Stage> stages = new ArrayList<>();
      for (ApiStage apiStage : plan.settings.apiStages()) {
        Stage stage = restStages.apply(apiStage.apiId(), apiStage.stage());
        if (stage.subscriptions.containsKey(key)) {
          throw ApiGatewayErrors.conflict(
              "API Key " + keyId + " is already in a usage plan for stage " + apiStage.stage());
        }
        stages.add(stage);
      }
      UsagePlan.PlanKey planKey =
          new UsagePlan.PlanKey(
              key,
              plan.settings
                  .throttle()
                  .map(t -> new LevelBucket(ThrottleLevel.USAGE_PLAN, t))
                  .orElse(null),
              new KeyUsage(plan.settings.quota().orElse(null), days, plan.createdNanos));
      plan.keys.put(keyId, planKey);
      for (int i = 0; i < stages.size(); i++) {
        Map<String, LevelBucket> methodBuckets = new HashMap<>();
        plan.settings
            .apiStages()
            .get(i)
            .throttle()
            .forEach(
                (methodKey, t) ->
                    methodBuckets.put(
                        methodKey, new LevelBucket(ThrottleLevel.USAGE_PLAN_METHOD, t)));
        stages.get(i).subscriptions.put(key, new UsagePlan.Subscription(planKey, methodBuckets));
      }
    }
  }

  Usage getUsage(String usagePlanId, LocalDate startDate, LocalDate endDate) {
    synchronized (lock) {
      return usage(usagePlan(usagePlanId), null, startDate, endDate);
    }
  }

  Usage getUsage(String usagePlanId, String keyId, LocalDate startDate, LocalDate endDate) {
    checkNotNull(keyId, "keyId");
    synchronized (lock) {
      return usage(usagePlan(usagePlanId), keyId, startDate, endDate);
    }
  }

  private Usage usage(UsagePlan plan, String keyId, LocalDate start, LocalDate end) {
    checkNotNull(start, "startDate");
    checkNotNull(end, "endDate");
    require(!end.isBefore(start), "The end date must not be before the start date");
    if (keyId != null && !plan.keys.containsKey(keyId)) {
      throw ApiGatewayErrors.notFound("Invalid API Key identifier specified");
    }
    ImmutableMap.Builder<String, ImmutableList<UsageDay>> items = ImmutableMap.builder();
    plan.keys.forEach(
        (id, pk) -> {
          if (keyId == null || keyId.equals(id)) {
            items.put(id, pk.usage.usage(start, end));
          }
        });
    return new Usage(plan.id, start, end, items.build());
  }

  OptionalLong remainingQuota(String usagePlanId, String keyId) {
    synchronized (lock) {
      UsagePlan.PlanKey pk = usagePlan(usagePlanId).keys.get(keyId);
      if (pk == null) {
        throw ApiGatewayErrors.notFound("Invalid API Key identifier specified");
      }
      return pk.usage.remaining(clock.nanos());
    }
  }

  private UsagePlan usagePlan(String id) {
    UsagePlan plan = id == null ? null : usagePlans.get(id);
    if (plan == null) {
      throw ApiGatewayErrors.notFound("Invalid Usage Plan ID specified");
    }
    return plan;
  }

  private ApiKeyState apiKey(String id) {
    ApiKeyState key = id == null ? null : keysById.get(id);
    if (key == null) {
      throw ApiGatewayErrors.notFound("Invalid API Key identifier specified");
    }
    return key;
  }
}
