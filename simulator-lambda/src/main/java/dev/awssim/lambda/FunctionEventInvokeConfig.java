package dev.awssim.lambda;

import java.time.Instant;

/**
 * The asynchronous invocation settings of one function, version or alias, as {@code
 * GetFunctionEventInvokeConfig} describes them
 * (https://docs.aws.amazon.com/lambda/latest/api/API_FunctionEventInvokeConfig.html).
 *
 * @param functionArn the qualified ARN of the function version or alias ({@code :$LATEST} for the
 *     settings of the unqualified function)
 * @param lastModified when the settings were last written, on the virtual clock
 * @param config the settings
 */
public record FunctionEventInvokeConfig(
    String functionArn, Instant lastModified, EventInvokeConfig config) {}
