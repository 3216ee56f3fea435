package dev.awssim.apigateway;

/** An API key of the account. Identity (not value) equality: it keys per-stage subscriptions. */
final class ApiKeyState {
  final String id;
  String name;
  final String value;
  boolean enabled;

  ApiKeyState(String id, String name, String value, boolean enabled) {
    this.id = id;
    this.name = name;
    this.value = value;
    this.enabled = enabled;
  }

  ApiKey toApiKey() {
    return new ApiKey(id, name, value, enabled);
  }
}
