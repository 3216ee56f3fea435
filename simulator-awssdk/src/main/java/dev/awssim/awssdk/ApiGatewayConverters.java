package dev.awssim.awssdk;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.awssim.apigateway.MethodSettings;
import dev.awssim.apigateway.QuotaPeriod;
import dev.awssim.apigateway.ResourceDescription;
import dev.awssim.apigateway.StageDescription;
import dev.awssim.apigateway.StageSettings;
import dev.awssim.apigateway.Usage;
import dev.awssim.apigateway.UsagePlanDescription;
import dev.awssim.apigateway.UsagePlanSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.CacheClusterStatus;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaSettings;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * Conversions between the SDK's API Gateway shapes and the simulator's: stages and their method
 * settings, patch operations, REST APIs, and paging by {@code position}.
 */
final class ApiGatewayConverters {
  /**
   * The page size of GetRestApis, GetApiKeys, GetUsagePlans and GetUsagePlanKeys when {@code limit}
   * is not given: 25; at most 500
   * (https://docs.aws.amazon.com/apigateway/latest/api/API_GetRestApis.html).
   */
  static final int DEFAULT_LIMIT = 25;

  /** The largest {@code limit} of a Get... list call: 500 (API_GetRestApis.html). */
  static final int MAX_LIMIT = 500;

  private static final String ALL_METHODS = "*/*";

