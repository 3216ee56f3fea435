package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.apigateway.ApiGatewayErrors.require;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of a REST API stage ({@code API_CreateStage.html}, {@code API_MethodSetting.html},
 * stage-variables.html): stage variables, the default method settings ({@code *}/{@code *}),
 * per-method overrides keyed {@code resourcePath/HTTPMETHOD} (such as {@code /pets/GET}; each
 * overrides only the fields it sets), the cache cluster and the canary.
 *
 * <pre>{@code
 * StageSettings s = StageSettings.defaults()
 *     .withDefaultMethodSettings(MethodSettings.defaults().withThrottle(new ThrottleSettings(10, 5)))
 *     .withCacheCluster(true, "0.5");
 * }</pre>
 *
 * @param variables the stage variables (at most 100; names of letters, digits and underscores up to
 *     64 characters; values up to 512 characters)
 * @param defaultMethodSettings the settings of every method without its own
 * @param methodSettings per-method overrides keyed {@code resourcePath/HTTPMETHOD}
 * @param cacheClusterEnabled whether the stage has a cache
 * @param cacheClusterSize the cache capacity in GB: 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118 or 237
 * @param canary the canary release, if any
 */
public record StageSettings(
    ImmutableMap<String, String> variables,
    MethodSettings defaultMethodSettings,
    ImmutableMap<String, MethodSettingsOverride> methodSettings,
    boolean cacheClusterEnabled,
    String cacheClusterSize,
    Optional<CanarySettings> canary) {
  /** The cache sizes in GB ({@code API_CreateStage.html}). */
  public static final ImmutableList<String> CACHE_CLUSTER_SIZES =
      ImmutableList.of("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237");

  /** At most 100 stage variables per stage (limits.html). */
  public static final int MAX_STAGE_VARIABLES = 100;

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final Pattern VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9\\-._~:/?#&=,]{0,512}");
  private static final String ALL_METHODS = "*/*";
  private static final Pattern METHOD_KEY = Pattern.compile("/.*/[A-Z]+");

  private static final StageSettings DEFAULTS =
      new StageSettings(
          ImmutableMap.of(),
          MethodSettings.defaults(),
          ImmutableMap.of(),
          false,
          "0.5",
          Optional.empty());

  /**
   * Validates the settings.
   *
   * @throws ApiGatewayException {@code BadRequestException} for a bad stage variable, cache size or
   *     method settings key
   */
  public StageSettings {
    checkNotNull(variables, "variables");
    checkNotNull(defaultMethodSettings, "defaultMethodSettings");
    checkNotNull(methodSettings, "methodSettings");
    checkNotNull(canary, "canary");
    require(
        CACHE_CLUSTER_SIZES.contains(cacheClusterSize),
        "Invalid cache cluster size: "
            + cacheClusterSize
            + ". Valid values: "
            + CACHE_CLUSTER_SIZES);
    validateVariables(variables);
    canary.ifPresent(c -> validateVariables(c.stageVariableOverrides()));
    for (String key : methodSettings.keySet()) {
      require(
          METHOD_KEY.matcher(key).matches(),
          "Invalid method setting path: " + key + ". Expected {resourcePath}/{HTTPMETHOD}.");
    }
  }

  private static void validateVariables(Map<String, String> variables) {
    require(
        variables.size() <= MAX_STAGE_VARIABLES,
        "A stage can have at most 100 stage variables: " + variables.size());
    variables.forEach(
        (name, value) -> {
          require(
              VARIABLE_NAME.matcher(name).matches(),
              "Stage variable names must be alphanumeric or underscore, at most 64: " + name);
          require(
              VARIABLE_VALUE.matcher(value).matches(),
              "Stage variable value for " + name + " is invalid or longer than 512 characters.");
        });
  }

  /** No variables, default method settings, no cache (size 0.5 GB when enabled), no canary. */
  public static StageSettings defaults() {
    return DEFAULTS;
  }

  /**
   * These settings with {@code variables}.
   *
   * @throws NullPointerException if {@code variables}, a name or a value is null
   */
  public StageSettings withVariables(Map<String, String> variables) {
    return new StageSettings(
        ImmutableMap.copyOf(checkNotNull(variables, "variables")),
        defaultMethodSettings,
        methodSettings,
        cacheClusterEnabled,
        cacheClusterSize,
        canary);
  }

  /**
   * These settings with default method settings {@code settings}.
   *
   * @throws NullPointerException if {@code settings} is null
   */
  public StageSettings withDefaultMethodSettings(MethodSettings settings) {
    checkNotNull(settings, "settings");
    return new StageSettings(
        variables, settings, methodSettings, cacheClusterEnabled, cacheClusterSize, canary);
  }

  /**
   * These settings with {@code override} for the method {@code resourcePath/HTTPMETHOD} (such as
   * {@code /pets/GET}; the leading slash may be left out, as in AWS's {@code ~1pets/GET} patch
   * paths): the method takes the fields the override sets and inherits the others from the default
   * method settings. The key {@code *}/{@code *} applies the override to the default method
   * settings instead.
   *
   * @throws ApiGatewayException {@code BadRequestException} for a malformed key
   * @throws NullPointerException if an argument is null
   */
  public StageSettings withMethodSettings(String methodKey, MethodSettingsOverride override) {
    checkNotNull(methodKey, "methodKey");
    checkNotNull(override, "override");
    if (ALL_METHODS.equals(methodKey)) {
      return withDefaultMethodSettings(override.applyTo(defaultMethodSettings));
    }
    methodKey = methodKey.startsWith("/") ? methodKey : "/" + methodKey;
    return new StageSettings(
        variables,
        defaultMethodSettings,
        ImmutableMap.<String, MethodSettingsOverride>builder()
            .putAll(methodSettings)
            .put(methodKey, override)
            .buildKeepingLast(),
        cacheClusterEnabled,
        cacheClusterSize,
        canary);
  }

  /** These settings with the cache cluster on or off, of {@code size} GB. */
  public StageSettings withCacheCluster(boolean enabled, String size) {
    return new StageSettings(
        variables, defaultMethodSettings, methodSettings, enabled, size, canary);
  }

  /**
   * These settings with {@code canary}.
   *
   * @throws NullPointerException if {@code canary} is null
   */
  public StageSettings withCanary(CanarySettings canary) {
    checkNotNull(canary, "canary");
    return new StageSettings(
        variables,
        defaultMethodSettings,
        methodSettings,
        cacheClusterEnabled,
        cacheClusterSize,
        Optional.of(canary));
  }

  /** These settings without a canary. */
  public StageSettings withoutCanary() {
    return new StageSettings(
        variables,
        defaultMethodSettings,
        methodSettings,
        cacheClusterEnabled,
        cacheClusterSize,
        Optional.empty());
  }

  /** These settings without the override of {@code resourcePath/HTTPMETHOD}. */
  StageSettings withoutMethodSettings(String methodKey) {
    Map<String, MethodSettingsOverride> rest = new LinkedHashMap<>(methodSettings);
    rest.remove(methodKey);
    return new StageSettings(
        variables,
        defaultMethodSettings,
        ImmutableMap.copyOf(rest),
        cacheClusterEnabled,
        cacheClusterSize,
        canary);
  }

  /**
   * The settings in effect for the method {@code resourcePath/HTTPMETHOD} (such as {@code
   * /pets/GET}): its override on the default method settings, or the defaults without one.
   */
  public MethodSettings settingsFor(String methodKey) {
    MethodSettingsOverride override = methodSettings.get(methodKey);
    return override == null ? defaultMethodSettings : override.applyTo(defaultMethodSettings);
  }

  /** The override of {@code resourcePath/HTTPMETHOD}, or {@link MethodSettingsOverride#none()}. */
  MethodSettingsOverride overrideOf(String methodKey) {
    return methodSettings.getOrDefault(methodKey, MethodSettingsOverride.none());
  }

  /** The cache capacity in bytes (1 GB = 2^30 bytes). */
  long cacheCapacityBytes() {
    return (long) (Double.parseDouble(cacheClusterSize) * (1L << 30));
  }
}
