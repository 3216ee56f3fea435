package dev.awssim.dynamodb;

import dev.awssim.dynamodb.capacity.ThrottlingReason;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link AccountThroughput#admit}, never null: admitted, or throttled with
 * DynamoDB's error code ({@code ProvisionedThroughputExceededException}, {@code
 * ThrottlingException} or {@code RequestLimitExceeded}, {@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TroubleshootingThrottling.html})
 * and its {@code ThrottlingReasons}.
 */
final class CapacityDecision {
  private static final CapacityDecision ADMITTED =
      new CapacityDecision(null, null, null, null, null);

  private final String errorCode;
  private final String message;
  private final ThrottlingReason reason;
  final CapacityCharge refused;
  final Resource resource;

  private CapacityDecision(
      String errorCode,
      String message,
      ThrottlingReason reason,
      CapacityCharge refused,
      Resource resource) {
    this.errorCode = errorCode;
    this.message = message;
    this.reason = reason;
    this.refused = refused;
    this.resource = resource;
  }

  /** The decision that admits (and, from the model, has consumed) every charge. */
  public static CapacityDecision admitted() {
    return ADMITTED;
  }

  /**
   * A throttle decided outside the model (a test's or a fault injector's), which the model records
   * nowhere.
   *
   * @throws NullPointerException if the error code is null
   */
  public static CapacityDecision throttled(
      String errorCode, String message, List<ThrottlingReason> reasons) {
    return new CapacityDecision(
        Objects.requireNonNull(errorCode, "errorCode"),
        message,
        reasons.isEmpty() ? null : reasons.get(0),
        null,
        null);
  }

  static CapacityDecision throttled(
      String errorCode,
      String message,
      ThrottlingReason reason,
      CapacityCharge refused,
      Resource resource) {
    return new CapacityDecision(errorCode, message, reason, refused, resource);
  }

  /** Whether every charge fitted and was consumed. */
  public boolean isAdmitted() {
    return errorCode == null;
  }

  /** AWS's error code when throttled, else {@code null}. */
  public String errorCode() {
    return errorCode;
  }

  /** A message in AWS's wording when throttled, else {@code null}. */
  public String message() {
    return message;
  }

  /** The throttling reasons (empty when admitted). */
  public List<ThrottlingReason> reasons() {
    return reason == null ? List.of() : List.of(reason);
  }

  @Override
  public String toString() {
    return isAdmitted() ? "ADMITTED" : errorCode + reasons();
  }
}
