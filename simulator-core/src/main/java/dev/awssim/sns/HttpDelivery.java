package dev.awssim.sns;

import java.util.Map;

/**
 * The POST that SNS makes to an HTTP/S endpoint
 * (https://docs.aws.amazon.com/sns/latest/dg/http-header.html): the headers SNS sets ({@code
 * x-amz-sns-message-type}, {@code x-amz-sns-message-id}, {@code x-amz-sns-topic-arn}, {@code
 * x-amz-sns-subscription-arn}, {@code x-amz-sns-rawdelivery}, {@code Content-Type}) and the body.
 *
 * @param url the endpoint
 * @param headers the headers in the order SNS writes them
 * @param body the JSON document (or the raw message with raw delivery)
 */
public record HttpDelivery(String url, Map<String, String> headers, String body) {
  /** Copies the headers. */
  public HttpDelivery {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }

  /** {@code x-amz-sns-message-type}: Notification, SubscriptionConfirmation, ... */
  public String messageType() {
    return headers.get("x-amz-sns-message-type");
  }
}
