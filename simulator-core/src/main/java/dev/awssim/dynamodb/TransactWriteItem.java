package dev.awssim.dynamodb;

/**
 * One action of TransactWriteItems: exactly one of put, update, delete or conditionCheck.
 *
 * <pre>{@code
 * TransactWriteItem.put(PutItemRequest.of("Orders", item))
 * }</pre>
 *
 * @param put or null
 * @param update or null
 * @param delete or null
 * @param conditionCheck or null
 */
public record TransactWriteItem(
    PutItemRequest put,
    UpdateItemRequest update,
    DeleteItemRequest delete,
    ConditionCheck conditionCheck) {

  /** A put action. */
  public static TransactWriteItem put(PutItemRequest put) {
    return new TransactWriteItem(put, null, null, null);
  }

  /** An update action. */
  public static TransactWriteItem update(UpdateItemRequest update) {
    return new TransactWriteItem(null, update, null, null);
  }

  /** A delete action. */
  public static TransactWriteItem delete(DeleteItemRequest delete) {
    return new TransactWriteItem(null, null, delete, null);
  }

  /** A condition check. */
  public static TransactWriteItem conditionCheck(ConditionCheck check) {
    return new TransactWriteItem(null, null, null, check);
  }

  /** The condition of whichever action this is (the caller has checked there is one). */
  WriteCondition condition() {
    if (put != null) {
      return put.condition();
    }
    if (update != null) {
      return update.condition();
    }
    return delete != null ? delete.condition() : conditionCheck.condition();
  }
}
