package dev.awssim.awssdk;

/** The error of an SDK operation that the simulator does not model. */
final class Unsupported {
  private Unsupported() {}

  /**
   * An {@link UnsupportedOperationException} naming the operation, so that a test fails loudly
   * instead of receiving a silent default.
   *
   * @param service such as {@code SQS}
   * @param operation the AWS action, such as {@code TagQueue}
   */
  static UnsupportedOperationException operation(String service, String operation) {
    return new UnsupportedOperationException(
        service
            + " "
            + operation
            + " is not modelled by awssim; the simulated client supports only the operations the"
            + " simulator models (see the simulator-awssdk README)");
  }
}
