package dev.awssim.dynamodb.capacity;

/** DynamoDB's two capacity modes, named as in the API's {@code BillingMode}. */
public enum BillingMode {
  /** Provisioned capacity: RCU and WCU set per table and per GSI. */
  PROVISIONED,
  /** On-demand capacity, scaled from the previous peak. */
  PAY_PER_REQUEST
}
