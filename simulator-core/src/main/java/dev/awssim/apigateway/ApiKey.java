package dev.awssim.apigateway;

/**
 * An API key as {@code createApiKey} returns it.
 *
 * <pre>{@code
 * ApiKey key = gateway.createApiKey("customer-a");
 * gateway.invoke(ApiRequest.builder(apiId, "prod", "GET", "/").apiKey(key.value()).build());
 * }</pre>
 *
 * @param id the key's id
 * @param name the key's name
 * @param value the value clients send in {@code x-api-key}
 * @param enabled whether the key can be used
 */
public record ApiKey(String id, String name, String value, boolean enabled) {}
