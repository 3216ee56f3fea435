package dev.awssim.sns;

/**
 * A function subscribed with protocol {@code lambda}: SNS invokes it asynchronously with the SNS
 * event ({@code {"Records":[{"EventSource":"aws:sns", ..., "Sns":{...}}]}},
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html). The Lambda model plugs in here;
 * until then tests register plain functions.
 */
@FunctionalInterface
public interface FunctionEndpoint {
  /**
   * Takes one event. {@link DeliveryStatus#SERVER_ERROR} when the asynchronous invoke itself fails
   * (SNS retries it), {@link DeliveryStatus#CLIENT_ERROR} when the function does not exist.
   */
  DeliveryStatus invoke(String eventJson);
}
