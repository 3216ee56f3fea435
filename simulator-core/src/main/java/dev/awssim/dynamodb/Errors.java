package dev.awssim.dynamodb;

import java.util.List;
import java.util.Map;

/** The one factory of {@link DynamoDbException}s, with AWS's codes and messages. */
final class Errors {
  private Errors() {}

  static DynamoDbException of(String code, String message) {
    return new DynamoDbException(code, message, false, null, List.of(), List.of());
  }

  static DynamoDbException validation(String message) {
    return of("ValidationException", message);
  }

  /** The ValidationException for a missing required member, in AWS's constraint wording. */
  static DynamoDbException required(String member) {
    return validation(
        "1 validation error detected: Value null at '"
            + member
            + "' failed to satisfy constraint: Member must not be null");
  }

  static DynamoDbException tableNotFound(String table) {
    return of(
        "ResourceNotFoundException",
        "Requested resource not found: Table: " + table + " not found");
  }

  static DynamoDbException inUse(String message) {
    return of("ResourceInUseException", message);
  }

  static DynamoDbException conditionFailed(Map<String, AttributeValue> item) {
    return new DynamoDbException(
        "ConditionalCheckFailedException",
        "The conditional request failed",
        false,
        item,
        List.of(),
        List.of());
  }

  static DynamoDbException cancelled(List<CancellationReason> reasons) {
    StringBuilder codes = new StringBuilder();
    for (CancellationReason reason : reasons) {
      codes.append(codes.length() == 0 ? "" : ", ").append(reason.code());
    }
    return new DynamoDbException(
        "TransactionCanceledException",
        "Transaction cancelled, please refer cancellation reasons for specific reasons ["
            + codes
            + "]",
        false,
        null,
        reasons,
        List.of());
  }

  static DynamoDbException throttled(CapacityDecision throttle) {
    return new DynamoDbException(
        throttle.errorCode(), throttle.message(), true, null, List.of(), throttle.reasons());
  }

  static DynamoDbException keyMismatch() {
    return validation("The provided key element does not match the schema");
  }

  /**
   * A write that would take an item collection past 10 GB on a table with LSIs (API_PutItem.html,
   * ItemCollectionSizeLimitExceededException: "An item collection is too large. This exception is
   * only returned for tables that have one or more local secondary indexes.").
   */
  static DynamoDbException itemCollectionTooLarge() {
    return of(
        "ItemCollectionSizeLimitExceededException",
        "Item collection size limit exceeded: the total size of an item collection has exceeded"
            + " the maximum limit of 10 gigabytes");
  }

  static DynamoDbException itemTooLarge() {
    return validation("Item size has exceeded the maximum allowed size");
  }

  /** An UpdateItem whose result would pass 400 KB. */
  static DynamoDbException itemToUpdateTooLarge() {
    return validation("Item size to update has exceeded the maximum allowed size");
  }

  /**
   * A TransactWriteItems request, or the items a TransactGetItems reads, past 4 MB in all
   * (API_TransactWriteItems.html, API_TransactGetItems.html: "The aggregate size of the items in
   * the transaction cannot exceed 4 MB"). [INTERP] Both are a ValidationException: neither page
   * lists the size among the TransactionCanceledException reasons.
   */
  static DynamoDbException transactionTooLarge() {
    return validation("Transaction size has exceeded the maximum allowed size of 4 MB");
  }

  /**
   * A third reader on one stream shard, or a GetRecords Limit past 1,000: LimitExceededException,
   * whose API text names both ("GetRecords was called with a value of more than 1000 for the limit
   * request parameter. More than 2 processes are reading from the same streams shard at the same
   * time",
   * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html,
   * "Errors").
   */
  static DynamoDbException streamLimitExceeded(String message, boolean throttling) {
    return new DynamoDbException(
        "LimitExceededException", message, throttling, null, List.of(), List.of());
  }
}
