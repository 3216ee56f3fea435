package dev.awssim.apigateway;

import com.google.common.collect.ImmutableMap;

/**
 * What an integration function receives: the request as API Gateway passes it on, with the stage
 * variables in effect (the canary's overrides applied for canary requests).
 *
 * <pre>{@code
 * Integration echo = Integration.function(Duration.ofMillis(20),
 *     r -> IntegrationResponse.of(200, r.pathParameters().get("id")));
 * }</pre>
 *
 * @param httpMethod the method, such as {@code GET}
 * @param path the request path
 * @param resourcePath the matched resource path or route, such as {@code /pets/{id}}
 * @param pathParameters values of the path's {@code {name}} parts
 * @param queryParameters the query string parameters
 * @param headers the request headers
 * @param stageVariables the stage variables
 * @param body the request body
 * @param canary whether the request was routed to the canary deployment
 */
public record IntegrationRequest(
    String httpMethod,
    String path,
    String resourcePath,
    ImmutableMap<String, String> pathParameters,
    ImmutableMap<String, String> queryParameters,
    ImmutableMap<String, String> headers,
    ImmutableMap<String, String> stageVariables,
    String body,
    boolean canary) {}
