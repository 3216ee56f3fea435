package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.apigateway.ApiGatewayErrors.require;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * UpdateStage's patch operations applied to a stage's settings and deployment ({@code
 * https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html}, {@code
 * https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateStage.html}). The operations apply in
 * order to a copy; the first one AWS would refuse throws {@code BadRequestException} and the stage
 * is left as it was.
 *
 * <p>Paths and the operations they take:
 *
 * <ul>
 *   <li>{@code /deploymentId} (replace; copy from {@code /canarySettings/deploymentId}), {@code
 *       /cacheClusterEnabled}, {@code /cacheClusterSize} (replace);
 *   <li>{@code /variables/{name}} (add, replace, remove); {@code /variables} (copy from {@code
 *       /canarySettings/stageVariableOverrides});
 *   <li>{@code /{resourcePath}/{httpMethod}/{setting}} (replace), with the resource path's slashes
 *       written {@code ~1} ({@code /~1pets/GET/throttling/rateLimit}) or {@code /*}{@code /*} for
 *       the stage's default method settings; settings {@code throttling/rateLimit}, {@code
 *       throttling/burstLimit}, {@code caching/enabled}, {@code caching/ttlInSeconds}, {@code
 *       caching/requireAuthorizationForCacheControl}, {@code
 *       caching/unauthorizedCacheControlHeaderStrategy}, {@code metrics/enabled}; {@code
 *       /{resourcePath}/{httpMethod}} (remove) drops a method's override;
 *   <li>{@code /canarySettings} (remove), {@code /canarySettings/percentTraffic}, {@code
 *       /canarySettings/useStageCache} (replace), {@code
 *       /canarySettings/stageVariableOverrides/{name}} (add, replace, remove).
 * </ul>
 *
 * <p>Setting only the rate (or only the burst) of a method that has no throttle of its own starts
 * from the throttle it has now: the stage default's, or else the account's (10,000 and 5,000 by
 * default), which is the throttle AWS reports for such a method. Paths AWS accepts whose effect the
 * simulator does not model ({@code /description}, {@code /clientCertificateId}, {@code
 * /tracingEnabled}, {@code /accessLogSettings...}, {@code logging/dataTrace}, {@code
 * logging/loglevel}, {@code caching/dataEncrypted}) are accepted and change nothing.
 */
final class StagePatch {
  /** The paths UpdateStage takes, as AWS lists them when it refuses one. */
  private static final String VALID_PATHS =
      "[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize,"
          + " /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn,"
          + " /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled,"
          + " /{resourcePath}/{httpMethod}/logging/dataTrace,"
          + " /{resourcePath}/{httpMethod}/logging/loglevel,"
          + " /{resourcePath}/{httpMethod}/throttling/burstLimit,"
          + " /{resourcePath}/{httpMethod}/throttling/rateLimit,"
          + " /{resourcePath}/{httpMethod}/caching/ttlInSeconds,"
          + " /{resourcePath}/{httpMethod}/caching/enabled,"
          + " /{resourcePath}/{httpMethod}/caching/dataEncrypted,"
          + " /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl,"
          + " /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy,"
          + " /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel,"
          + " /*/*/throttling/burstLimit, /*/*/throttling/rateLimit, /*/*/caching/ttlInSeconds,"
          + " /*/*/caching/enabled, /*/*/caching/dataEncrypted,"
          + " /*/*/caching/requireAuthorizationForCacheControl,"
          + " /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name},"
          + " /tracingEnabled, /canarySettings, /canarySettings/percentTraffic,"
          + " /canarySettings/useStageCache, /canarySettings/deploymentId,"
          + " /canarySettings/stageVariableOverrides/{variable_name}]";

  /** The operations {@code PatchOperation.op} takes (API_PatchOperation.html). */
  static final ImmutableSet<String> OPS =
      ImmutableSet.of("add", "remove", "replace", "move", "copy", "test");

  private static final ImmutableSet<String> UNMODELLED_STAGE_PATHS =
      ImmutableSet.of(
          "/description",
          "/clientCertificateId",
          "/tracingEnabled",
          "/accessLogSettings",
          "/accessLogSettings/destinationArn",
          "/accessLogSettings/format",
          "/documentationVersion",
          "/webAclArn");

  private static final ImmutableSet<String> UNMODELLED_METHOD_SETTINGS =
      ImmutableSet.of("logging/dataTrace", "logging/loglevel", "caching/dataEncrypted");

  private static final String ALL_METHODS = "*/*";

  private final ThrottleSettings account;
  private StageSettings settings;
  private String deploymentId;

  private StagePatch(StageSettings settings, String deploymentId, ThrottleSettings account) {
    this.settings = settings;
    this.deploymentId = deploymentId;
    this.account = account;
  }

  /** The settings and deployment after {@code operations}. */
  record Result(StageSettings settings, String deploymentId) {}

  /**
   * Applies {@code operations} in order to a copy of the stage.
   *
   * @param account the account throttle, the starting point of a method without one
   * @throws ApiGatewayException {@code BadRequestException} for an operation AWS refuses
   */
  static Result apply(
      StageSettings settings,
      String deploymentId,
      List<PatchOperation> operations,
      ThrottleSettings account) {
    StagePatch patch = new StagePatch(settings, deploymentId, account);
    for (PatchOperation op : operations) {
      patch.apply(checkNotNull(op, "patch operation"));
    }
    return new Result(patch.settings, patch.deploymentId);
  }

  private void apply(PatchOperation op) {
    requireOp(op);
    String path = op.path();
    if (UNMODELLED_STAGE_PATHS.contains(path)) {
      return;
    }
    switch (path) {
      case "/deploymentId" -> deploymentId(op);
      case "/cacheClusterEnabled" -> {
        only(op, "replace");
        settings = settings.withCacheCluster(bool(op), settings.cacheClusterSize());
      }
      case "/cacheClusterSize" -> {
        only(op, "replace");
        settings = settings.withCacheCluster(settings.cacheClusterEnabled(), value(op));
      }
      case "/variables" -> {
        requireCopyFrom(op, "/canarySettings/stageVariableOverrides");
        Map<String, String> merged = new LinkedHashMap<>(settings.variables());
        merged.putAll(canary(op).stageVariableOverrides());
        settings = settings.withVariables(merged);
      }
      case "/canarySettings" -> {
        only(op, "remove");
        canary(op);
        settings = settings.withoutCanary();
      }
      case "/canarySettings/percentTraffic" -> {
        only(op, "replace");
        CanarySettings c = canary(op);
        settings =
            settings.withCanary(
                new CanarySettings(
                    number(op), c.deploymentId(), c.stageVariableOverrides(), c.useStageCache()));
      }
      case "/canarySettings/useStageCache" -> {
        only(op, "replace");
        settings = settings.withCanary(canary(op).withUseStageCache(bool(op)));
      }
      default -> {
        if (path.startsWith("/variables/")) {
          settings = settings.withVariables(putOrRemove(settings.variables(), op, "/variables/"));
        } else if (path.startsWith("/canarySettings/stageVariableOverrides/")) {
          CanarySettings c = canary(op);
          settings =
              settings.withCanary(
                  c.withStageVariableOverrides(
                      ImmutableMap.copyOf(
                          putOrRemove(
                              c.stageVariableOverrides(),
                              op,
                              "/canarySettings/stageVariableOverrides/"))));
        } else {
          methodSetting(op);
        }
      }
    }
  }

  private void deploymentId(PatchOperation op) {
    if (op.op().equals("copy")) {
      requireCopyFrom(op, "/canarySettings/deploymentId");
      deploymentId = canary(op).deploymentId();
    } else {
      only(op, "replace");
      deploymentId = value(op);
    }
  }

  /** {@code /{resourcePath}/{httpMethod}/{group}/{setting}}, or a remove of a method's override. */
  private void methodSetting(PatchOperation op) {
    if (!op.path().startsWith("/")) {
      throw invalidPath(op);
    }
    String[] parts = op.path().substring(1).split("/", -1);
    if (parts.length != 2 && parts.length != 4) {
      throw invalidPath(op);
    }
    boolean all = parts[0].equals("*") && parts[1].equals("*");
    String resourcePath = unescape(parts[0]);
    if (!all && (!resourcePath.startsWith("/") || !Router.isKnownMethod(parts[1]))) {
      throw invalidPath(op);
    }
    String key = all ? ALL_METHODS : resourcePath + "/" + parts[1];
    if (parts.length == 2) {
      only(op, "remove");
      removeMethodSettings(key, parts[0] + "/" + parts[1]);
      return;
    }
    String setting = parts[2] + "/" + parts[3];
    if (UNMODELLED_METHOD_SETTINGS.contains(setting)) {
      only(op, "replace");
      return;
    }
    MethodSettingsOverride base = all ? MethodSettingsOverride.none() : settings.overrideOf(key);
    MethodSettings now = all ? settings.defaultMethodSettings() : settings.settingsFor(key);
    ThrottleSettings throttle = now.throttle().orElse(account);
    only(op, "replace");
    MethodSettingsOverride changed =
        switch (setting) {
          case "throttling/rateLimit" ->
              base.withThrottle(new ThrottleSettings(number(op), throttle.burstLimit()));
          case "throttling/burstLimit" ->
              base.withThrottle(new ThrottleSettings(throttle.rateLimit(), integer(op)));
          case "caching/enabled" -> base.withCachingEnabled(bool(op));
          case "caching/ttlInSeconds" -> base.withCacheTtlInSeconds(integer(op));
          case "caching/requireAuthorizationForCacheControl" ->
              base.withRequireAuthorizationForCacheControl(bool(op));
          case "caching/unauthorizedCacheControlHeaderStrategy" ->
              base.withUnauthorizedCacheControlHeaderStrategy(strategy(op));
          case "metrics/enabled" -> base.withMetricsEnabled(bool(op));
          default -> throw invalidPath(op);
        };
    settings = settings.withMethodSettings(key, changed);
  }

  private void removeMethodSettings(String key, String shown) {
    boolean present =
        key.equals(ALL_METHODS)
            ? !settings.defaultMethodSettings().equals(MethodSettings.defaults())
            : settings.methodSettings().containsKey(key);
    require(
        present,
        "Cannot remove method setting "
            + shown
            + " because there is no method setting for this method");
    settings =
        key.equals(ALL_METHODS)
            ? settings.withDefaultMethodSettings(MethodSettings.defaults())
            : settings.withoutMethodSettings(key);
  }

  private static Map<String, String> putOrRemove(
      Map<String, String> current, PatchOperation op, String prefix) {
    String name = unescape(op.path().substring(prefix.length()));
    Map<String, String> changed = new LinkedHashMap<>(current);
    switch (op.op()) {
      case "add", "replace" -> changed.put(name, value(op));
      case "remove" -> changed.remove(name);
      default -> throw unsupportedOp(op, "add, remove, replace");
    }
    return changed;
  }

  private CanarySettings canary(PatchOperation op) {
    return settings
        .canary()
        .orElseThrow(
            () ->
                ApiGatewayErrors.badRequest(
                    "Cannot " + op.op() + " " + op.path() + ": the stage has no canary settings"));
  }

  // ---------------------------------------------------------------- values

  static void requireOp(PatchOperation op) {
    require(
        OPS.contains(op.op()),
        "Invalid patch operation specified. Must be one of: [add, remove, replace, move, copy,"
            + " test]");
  }

  private static void only(PatchOperation op, String allowed) {
    if (!op.op().equals(allowed)) {
      throw unsupportedOp(op, allowed);
    }
  }

  private static void requireCopyFrom(PatchOperation op, String from) {
    only(op, "copy");
    require(
        from.equals(op.from()),
        "Invalid copy source " + op.from() + " for " + op.path() + ". Must be: " + from);
  }

  private static ApiGatewayException unsupportedOp(PatchOperation op, String allowed) {
    return ApiGatewayErrors.badRequest(
        "Invalid patch operation specified: '"
            + op.op()
            + "' is not supported for "
            + op.path()
            + ". Must be one of: ["
            + allowed
            + "]");
  }

  private static ApiGatewayException invalidPath(PatchOperation op) {
    return ApiGatewayErrors.badRequest(
        "Invalid method setting path: " + op.path() + ". Must be one of: " + VALID_PATHS);
  }

  static String value(PatchOperation op) {
    require(op.value() != null, "Missing value for " + op.op() + " of " + op.path());
    return op.value();
  }

  static boolean bool(PatchOperation op) {
    String v = value(op).toLowerCase(Locale.ROOT);
    require(
        v.equals("true") || v.equals("false"),
        "Invalid boolean value for " + op.path() + ": " + op.value());
    return v.equals("true");
  }

  static double number(PatchOperation op) {
    try {
      double d = Double.parseDouble(value(op).trim());
      require(Double.isFinite(d), "Invalid number for " + op.path() + ": " + op.value());
      return d;
    } catch (NumberFormatException e) {
      throw ApiGatewayErrors.badRequest("Invalid number for " + op.path() + ": " + op.value());
    }
  }

  static int integer(PatchOperation op) {
    try {
      return Integer.parseInt(value(op).trim());
    } catch (NumberFormatException e) {
      throw ApiGatewayErrors.badRequest("Invalid integer for " + op.path() + ": " + op.value());
    }
  }

  private static UnauthorizedCacheControlHeaderStrategy strategy(PatchOperation op) {
    try {
      return UnauthorizedCacheControlHeaderStrategy.valueOf(value(op));
    } catch (IllegalArgumentException e) {
      throw ApiGatewayErrors.badRequest(
          "Invalid unauthorizedCacheControlHeaderStrategy: "
              + op.value()
              + ". Must be one of: [FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER,"
              + " SUCCEED_WITHOUT_RESPONSE_HEADER]");
    }
  }

  /** A JSON Pointer segment's text: {@code ~1} is a slash and {@code ~0} a tilde (RFC 6901). */
  static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
