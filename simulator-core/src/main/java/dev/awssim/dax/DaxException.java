package dev.awssim.dax;

import dev.awssim.engine.AwsServiceException;

/**
 * An error a simulated DAX cluster returns: {@code ThrottlingException} (400) when requests exceed
 * a node's capacity ({@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.html}), {@code
 * ClusterAlreadyExistsFault} and {@code ClusterNotFoundFault} (400) from cluster management, {@code
 * InvalidParameterValueException} (400) for a bad cluster name.
 */
public final class DaxException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  private DaxException(String errorCode, String message) {
    super("Dax", errorCode, 400, message);
  }

  @Override
  public boolean isThrottling() {
    return "ThrottlingException".equals(errorCode());
  }

  static DaxException throttling(String cluster) {
    return new DaxException(
        "ThrottlingException", "Request rate exceeds the capacity of cluster " + cluster + ".");
  }

  static DaxException clusterAlreadyExists(String cluster) {
    return new DaxException("ClusterAlreadyExistsFault", "Cluster " + cluster + " already exists.");
  }

  static DaxException clusterNotFound(String cluster) {
    return new DaxException("ClusterNotFoundFault", "Cluster " + cluster + " not found.");
  }

  static DaxException invalidParameter(String message) {
    return new DaxException("InvalidParameterValueException", message);
  }
}
