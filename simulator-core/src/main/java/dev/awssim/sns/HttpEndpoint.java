package dev.awssim.sns;

/**
 * An HTTP/S endpoint that lives in the JVM: SNS calls it instead of opening a connection. The
 * returned status decides the outcome as AWS decides it: 200 to 499 is a delivery, anything else
 * (and a thrown exception, as a connection failure) is retried under the delivery policy
 * (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html).
 *
 * <pre>{@code
 * sns.registerHttpEndpoint("https://example.com/hook", post -> {
 *   if (post.messageType().equals("SubscriptionConfirmation")) { ... }
 *   return 200;
 * });
 * }</pre>
 */
@FunctionalInterface
public interface HttpEndpoint {
  /** Handles one POST and returns its HTTP status. */
  int handle(HttpDelivery post);
}
