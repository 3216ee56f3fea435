package dev.awssim.awssdk;

import dev.awssim.engine.AwsServiceException;

/** A simulator error of any service, code and status, for testing the SDK mapping. */
final class FakeServiceError extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  FakeServiceError(String service, String code, int status) {
    super(service, code, status, "simulated " + code);
  }
}
