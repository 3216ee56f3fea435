package dev.awssim.awssdk;

import java.util.List;

/**
 * Name-keyed paging for list operations whose simulator form returns everything: the names after an
 * exclusive start name, at most {@code limit} of them.
 */
final class Pages {
  /**
   * Limit of DynamoDB ListTables, and of DynamoDB Streams ListStreams and DescribeStream: 1 to 100,
   * and 100 when not given ({@code API_ListTables.html}, {@code API_streams_ListStreams.html}).
   */
  static final int DEFAULT_LIMIT = 100;

  private Pages() {}

  /**
   * The page size for a requested {@code Limit}.
   *
   * @throws software.amazon.awssdk.services.dynamodb.model.DynamoDbException ValidationException
   *     outside 1 to 100
   */
  static int limit(Integer given) {
    int limit = given == null ? DEFAULT_LIMIT : given;
    if (limit < 1 || limit > DEFAULT_LIMIT) {
      throw DynamoDbRequests.validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value less than or"
              + " equal to 100");
    }
    return limit;
  }

  /** One page of {@code names} (in their given order) after {@code exclusiveStart}. */
  static List<String> after(List<String> names, String exclusiveStart, int limit) {
    int from = exclusiveStart == null ? 0 : names.indexOf(exclusiveStart) + 1;
    return names.subList(from, Math.min(names.size(), from + limit));
  }

  /** The last name of {@code page} when more names follow it, else null. */
  static String lastEvaluated(List<String> names, List<String> page) {
    if (page.isEmpty()) {
      return null;
    }
    String last = page.get(page.size() - 1);
    return names.indexOf(last) < names.size() - 1 ? last : null;
  }
}
