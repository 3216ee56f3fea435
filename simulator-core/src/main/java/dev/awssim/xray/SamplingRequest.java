package dev.awssim.xray;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * What a sampler knows about an incoming request when it decides: the fields sampling rules match.
 * A field left null is unknown and matches any pattern, as in the AWS X-Ray SDKs, which skip the
 * fields a request does not carry ({@code sampling_rule.py}).
 *
 * <pre>{@code
 * SamplingRequest r = SamplingRequest.http("shop", "api.example.com", "POST", "/checkout/42");
 * }</pre>
 *
 * @param serviceName the service's name
 * @param serviceType the service's type, such as {@code AWS::EC2::Instance}
 * @param host the request's host name
 * @param httpMethod the request's HTTP method
 * @param urlPath the request's URL path
 * @param resourceArn the ARN of the resource the service runs on
 * @param attributes segment attributes
 */
public record SamplingRequest(
    String serviceName,
    String serviceType,
    String host,
    String httpMethod,
    String urlPath,
    String resourceArn,
    Map<String, String> attributes) {

  /** Copies the attributes (null becomes empty). */
  public SamplingRequest {
    attributes = attributes == null ? ImmutableMap.of() : ImmutableMap.copyOf(attributes);
  }

  /** A request to {@code serviceName} with only its HTTP fields known. */
  public static SamplingRequest http(String serviceName, String host, String method, String path) {
    return new SamplingRequest(serviceName, null, host, method, path, null, null);
  }

  /** A request to {@code serviceName} with nothing else known. */
  public static SamplingRequest of(String serviceName) {
    return new SamplingRequest(serviceName, null, null, null, null, null, null);
  }
}
