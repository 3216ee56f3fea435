package dev.awssim.xray;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * The changes of an UpdateSamplingRule call ({@code
 * https://docs.aws.amazon.com/xray/latest/api/API_SamplingRuleUpdate.html}): the rule by name or
 * ARN, and each field to change; null leaves a field as it is.
 *
 * @param ruleName the rule's name (or give {@code ruleArn})
 * @param ruleArn the rule's ARN (or give {@code ruleName})
 * @param resourceArn a new resource ARN pattern
 * @param priority a new priority
 * @param fixedRate a new fixed rate
 * @param reservoirSize a new reservoir
 * @param serviceName a new service name pattern
 * @param serviceType a new service type pattern
 * @param host a new host pattern
 * @param httpMethod a new HTTP method pattern
 * @param urlPath a new URL path pattern
 * @param attributes new attributes
 */
public record SamplingRuleUpdate(
    String ruleName,
    String ruleArn,
    String resourceArn,
    Integer priority,
    Double fixedRate,
    Integer reservoirSize,
    String serviceName,
    String serviceType,
    String host,
    String httpMethod,
    String urlPath,
    Map<String, String> attributes) {

  /** Copies the attributes. */
  public SamplingRuleUpdate {
    attributes = attributes == null ? null : ImmutableMap.copyOf(attributes);
  }

  /** An update of the rule named {@code ruleName} that changes only its rate and reservoir. */
  public static SamplingRuleUpdate rateAndReservoir(
      String ruleName, Double fixedRate, Integer reservoirSize) {
    return new SamplingRuleUpdate(
        ruleName, null, null, null, fixedRate, reservoirSize, null, null, null, null, null, null);
  }
}
