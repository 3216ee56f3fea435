package dev.awssim.lambda;

/**
 * An event source mapping as {@code GetEventSourceMapping} describes it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_GetEventSourceMapping.html).
 *
 * @param uuid the mapping's identifier
 * @param functionArn the function it invokes
 * @param state {@code Enabled} or {@code Disabled}
 * @param config the parameters in force, with AWS's defaults filled in
 */
public record EventSourceMapping(
    String uuid, String functionArn, String state, EventSourceMappingConfig config) {}
