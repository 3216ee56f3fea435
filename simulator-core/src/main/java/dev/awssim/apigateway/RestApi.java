package dev.awssim.apigateway;

/**
 * A REST API as {@code createRestApi} returns it.
 *
 * <pre>{@code
 * RestApi api = gateway.createRestApi("pets");
 * String pets = gateway.createResource(api.id(), api.rootResourceId(), "pets");
 * }</pre>
 *
 * @param id the API id (10 lowercase letters and digits)
 * @param name the API name
 * @param rootResourceId the id of the {@code /} resource
 */
public record RestApi(String id, String name, String rootResourceId) {}
