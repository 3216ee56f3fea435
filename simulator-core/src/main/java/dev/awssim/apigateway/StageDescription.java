package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A REST API stage as {@code getStage}, {@code getStages} and {@code updateStage} return it ({@code
 * https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html}): its name, the deployment it
 * serves and its settings.
 *
 * <pre>{@code
 * StageDescription prod = gateway.getStageDescription(apiId, "prod");
 * prod.settings().defaultMethodSettings().throttle();
 * }</pre>
 *
 * @param stageName the stage's name
 * @param deploymentId the deployment the stage serves (not counting its canary)
 * @param settings the stage's settings
 */
public record StageDescription(String stageName, String deploymentId, StageSettings settings) {
  /**
   * Validates the description.
   *
   * @throws NullPointerException if a component is null
   */
  public StageDescription {
    checkNotNull(stageName, "stageName");
    checkNotNull(deploymentId, "deploymentId");
    checkNotNull(settings, "settings");
  }
}
