package dev.awssim.lambda;

import java.time.Duration;

/**
 * A function as {@code GetFunction} describes it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html).
 *
 * @param functionName the function's name
 * @param functionArn the function's ARN
 * @param memorySize memory in MB
 * @param timeout the timeout
 * @param reservedConcurrentExecutions the reserved concurrency, or -1 when it has none
 * @param publishedVersions how many versions were published ("1" to this number)
 */
public record FunctionConfiguration(
    String functionName,
    String functionArn,
    int memorySize,
    Duration timeout,
    int reservedConcurrentExecutions,
    int publishedVersions) {}
