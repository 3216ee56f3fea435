package dev.awssim.wire;

import dev.awssim.engine.AwsAccount;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The SigV4 credential scope of a request ({@code AKID/20261202/eu-west-1/sqs/aws4_request}), read
 * from its {@code Authorization} header or, for a presigned URL, its {@code X-Amz-Credential} query
 * parameter. Only the Region and the service name are kept; the signature is never checked.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 *
 * @param region the Region the request was signed for, such as {@code eu-west-1}
 * @param service the signing name of the service, such as {@code sqs}, {@code sns} or {@code
 *     monitoring} (CloudWatch)
 */
record CredentialScope(String region, String service) {
  private static final String CREDENTIAL = "Credential=";
  private static final String QUERY_CREDENTIAL = "X-Amz-Credential=";

  /** The scope of {@code request}, or null when it is not signed with SigV4 (or not readably). */
  static CredentialScope of(WireRequest request) {
    String auth = request.header("authorization");
    if (auth != null) {
      int at = auth.indexOf(CREDENTIAL);
      if (at >= 0) {
        int end = auth.indexOf(',', at);
        return parse(auth.substring(at + CREDENTIAL.length(), end < 0 ? auth.length() : end));
      }
      return null;
    }
    String query = request.query();
    if (query != null) {
      for (String pair : query.split("&", -1)) {
        if (pair.startsWith(QUERY_CREDENTIAL)) {
          try {
            return parse(
                URLDecoder.decode(
                    pair.substring(QUERY_CREDENTIAL.length()), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            return null;
          }
        }
      }
    }
    return null;
  }

  /** {@code AKID/date/region/service/aws4_request}: null unless it has those five parts. */
  private static CredentialScope parse(String credential) {
    String[] parts = credential.trim().split("/", -1);
    if (parts.length != 5 || parts[2].isEmpty() || parts[3].isEmpty()) {
      return null;
    }
    return new CredentialScope(parts[2], parts[3]);
  }

  /**
   * Whether {@code region} is shaped like a Region code ({@code eu-west-1}): a request signed for
   * one is served by that Region of the simulation, created on first use.
   */
  static boolean isRegionCode(String region) {
    try {
      var unused = new AwsAccount(AwsAccount.DEFAULT_ACCOUNT_ID, region);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Refuses {@code request} when it is signed for another Region than {@code served}, the Region of
   * the services it was routed to: a scope that names no Region code, or another Region. AWS
   * refuses a credential scoped to another Region than the endpoint's.
   *
   * @throws WireException {@code code} with {@code status} and AWS's message
   */
  static void checkRegion(WireRequest request, String served, String code, int status) {
    CredentialScope scope = of(request);
    if (scope != null && !scope.region().equals(served)) {
      throw new WireException(code, status, scope.wrongRegionMessage(served));
    }
  }

  /**
   * The message AWS sends when the scope names a Region the endpoint does not serve, with the
   * Region awssim serves the request in added.
   */
  String wrongRegionMessage(String served) {
    return "Credential should be scoped to a valid region, not '"
        + region
        + "'. (awssim serves this request in "
        + served
        + ")";
  }
}
