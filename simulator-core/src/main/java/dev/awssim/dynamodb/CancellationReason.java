package dev.awssim.dynamodb;

import java.util.Map;

/**
 * The outcome of one action of a cancelled transaction ({@code CancellationReason}): {@code code}
 * is {@code None}, {@code ConditionalCheckFailed}, {@code ValidationError}, {@code
 * TransactionConflict} or a throttling code; {@code item} is the old item when the action asked for
 * {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}.
 *
 * <pre>{@code
 * e.cancellationReasons().get(1).code() // "ConditionalCheckFailed"
 * }</pre>
 *
 * @param code the reason code
 * @param message the message, or null for {@code None}
 * @param item the item returned on a failed condition, or null
 */
public record CancellationReason(String code, String message, Map<String, AttributeValue> item) {
  static final CancellationReason NONE = new CancellationReason("None", null, null);
}
