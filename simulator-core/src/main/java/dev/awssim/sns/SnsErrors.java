package dev.awssim.sns;

/**
 * The one factory of {@link SnsException}s, with AWS's codes, statuses and wording
 * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html#API_Publish_Errors and the other
 * actions' Errors sections).
 */
final class SnsErrors {
  private SnsErrors() {}

  /** {@code InvalidParameter} (400) with AWS's "Invalid parameter: " prefix. */
  static SnsException invalidParameter(String detail) {
    return new SnsException("InvalidParameter", 400, "Invalid parameter: " + detail);
  }

  /**
   * A rejected filter policy, worded as AWS words it on Subscribe and SetSubscriptionAttributes.
   */
  static SnsException invalidFilterPolicy(String reason) {
    return invalidParameter("Attributes Reason: FilterPolicy: " + reason);
  }

  static SnsException notFound(String what) {
    return new SnsException("NotFound", 404, what + " does not exist");
  }

  /**
   * {@code FilterPolicyLimitExceeded} (403): "the number of filter polices in your Amazon Web
   * Services account exceeds the limit"
   * (https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html).
   */
  static SnsException filterPolicyLimitExceeded(String scope, int max) {
    return new SnsException(
        "FilterPolicyLimitExceeded",
        403,
        "Filter policy limit exceeded: at most " + max + " filter policies per " + scope);
  }

  /**
   * {@code Throttled} (429): "the rate at which requests have been submitted for this action
   * exceeds the limit" (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html).
   */
  static SnsException throttled() {
    return new SnsException("Throttled", 429, "Rate exceeded");
  }

  static SnsException emptyBatch() {
    return new SnsException(
        "EmptyBatchRequest", 400, "The batch request doesn't contain any entries");
  }

  static SnsException tooManyEntries(int max) {
    return new SnsException(
        "TooManyEntriesInBatchRequest",
        400,
        "The batch request contains more entries than permissible (" + max + ")");
  }

  static SnsException idsNotDistinct() {
    return new SnsException(
        "BatchEntryIdsNotDistinct",
        400,
        "Two or more batch entries in the request have the same Id");
  }

  static SnsException invalidBatchEntryId() {
    return new SnsException(
        "InvalidBatchEntryId",
        400,
        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It"
            + " can be at most 80 letters long");
  }

  static SnsException batchTooLong(int max) {
    return new SnsException(
        "BatchRequestTooLong",
        400,
        "The length of all the messages put together is more than the limit (" + max + " bytes)");
  }
}
