package dev.awssim.dynamodb.capacity;

/**
 * One entry of DynamoDB's {@code ThrottlingReasons} (API {@code ThrottlingReason}, model update
 * 2025-08-14): e.g. {@code TableWriteKeyRangeThroughputExceeded} and the table or index ARN.
 *
 * <pre>{@code
 * decision.reasons().get(0).reason();  // "IndexWriteProvisionedThroughputExceeded"
 * }</pre>
 *
 * @param reason ResourceType (Table|Index) + OperationType (Read|Write) + LimitType
 * @param resourceArn the table ARN, or {@code <tableArn>/index/<indexName>}
 */
public record ThrottlingReason(String reason, String resourceArn) {}
