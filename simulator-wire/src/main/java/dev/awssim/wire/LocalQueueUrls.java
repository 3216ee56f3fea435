package dev.awssim.wire;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.sqs.model.SqsRequest;

/**
 * Queue URLs that name the endpoint itself. SQS answers with URLs of its own Region's endpoint
 * ({@code https://sqs.us-east-1.amazonaws.com/000000000000/orders}), and so does the wire; but a
 * user of a local endpoint often writes the URL of the endpoint they talk to ({@code
 * http://127.0.0.1:4566/000000000000/orders}), as other local endpoints hand out. Such a URL (its
 * host is the request's {@code Host}, {@code localhost} or a loopback address) names the queue of
 * its path in the Region the request is signed for. Any other URL is left as it is, so a queue URL
 * of another Region, or of another host, is still {@code NonExistentQueue}. [SIM]
 */
final class LocalQueueUrls {
  private static final String QUEUE_URL = "QueueUrl";
  private static final Pattern ACCOUNT_AND_NAME = Pattern.compile("/[0-9]{12}/[^/]+");

  private LocalQueueUrls() {}

  /**
   * {@code sdkRequest} with its {@code QueueUrl} in AWS's form when it names this endpoint; {@code
   * sdkRequest} itself otherwise (not SQS, no queue URL, or another host's).
   */
  static Object canonical(Object sdkRequest, WireRequest request, String region) {
    if (!(sdkRequest instanceof SqsRequest r)) {
      return sdkRequest;
    }
    for (SdkField<?> field : r.sdkFields()) {
      if (field.memberName().equals(QUEUE_URL)) {
        String canonical =
            field.getValueOrDefault(r) instanceof String url
                ? canonicalUrl(url, request.header("host"), region)
                : null;
        if (canonical == null) {
          return sdkRequest;
        }
        SqsRequest.Builder builder = r.toBuilder();
        field.set(builder, canonical);
        return builder.build();
      }
    }
    return sdkRequest;
  }

  /**
   * {@code https://sqs.<region>.amazonaws.com/<account>/<name>} for a URL of this endpoint ({@code
   * host}, {@code localhost} or loopback) whose path is {@code /<account>/<name>}; null otherwise.
   */
  static String canonicalUrl(String url, String host, String region) {
    if (url.startsWith("https://sqs.")) {
      return null; // AWS's own form, the common case: left to the model
    }
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
    String path = u.getRawPath();
    if (u.getHost() == null
        || u.getRawQuery() != null
        || path == null
        || !ACCOUNT_AND_NAME.matcher(path).matches()
        || !local(u, host)) {
      return null;
    }
    return "https://sqs." + region + ".amazonaws.com" + path;
  }

  private static boolean local(URI u, String host) {
    String h = u.getHost().toLowerCase(Locale.ROOT);
    return u.getRawAuthority().equalsIgnoreCase(host == null ? "" : host)
        || h.equals("localhost")
        || h.startsWith("127.")
        || h.equals("[::1]");
  }
}
