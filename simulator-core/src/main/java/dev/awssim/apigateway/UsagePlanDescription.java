package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A usage plan as {@code getUsagePlan}, {@code getUsagePlans} and {@code updateUsagePlan} return it
 * ({@code https://docs.aws.amazon.com/apigateway/latest/api/API_UsagePlan.html}).
 *
 * <pre>{@code
 * UsagePlanDescription gold = gateway.getUsagePlan(planId);
 * gold.settings().throttle();
 * }</pre>
 *
 * @param id the plan's id
 * @param settings its name, stages, throttle and quota
 */
public record UsagePlanDescription(String id, UsagePlanSettings settings) {
  /**
   * Validates the description.
   *
   * @throws NullPointerException if a component is null
   */
  public UsagePlanDescription {
    checkNotNull(id, "id");
    checkNotNull(settings, "settings");
  }
}
