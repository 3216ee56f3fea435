package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.apigateway.ApiGatewayErrors.require;

import com.google.common.collect.ImmutableMap;

/**
 * A stage's canary release ({@code API_CanarySettings.html}, canary-release.html): {@code
 * percentTraffic} percent of the stage's requests, chosen from a seeded random stream, go to {@code
 * deploymentId} with the stage variables overridden by {@code stageVariableOverrides}.
 *
 * <pre>{@code
 * CanarySettings canary = CanarySettings.of(10.0, newDeploymentId);
 * }</pre>
 *
 * @param percentTraffic 0.0 to 100.0
 * @param deploymentId the canary deployment
 * @param stageVariableOverrides stage variables replaced for canary requests
 * @param useStageCache whether canary requests use the stage cache
 */
public record CanarySettings(
    double percentTraffic,
    String deploymentId,
    ImmutableMap<String, String> stageVariableOverrides,
    boolean useStageCache) {
  /**
   * Validates the settings.
   *
   * @throws ApiGatewayException {@code BadRequestException} if the percentage is outside 0..100
   */
  public CanarySettings {
    require(
        percentTraffic >= 0 && percentTraffic <= 100,
        "Canary percentTraffic must be between 0.0 and 100.0: " + percentTraffic);
    checkNotNull(deploymentId, "deploymentId");
    checkNotNull(stageVariableOverrides, "stageVariableOverrides");
  }

  /** {@code percentTraffic} percent to {@code deploymentId}, no overrides, no stage cache. */
  public static CanarySettings of(double percentTraffic, String deploymentId) {
    return new CanarySettings(percentTraffic, deploymentId, ImmutableMap.of(), false);
  }

  /** These settings with stage variable overrides. */
  public CanarySettings withStageVariableOverrides(ImmutableMap<String, String> overrides) {
    return new CanarySettings(percentTraffic, deploymentId, overrides, useStageCache);
  }

  /** These settings using the stage cache or not. */
  public CanarySettings withUseStageCache(boolean use) {
    return new CanarySettings(percentTraffic, deploymentId, stageVariableOverrides, use);
  }
}
