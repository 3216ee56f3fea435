package dev.awssim.dynamodb;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.awssim.dynamodb.capacity.ThrottlingReason;
import dev.awssim.engine.AwsServiceException;
import java.util.List;
import java.util.Map;

/**
 * An error DynamoDB returns, with its AWS error code and HTTP status (all data-plane errors are
 * 400). A {@code ConditionalCheckFailedException} may carry the item ({@link #item()}) when the
 * request asked for {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}; a {@code
 * TransactionCanceledException} carries {@link #cancellationReasons()} in request order; a
 * throttling error carries {@link #throttlingReasons()}.
 *
 * <pre>{@code
 * try {
 *   db.putItem(PutItemRequest.of("Orders", item)
 *       .withCondition(WriteCondition.of("attribute_not_exists(id)")));
 * } catch (DynamoDbException e) {
 *   assert e.errorCode().equals("ConditionalCheckFailedException");
 * }
 * }</pre>
 */
public final class DynamoDbException extends AwsServiceException {
  private static final long serialVersionUID = 1L;

  private final boolean throttling;
  private final transient Map<String, AttributeValue> item;
  private final transient List<CancellationReason> cancellationReasons;
  private final transient List<ThrottlingReason> throttlingReasons;

  DynamoDbException(
      String errorCode,
      String message,
      boolean throttling,
      Map<String, AttributeValue> item,
      List<CancellationReason> cancellationReasons,
      List<ThrottlingReason> throttlingReasons) {
    super("DynamoDb", errorCode, 400, message);
    this.throttling = throttling;
    this.item = item == null ? null : ImmutableMap.copyOf(item);
    this.cancellationReasons = ImmutableList.copyOf(cancellationReasons);
    this.throttlingReasons = ImmutableList.copyOf(throttlingReasons);
  }

  @Override
  public boolean isThrottling() {
    return throttling;
  }

  /** The item returned with a failed condition (ALL_OLD), or null. */
  public Map<String, AttributeValue> item() {
    return item;
  }

  /** The reasons of a cancelled transaction, one per action in request order; else empty. */
  public List<CancellationReason> cancellationReasons() {
    return cancellationReasons;
  }

  /** The throttling reasons of a throttling error; else empty. */
  public List<ThrottlingReason> throttlingReasons() {
    return throttlingReasons;
  }
}
