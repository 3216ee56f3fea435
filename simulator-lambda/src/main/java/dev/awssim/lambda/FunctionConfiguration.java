package dev.awssim.lambda;

import java.time.Duration;

/**
 * A function or one of its versions as {@code GetFunctionConfiguration} describes it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html).
 *
 * @param functionName the function's name
 * @param functionArn the function's ARN (unqualified)
 * @param memorySize memory in MB
 * @param timeout the timeout
 * @param reservedConcurrentExecutions the reserved concurrency, or -1 when it has none
 * @param publishedVersions how many versions were published ("1" to this number)
 * @param version {@code $LATEST} or the published version described
 * @param description the description, or an empty string
 * @param deadLetterTargetArn {@code DeadLetterConfig.TargetArn}, or null
 * @param codeSha256 {@code CodeSha256}: base64 of the SHA-256 of the handler's class name ([SIM]: a
 *     handler object has no deployment package to hash)
 * @param revisionId {@code RevisionId}: changes whenever {@code $LATEST} changes, and when a
 *     version is published from it
 */
public record FunctionConfiguration(
    String functionName,
    String functionArn,
    int memorySize,
    Duration timeout,
    int reservedConcurrentExecutions,
    int publishedVersions,
    String version,
    String description,
    String deadLetterTargetArn,
    String codeSha256,
    String revisionId) {}
