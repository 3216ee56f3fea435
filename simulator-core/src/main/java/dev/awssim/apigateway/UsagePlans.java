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

  /** An API key's name has at most 1,024 characters (api-gateway-api-usage-plans.html). */
  private static final int MAX_KEY_NAME = 1_024;

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
        requireMethods(restStages.apply(apiStage.apiId(), apiStage.stage()), apiStage);
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
    synchronized (lock) {
      if (value == null) {
        value = RandomIds.alphanumeric(ids, 40);
      }
      require(
          KEY_VALUE.matcher(value).matches(),
          "API Key value should be at least 20 characters and at most 128, alphanumeric");
      require(name.length() <= MAX_KEY_NAME, "API Key name must be at most 1024 characters");
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
      long now = clock.nanos();
      for (int i = 0; i < stages.size(); i++) {
        stages
            .get(i)
            .subscriptions
            .put(
                key,
                new UsagePlan.Subscription(
                    planKey, plan.settings.apiStages().get(i).throttle(), now));
      }
    }
  }

  UsagePlanDescription updateUsagePlan(
      String usagePlanId, List<PatchOperation> operations, ThrottleSettings account) {
    checkNotNull(operations, "patchOperations");
    synchronized (lock) {
      UsagePlan plan = usagePlan(usagePlanId);
      UsagePlanSettings next =
          UsagePlanPatch.apply(plan.settings, List.copyOf(operations), account);
      Map<String, Stage> before = stagesOf(plan.settings);
      Map<String, Stage> after = stagesOf(next);
      for (ApiStage apiStage : next.apiStages()) {
        Stage stage = after.get(apiStage.apiId() + ":" + apiStage.stage());
        requireMethods(stage, apiStage);
        if (!before.containsKey(apiStage.apiId() + ":" + apiStage.stage())) {
          for (UsagePlan.PlanKey pk : plan.keys.values()) {
            if (stage.subscriptions.containsKey(pk.key)) {
              throw ApiGatewayErrors.conflict(
                  "API Key "
                      + pk.key.id
                      + " is already in a usage plan for stage "
                      + apiStage.stage());
            }
          }
        }
      }
      long now = clock.nanos();
      plan.settings = next;
      for (UsagePlan.PlanKey pk : plan.keys.values()) {
        LevelBucket old = pk.bucket;
        pk.bucket =
            next.throttle()
                .map(t -> LevelBucket.carryOver(old, ThrottleLevel.USAGE_PLAN, t, now))
                .orElse(null);
        pk.usage.changeQuota(next.quota().orElse(null), now);
      }
      before.forEach(
          (id, stage) -> {
            if (!after.containsKey(id)) {
              plan.keys.values().forEach(pk -> stage.subscriptions.remove(pk.key));
            }
          });
      for (ApiStage apiStage : next.apiStages()) {
        Stage stage = after.get(apiStage.apiId() + ":" + apiStage.stage());
        for (UsagePlan.PlanKey pk : plan.keys.values()) {
          UsagePlan.Subscription sub = stage.subscriptions.get(pk.key);
          if (sub == null) {
            stage.subscriptions.put(
                pk.key, new UsagePlan.Subscription(pk, apiStage.throttle(), now));
          } else {
            sub.retune(apiStage.throttle(), now);
          }
        }
      }
      return new UsagePlanDescription(plan.id, plan.settings);
    }
  }

  /** The stages of {@code settings} by {@code apiId:stage}. */
  private Map<String, Stage> stagesOf(UsagePlanSettings settings) {
    Map<String, Stage> stages = new LinkedHashMap<>();
    for (ApiStage s : settings.apiStages()) {
      stages.put(s.apiId() + ":" + s.stage(), restStages.apply(s.apiId(), s.stage()));
    }
    return stages;
  }

  private static void requireMethods(Stage stage, ApiStage apiStage) {
    for (String methodKey : apiStage.throttle().keySet()) {
      require(
          stage.router.hasMethodKey(methodKey),
          "Invalid method " + methodKey + " for stage " + apiStage.stage());
    }
  }

  List<UsagePlanDescription> getUsagePlans() {
    synchronized (lock) {
      List<UsagePlanDescription> all = new ArrayList<>();
      usagePlans.values().forEach(p -> all.add(new UsagePlanDescription(p.id, p.settings)));
      return all;
    }
  }

  UsagePlanDescription getUsagePlan(String usagePlanId) {
    synchronized (lock) {
      UsagePlan plan = usagePlan(usagePlanId);
      return new UsagePlanDescription(plan.id, plan.settings);
    }
  }

  List<ApiKey> getApiKeys() {
    synchronized (lock) {
      List<ApiKey> all = new ArrayList<>();
      keysById.values().forEach(k -> all.add(k.toApiKey()));
      return all;
    }
  }

  List<ApiKey> getUsagePlanKeys(String usagePlanId) {
    synchronized (lock) {
      List<ApiKey> all = new ArrayList<>();
      usagePlan(usagePlanId).keys.values().forEach(pk -> all.add(pk.key.toApiKey()));
      return all;
    }
  }

  ApiKey updateApiKey(String keyId, List<PatchOperation> operations) {
    checkNotNull(operations, "patchOperations");
    synchronized (lock) {
      ApiKeyState key = apiKey(keyId);
      String name = key.name;
      boolean enabled = key.enabled;
      for (PatchOperation op : List.copyOf(operations)) {
        StagePatch.requireOp(op);
        require(
            op.op().equals("replace"),
            "Invalid patch operation specified: '"
                + op.op()
                + "' is not supported for "
                + op.path());
        switch (op.path()) {
          case "/enabled" -> enabled = StagePatch.bool(op);
          case "/name" -> name = StagePatch.value(op);
          case "/description", "/customerId" -> {
            // Accepted and not stored: neither changes what the key admits.
          }
          default ->
              throw ApiGatewayErrors.badRequest(
                  "Invalid patch path '"
                      + op.path()
                      + "' specified for op 'replace'. Must be one of: [/name, /description,"
                      + " /enabled, /customerId]");
        }
      }
      require(name.length() <= MAX_KEY_NAME, "API Key name must be at most 1024 characters");
      key.name = name;
      key.enabled = enabled;
      return key.toApiKey();
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
