package dev.awssim.sqs;

import java.util.Locale;

/**
 * The one factory of {@link SqsException}s: AWS's codes and statuses ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html}).
 */
final class SqsErrors {
  private static final String LEGACY = "AWS.SimpleQueueService.";

  private SqsErrors() {}

  private static SqsException error(String code, String legacy, int status, String message) {
    return new SqsException(code, legacy, status, false, message);
  }

  private static SqsException plain(String code, String message) {
    return same(code, 400, message);
  }

  /** An error whose legacy query code is {@code AWS.SimpleQueueService.<code>}. */
  private static SqsException legacy(String code, int status, String message) {
    return error(code, LEGACY + code, status, message);
  }

  /** An error whose legacy query code is the code itself. */
  private static SqsException same(String code, int status, String message) {
    return error(code, code, status, message);
  }

  static SqsException queueDoesNotExist() {
    return error(
        "QueueDoesNotExist",
        LEGACY + "NonExistentQueue",
        400,
        "The specified queue does not exist for this wsdl version.");
  }

  static SqsException queueDeletedRecently(String name) {
    return legacy(
        "QueueDeletedRecently",
        400,
        "You must wait 60 seconds after deleting a queue before you can create another queue with"
            + " the same name: "
            + name);
  }

  static SqsException queueNameExists(String name, String attribute) {
    return error(
        "QueueNameExists",
        "QueueAlreadyExists",
        400,
        "A queue already exists with the same name and a different value for attribute "
            + attribute
            + ": "
            + name);
  }

  static SqsException purgeQueueInProgress(String name) {
    return legacy(
        "PurgeQueueInProgress",
        403,
        "Only one PurgeQueue operation on " + name + " is allowed every 60 seconds.");
  }

  static SqsException overLimit(int limit) {
    return same(
        "OverLimit", 403, "The maximum number of in flight messages (" + limit + ") is reached.");
  }

  static SqsException requestThrottled(String action) {
    return new SqsException(
        "RequestThrottled",
        "RequestThrottled",
        403,
        true,
        "Rate exceeded for " + action + " on this FIFO queue.");
  }

  static SqsException receiptHandleIsInvalid(String handle) {
    return same(
        "ReceiptHandleIsInvalid",
        404,
        "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
  }

  static SqsException receiptHandleExpired(String handle) {
    return invalidParameterValue(
        "Value "
            + handle
            + " for parameter ReceiptHandle is invalid. Reason: The receipt handle has"
            + " expired.");
  }

  static SqsException messageNotAvailableForVisibilityChange(String handle) {
    return invalidParameterValue(
        "Value "
            + handle
            + " for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not"
            + " available for visibility timeout change.");
  }

  static SqsException visibilityBeyondCap(long value) {
    return invalidParameterValue(
        "Value "
            + value
            + " for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the"
            + " message is beyond the limit [43200 seconds]");
  }

  static SqsException tooManyEntries(int entries) {
    return legacy(
        "TooManyEntriesInBatchRequest",
        400,
        "Maximum number of entries per request are 10. You have sent " + entries + ".");
  }

  static SqsException emptyBatch() {
    return legacy("EmptyBatchRequest", 400, "There should be at least one entry in the request.");
  }

  static SqsException batchEntryIdsNotDistinct(String id) {
    return legacy("BatchEntryIdsNotDistinct", 400, "Id " + id + " repeated.");
  }

  static SqsException invalidBatchEntryId(String id) {
    return legacy(
        "InvalidBatchEntryId",
        400,
        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can"
            + " be at most 80 letters long: "
            + id);
  }

  static SqsException batchRequestTooLong(long bytes, long limit) {
    return legacy(
        "BatchRequestTooLong",
        400,
        "Batch requests cannot be longer than " + limit + " bytes. You have sent " + bytes + ".");
  }

  static SqsException invalidMessageContents() {
    return plain(
        "InvalidMessageContents",
        "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF |"
            + " #xE000 to #xFFFD | #x10000 to #x10FFFF");
  }

  static SqsException invalidAttributeName(String name) {
    return plain("InvalidAttributeName", "Unknown Attribute " + name + ".");
  }

  static SqsException invalidAttributeValue(String name, String reason) {
    return plain(
        "InvalidAttributeValue", "Invalid value for the parameter " + name + ". Reason: " + reason);
  }

  static SqsException invalidParameterValue(String message) {
    return plain("InvalidParameterValue", message);
  }

  static SqsException invalidParameter(String name, Object value, String reason) {
    return invalidParameterValue(
        String.format(
            Locale.ROOT, "Value %s for parameter %s is invalid. Reason: %s", value, name, reason));
  }

  static SqsException resourceNotFound(String message) {
    return same("ResourceNotFoundException", 404, message);
  }

  static SqsException missingParameter(String name) {
    return plain("MissingParameter", "The request must contain the parameter " + name + ".");
  }
}
