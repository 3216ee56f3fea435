package dev.awssim.lambda;

import java.util.Map;

/**
 * A function alias as {@code GetAlias} describes it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_AliasConfiguration.html).
 *
 * @param aliasArn the alias's ARN ({@code arn:aws:lambda:region:account:function:name:alias})
 * @param name the alias's name
 * @param functionVersion the version it points to ({@code $LATEST} or a published version)
 * @param description the description, or an empty string
 * @param additionalVersionWeights {@code RoutingConfig.AdditionalVersionWeights}: the second
 *     version and the share of invocations (0.0-1.0) routed to it; empty without routing
 */
public record AliasConfiguration(
    String aliasArn,
    String name,
    String functionVersion,
    String description,
    Map<String, Double> additionalVersionWeights) {

  /** Copies the weights. */
  public AliasConfiguration {
    additionalVersionWeights =
        additionalVersionWeights == null ? Map.of() : Map.copyOf(additionalVersionWeights);
  }
}
