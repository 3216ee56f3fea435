package dev.awssim.sqs;

/**
 * A failed entry of a batch call: the call itself succeeded (HTTP 200) and this entry did not.
 *
 * <pre>{@code
 * result.failed().forEach(f -> System.out.println(f.id() + ": " + f.code()));
 * }</pre>
 *
 * @param id the entry id
 * @param senderFault whether the caller is at fault
 * @param code the error code, such as {@code ReceiptHandleIsInvalid}
 * @param message the error message
 */
public record BatchResultErrorEntry(String id, boolean senderFault, String code, String message) {
  static BatchResultErrorEntry of(String id, SqsException e) {
    return new BatchResultErrorEntry(id, e.isSenderFault(), e.errorCode(), e.errorMessage());
  }
}
