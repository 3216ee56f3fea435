package dev.awssim.sqs;

/**
 * One entry of ChangeMessageVisibilityBatch.
 *
 * <pre>{@code
 * new ChangeMessageVisibilityBatchRequestEntry("e1", message.receiptHandle(), 60);
 * }</pre>
 *
 * @param id the entry id, unique in the batch
 * @param receiptHandle the handle of the receive
 * @param visibilityTimeout the new timeout in seconds from now, or null (MissingParameter)
 */
public record ChangeMessageVisibilityBatchRequestEntry(
    String id, String receiptHandle, Integer visibilityTimeout) {}
