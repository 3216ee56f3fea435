package dev.awssim.sns;

import java.util.List;

/**
 * What PublishBatch returns: each entry either published or failed.
 *
 * @param successful the published entries, in request order
 * @param failed the failed entries, in request order
 */
public record PublishBatchResult(List<Successful> successful, List<Failed> failed) {
  /** Copies the lists. */
  public PublishBatchResult {
    successful = List.copyOf(successful);
    failed = List.copyOf(failed);
  }

  /**
   * A published entry.
   *
   * @param id the entry id
   * @param messageId the message id
   * @param sequenceNumber the FIFO sequence number, or null
   */
  public record Successful(String id, String messageId, String sequenceNumber) {}

  /**
   * A failed entry.
   *
   * @param id the entry id
   * @param code the error code, such as {@code InvalidParameter}
   * @param message the error message
   * @param senderFault whether the caller is at fault
   */
  public record Failed(String id, String code, String message, boolean senderFault) {}
}
