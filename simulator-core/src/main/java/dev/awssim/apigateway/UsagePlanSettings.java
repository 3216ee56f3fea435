package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * What {@code createUsagePlan} takes (api-gateway-api-usage-plans.html): a name, the API stages,
 * and an optional per-key throttle and quota, both shared by every stage of the plan.
 *
 * <pre>{@code
 * UsagePlanSettings gold = UsagePlanSettings.of("gold", ApiStage.of(apiId, "prod"))
 *     .withThrottle(new ThrottleSettings(100, 200))
 *     .withQuota(QuotaSettings.of(1_000, "DAY"));
 * }</pre>
 *
 * @param name the plan's name
 * @param apiStages the stages the plan covers
 * @param throttle the per-key throttle, if any
 * @param quota the per-key quota, if any
 */
public record UsagePlanSettings(
    String name,
    ImmutableList<ApiStage> apiStages,
    Optional<ThrottleSettings> throttle,
    Optional<QuotaSettings> quota) {
  /**
   * Validates the settings.
   *
   * @throws NullPointerException if a component is null
   */
  public UsagePlanSettings {
    checkNotNull(name, "name");
    checkNotNull(apiStages, "apiStages");
    checkNotNull(throttle, "throttle");
    checkNotNull(quota, "quota");
  }

  /** A plan named {@code name} over {@code stages}, without throttle or quota. */
  public static UsagePlanSettings of(String name, ApiStage... stages) {
    return new UsagePlanSettings(
        name, ImmutableList.copyOf(stages), Optional.empty(), Optional.empty());
  }

  /** These settings with {@code throttle}. */
  public UsagePlanSettings withThrottle(ThrottleSettings throttle) {
    return new UsagePlanSettings(name, apiStages, Optional.of(throttle), quota);
  }

  /** These settings with {@code quota}. */
  public UsagePlanSettings withQuota(QuotaSettings quota) {
    return new UsagePlanSettings(name, apiStages, throttle, Optional.of(quota));
  }
}
