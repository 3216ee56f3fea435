package dev.awssim.dynamodb;

/**
 * Why a request was throttled (API reference {@code ThrottlingReason}): {@code reason} such as
 * {@code TableWriteProvisionedThroughputExceeded}, and the ARN of the table or index.
 *
 * <pre>{@code
 * new ThrottlingReason("TableReadProvisionedThroughputExceeded", tableArn)
 * }</pre>
 *
 * @param reason ResourceType + OperationType + LimitType, per reference section 3.5
 * @param resourceArn the ARN of the throttled table or index
 */
public record ThrottlingReason(String reason, String resourceArn) {}