  /** A literal {@code "statusCode": NNN} in a MOCK integration's request template. */
  private static final Pattern MOCK_STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d{3})");

  private ApiGatewayConverters() {}

  /**
   * The simulator's patch operations; a missing {@code op} or {@code path} becomes an empty one,
   * which the simulator refuses with AWS's BadRequestException.
   */
  static List<dev.awssim.apigateway.PatchOperation> patch(List<PatchOperation> operations) {
    return Convert.list(
        operations,
        o ->
            new dev.awssim.apigateway.PatchOperation(
                o.op() == null ? "" : o.opAsString(),
                o.path() == null ? "" : o.path(),
                o.value(),
                o.from()));
  }

  /** The SDK's {@code Stage} of a simulated REST stage. */
  static Stage stage(StageDescription d) {
    StageSettings s = d.settings();
    Stage.Builder b =
        Stage.builder()
            .stageName(d.stageName())
            .deploymentId(d.deploymentId())
            .cacheClusterEnabled(s.cacheClusterEnabled())
            .cacheClusterSize(s.cacheClusterSize())
            .cacheClusterStatus(
                s.cacheClusterEnabled()
                    ? CacheClusterStatus.AVAILABLE
                    : CacheClusterStatus.NOT_AVAILABLE)
            .methodSettings(methodSettings(s))
            .tracingEnabled(false);
    if (!s.variables().isEmpty()) {
      b.variables(new LinkedHashMap<>(s.variables()));
    }
    s.canary()
        .ifPresent(
            c ->
                b.canarySettings(
                    software.amazon.awssdk.services.apigateway.model.CanarySettings.builder()
                        .deploymentId(c.deploymentId())
                        .percentTraffic(c.percentTraffic())
                        .stageVariableOverrides(new LinkedHashMap<>(c.stageVariableOverrides()))
                        .useStageCache(c.useStageCache())
                        .build()));
    return b.build();
  }

  /**
   * The stage's method settings as AWS reports them: {@code *}{@code /*} for the defaults once they
   * differ from a new stage's, and one entry per method override keyed like its patch path without
   * the leading slash ({@code ~1pets/GET}), showing the settings in effect for that method.
   */
  private static Map<String, MethodSetting> methodSettings(StageSettings s) {
    Map<String, MethodSetting> all = new LinkedHashMap<>();
    if (!s.defaultMethodSettings().equals(MethodSettings.defaults())) {
      all.put(ALL_METHODS, methodSetting(s.defaultMethodSettings()));
    }
    for (String key : s.methodSettings().keySet()) {
      all.put(escape(key), methodSetting(s.settingsFor(key)));
    }
    return all;
  }

  private static MethodSetting methodSetting(MethodSettings m) {
    MethodSetting.Builder b =
        MethodSetting.builder()
            .cachingEnabled(m.cachingEnabled())
            .cacheTtlInSeconds(m.cacheTtlInSeconds())
            .requireAuthorizationForCacheControl(m.requireAuthorizationForCacheControl())
            .unauthorizedCacheControlHeaderStrategy(
                m.unauthorizedCacheControlHeaderStrategy().name())
            .metricsEnabled(m.metricsEnabled());
    m.throttle()
        .ifPresent(t -> b.throttlingRateLimit(t.rateLimit()).throttlingBurstLimit(t.burstLimit()));
    return b.build();
  }

  /** {@code /pets/{id}/GET} as AWS's method settings key {@code ~1pets~1{id}/GET}. */
  static String escape(String methodKey) {
    int slash = methodKey.lastIndexOf('/');
    return methodKey.substring(0, slash).replace("~", "~0").replace("/", "~1")
        + methodKey.substring(slash);
  }

  /** The SDK's {@code RestApi} of a simulated one. */
  /**
   * A resource as GetResources returns it: {@code resourceMethods} names each method put on it (AWS
   * embeds the methods' details only with {@code embed=methods}), absent when it has none.
   */
  static Resource resource(ResourceDescription r) {
    Resource.Builder b =
        Resource.builder().id(r.id()).parentId(r.parentId()).pathPart(r.pathPart());
    b.path(r.path());
    if (!r.methods().isEmpty()) {
      Map<String, Method> methods = new LinkedHashMap<>();
      r.methods().forEach(m -> methods.put(m, Method.builder().httpMethod(m).build()));
      b.resourceMethods(methods);
    }
    return b.build();
  }

  /**
   * The status code a MOCK integration's request mapping template returns: the first {@code
   * "statusCode": NNN} of the {@code application/json} template (else of the only template), or
   * empty without one, when AWS answers with the default integration response
   * (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html).
   * [SIM] The template is not evaluated as VTL: a template that computes its status code ({@code
   * #if ... #end}) gives the first literal one.
   */
  static OptionalInt mockStatus(Map<String, String> requestTemplates) {
    String template = requestTemplates.get("application/json");
    if (template == null && requestTemplates.size() == 1) {
      template = requestTemplates.values().iterator().next();
    }
    if (template == null) {
      return OptionalInt.empty();
    }
    Matcher m = MOCK_STATUS.matcher(template);
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /**
   * The body of an integration response: its {@code application/json} response template (else the
   * only one), or empty.
   */
  static String responseTemplate(Map<String, String> responseTemplates) {
    String template = responseTemplates.get("application/json");
    if (template == null && responseTemplates.size() == 1) {
      template = responseTemplates.values().iterator().next();
    }
    return template == null ? "" : template;
  }

  static RestApi restApi(dev.awssim.apigateway.RestApi api) {
    return RestApi.builder()
        .id(api.id())
        .name(api.name())
        .rootResourceId(api.rootResourceId())
        .build();
  }

  /** The SDK's {@code UsagePlan} of a simulated one. */
  static UsagePlan usagePlan(UsagePlanDescription d) {
    UsagePlanSettings s = d.settings();
    UsagePlan.Builder b =
        UsagePlan.builder()
            .id(d.id())
            .name(s.name())
            .apiStages(
                Convert.list(
                    s.apiStages(),
                    a ->
                        ApiStage.builder()
                            .apiId(a.apiId())
                            .stage(a.stage())
                            .throttle(
                                a.throttle().isEmpty()
                                    ? null
                                    : Convert.values(a.throttle(), ApiGatewayConverters::throttle))
                            .build()));
    s.throttle().ifPresent(t -> b.throttle(throttle(t)));
    s.quota()
        .ifPresent(
            q ->
                b.quota(
                    QuotaSettings.builder()
                        .limit(q.limit())
                        .offset(q.offset())
                        .period(q.period().name())
                        .build()));
    return b.build();
  }

  private static ThrottleSettings throttle(dev.awssim.apigateway.ThrottleSettings t) {
    return ThrottleSettings.builder().rateLimit(t.rateLimit()).burstLimit(t.burstLimit()).build();
  }

  /**
   * The simulator's plan settings of a CreateUsagePlan request. A throttle missing its rate or
   * burst takes 0 for it, as an absent number in AWS's JSON reads.
   */
  static UsagePlanSettings usagePlanSettings(
      String name, List<ApiStage> stages, ThrottleSettings throttle, QuotaSettings quota) {
    UsagePlanSettings s =
        new UsagePlanSettings(
            name,
            ImmutableList.copyOf(
                Convert.list(
                    stages,
                    a ->
                        new dev.awssim.apigateway.ApiStage(
                            a.apiId() == null ? "" : a.apiId(),
                            a.stage() == null ? "" : a.stage(),
                            ImmutableMap.copyOf(
                                Convert.values(a.throttle(), ApiGatewayConverters::throttle))))),
            Optional.empty(),
            Optional.empty());
    if (throttle != null) {
      s = s.withThrottle(throttle(throttle));
    }
    if (quota != null) {
      s =
          s.withQuota(
              new dev.awssim.apigateway.QuotaSettings(
                  quota.limit() == null ? 0 : quota.limit(),
                  quota.offset() == null ? 0 : quota.offset(),
                  quota.periodAsString() == null
                      ? null
                      : QuotaPeriod.parse(quota.periodAsString())));
    }
    return s;
  }

  private static dev.awssim.apigateway.ThrottleSettings throttle(ThrottleSettings t) {
    return new dev.awssim.apigateway.ThrottleSettings(
        t.rateLimit() == null ? 0 : t.rateLimit(), t.burstLimit() == null ? 0 : t.burstLimit());
  }

  /** The SDK's {@code ApiKey}, with its value only when {@code includeValue}. */
  static ApiKey apiKey(dev.awssim.apigateway.ApiKey k, boolean includeValue) {
    return ApiKey.builder()
        .id(k.id())
        .name(k.name())
        .value(includeValue ? k.value() : null)
        .enabled(k.enabled())
        .build();
  }

  /** GetUsage's items: per key, one {@code [used, remaining]} pair per day (0 without a quota). */
  static Map<String, List<List<Long>>> usage(Usage usage) {
    Map<String, List<List<Long>>> items = new LinkedHashMap<>();
    usage
        .items()
        .forEach(
            (key, days) ->
                items.put(
                    key, Convert.list(days, d -> List.of(d.used(), d.remaining().orElse(0)))));
    return items;
  }

  /**
   * {@code to} with every member that {@code from} has under the same name: for the responses
   * (GetStageResponse, UpdateStageResponse, ...) that carry the members of a shape (Stage) at their
   * top level.
   */
  static <B extends SdkPojo> B copy(SdkPojo from, B to) {
    Map<String, SdkField<?>> target = new LinkedHashMap<>();
    for (SdkField<?> f : to.sdkFields()) {
      target.put(f.memberName(), f);
    }
    for (SdkField<?> f : from.sdkFields()) {
      SdkField<?> t = target.get(f.memberName());
      Object value = f.getValueOrDefault(from);
      if (t != null && value != null) {
        t.set(to, value);
      }
    }
    return to;
  }

  /**
   * One page of a Get... list call: {@code items} and the {@code position} of the next page (null
   * on the last).
   */
  record Page<T>(List<T> items, String position) {}

  /**
   * The page of {@code all} at {@code position} (a decimal offset that the previous page returned),
   * of {@code limit} items (25 when null), or empty when the position or limit is invalid.
   */
  static <T> Optional<Page<T>> page(List<T> all, String position, Integer limit) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    int from;
    try {
      from = position == null ? 0 : Integer.parseInt(position);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (size < 1 || size > MAX_LIMIT || from < 0 || from > all.size()) {
      return Optional.empty();
    }
    int end = Math.min(all.size(), from + size);
    return Optional.of(
        new Page<>(
            List.copyOf(all.subList(from, end)), end < all.size() ? Integer.toString(end) : null));
  }
}
