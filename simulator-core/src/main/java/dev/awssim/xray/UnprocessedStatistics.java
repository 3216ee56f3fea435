package dev.awssim.xray;

/**
 * A statistics document X-Ray could not process ({@code
 * https://docs.aws.amazon.com/xray/latest/api/API_UnprocessedStatistics.html}).
 *
 * @param ruleName the rule named in the document
 * @param errorCode why, such as {@code ResourceNotFound}
 * @param message a description
 */
public record UnprocessedStatistics(String ruleName, String errorCode, String message) {}
