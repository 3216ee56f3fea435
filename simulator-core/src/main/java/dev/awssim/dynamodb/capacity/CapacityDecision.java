package dev.awssim.dynamodb.capacity;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The outcome of {@link CapacityModel#tryConsume}: admitted, or throttled with DynamoDB's error
 * code ({@code ProvisionedThroughputExceededException}, {@code ThrottlingException} or {@code
 * RequestLimitExceeded}, reference 3.5 [SIM]) and its {@code ThrottlingReasons}.
 *
 * <pre>{@code
 * if (!decision.isAdmitted()) throw toAwsError(decision.errorCode(), decision.message());
 * }</pre>
 */
public final class CapacityDecision {
  private static final CapacityDecision ADMITTED = new CapacityDecision(null, null, List.of());

  private final String errorCode;
  private final String message;
  private final ImmutableList<ThrottlingReason> reasons;

  private CapacityDecision(String errorCode, String message, List<ThrottlingReason> reasons) {
    this.errorCode = errorCode;
    this.message = message;
    this.reasons = ImmutableList.copyOf(reasons);
  }

  static CapacityDecision admitted() {
    return ADMITTED;
  }

  static CapacityDecision throttled(String errorCode, String message, ThrottlingReason reason) {
    return new CapacityDecision(errorCode, message, List.of(reason));
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
    return reasons;
  }

  @Override
  public String toString() {
    return isAdmitted() ? "ADMITTED" : errorCode + reasons;
  }
}
