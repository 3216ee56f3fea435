package dev.awssim.xray;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * A sampling rule, as in {@code https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html}:
 * which requests it matches (service name and type, host, HTTP method, URL path, resource ARN and
 * attributes, each with the wildcards {@code *} and {@code ?}), its priority, and how many it
 * samples (a reservoir per second, then a fixed rate).
 *
 * <p>Fields are boxed because a request may omit them: {@link XRay#createSamplingRule} answers a
 * missing required field with {@code InvalidRequestException}, as X-Ray does.
 *
 * <pre>{@code
 * SamplingRule checkout = SamplingRule.builder("checkout")
 *     .priority(100).reservoirSize(5).fixedRate(0.5)
 *     .serviceName("shop").httpMethod("POST").urlPath("/checkout/*")
 *     .build();
 * }</pre>
 *
 * @param ruleName the rule's name, 1 to 32 characters
 * @param ruleArn the rule's ARN (set by X-Ray; ignored on create)
 * @param resourceArn matches the ARN of the resource the service runs on
 * @param priority 1 to 9,999; lower is evaluated first
 * @param fixedRate the share of requests beyond the reservoir to sample, 0 to 1
 * @param reservoirSize requests to sample each second before the rate applies
 * @param serviceName matches the service name
 * @param serviceType matches the service type ({@code AWS::EC2::Instance}, ...)
 * @param host matches the request's host name
 * @param httpMethod matches the request's HTTP method
 * @param urlPath matches the request's URL path
 * @param version 1
 * @param attributes segment attributes the request must match, at most 5
 */
public record SamplingRule(
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
    Integer version,
    Map<String, String> attributes) {

  /** Copies the attributes (null becomes empty). */
  public SamplingRule {
    attributes = attributes == null ? ImmutableMap.of() : ImmutableMap.copyOf(attributes);
  }

  /**
   * A builder of a rule named {@code ruleName} that matches every request ({@code *} in every
   * matching field), version 1; priority, rate and reservoir still need setting.
   */
  public static Builder builder(String ruleName) {
    return new Builder().ruleName(ruleName);
  }

  /** A builder holding this rule's fields. */
  public Builder toBuilder() {
    return new Builder()
        .ruleName(ruleName)
        .ruleArn(ruleArn)
        .resourceArn(resourceArn)
        .priority(priority)
        .fixedRate(fixedRate)
        .reservoirSize(reservoirSize)
        .serviceName(serviceName)
        .serviceType(serviceType)
        .host(host)
        .httpMethod(httpMethod)
        .urlPath(urlPath)
        .version(version)
        .attributes(attributes);
  }

  /** Builds a {@link SamplingRule}; every setter takes null for "not given". */
  public static final class Builder {
    private String ruleName;
    private String ruleArn;
    private String resourceArn = "*";
    private Integer priority;
    private Double fixedRate;
    private Integer reservoirSize;
    private String serviceName = "*";
    private String serviceType = "*";
    private String host = "*";
    private String httpMethod = "*";
    private String urlPath = "*";
    private Integer version = XRayLimits.RULE_VERSION;
    private Map<String, String> attributes = ImmutableMap.of();

    private Builder() {}

    /** The rule's name. */
    public Builder ruleName(String ruleName) {
      this.ruleName = ruleName;
      return this;
    }

    /** The rule's ARN. */
    public Builder ruleArn(String ruleArn) {
      this.ruleArn = ruleArn;
      return this;
    }

    /** The resource ARN pattern ({@code *} unless set). */
    public Builder resourceArn(String resourceArn) {
      this.resourceArn = resourceArn;
      return this;
    }

    /** The priority, 1 to 9,999. */
    public Builder priority(Integer priority) {
      this.priority = priority;
      return this;
    }

    /** The fixed rate, 0 to 1. */
    public Builder fixedRate(Double fixedRate) {
      this.fixedRate = fixedRate;
      return this;
    }

    /** The reservoir per second. */
    public Builder reservoirSize(Integer reservoirSize) {
      this.reservoirSize = reservoirSize;
      return this;
    }

    /** The service name pattern ({@code *} unless set). */
    public Builder serviceName(String serviceName) {
      this.serviceName = serviceName;
      return this;
    }

    /** The service type pattern ({@code *} unless set). */
    public Builder serviceType(String serviceType) {
      this.serviceType = serviceType;
      return this;
    }

    /** The host pattern ({@code *} unless set). */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The HTTP method pattern ({@code *} unless set). */
    public Builder httpMethod(String httpMethod) {
      this.httpMethod = httpMethod;
      return this;
    }

    /** The URL path pattern ({@code *} unless set). */
    public Builder urlPath(String urlPath) {
      this.urlPath = urlPath;
      return this;
    }

    /** The version (1 unless set). */
    public Builder version(Integer version) {
      this.version = version;
      return this;
    }

    /** The attributes to match. */
    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes;
      return this;
    }

    /** The rule (not validated: {@link XRay} validates what it is given). */
    public SamplingRule build() {
      return new SamplingRule(
          ruleName,
          ruleArn,
          resourceArn,
          priority,
          fixedRate,
          reservoirSize,
          serviceName,
          serviceType,
          host,
          httpMethod,
          urlPath,
          version,
          attributes);
    }
  }
}
