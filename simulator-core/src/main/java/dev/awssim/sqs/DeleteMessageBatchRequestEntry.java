package dev.awssim.sqs;

/**
 * One entry of DeleteMessageBatch.
 *
 * <pre>{@code
 * new DeleteMessageBatchRequestEntry("e1", message.receiptHandle());
 * }</pre>
 *
 * @param id the entry id, unique in the batch
 * @param receiptHandle the handle of the receive
 */
public record DeleteMessageBatchRequestEntry(String id, String receiptHandle) {}
