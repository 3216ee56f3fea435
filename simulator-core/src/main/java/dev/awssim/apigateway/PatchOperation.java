package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One operation of an update call ({@code UpdateStage}, {@code UpdateUsagePlan}), as AWS's {@code
 * PatchOperation} ({@code
 * https://docs.aws.amazon.com/apigateway/latest/api/API_PatchOperation.html}): {@code op} is {@code
 * add}, {@code remove}, {@code replace}, {@code move}, {@code copy} or {@code test}; {@code path}
 * is a JSON Pointer into the resource, with a slash inside a name written {@code ~1} (so the method
 * setting of {@code GET /pets} is {@code /~1pets/GET/...}); {@code value} is the new value as a
 * string; {@code from} is the source of a {@code copy}. The stage's default method settings are
 * addressed as resource {@code *} and method {@code *}.
 *
 * <pre>{@code
 * gateway.updateStage(apiId, "prod", List.of(
 *     PatchOperation.replace("/~1pets/GET/throttling/rateLimit", "100"),
 *     PatchOperation.replace("/~1pets/GET/throttling/burstLimit", "50")));
 * }</pre>
 *
 * @param op the operation
 * @param path the target
 * @param value the new value, or null
 * @param from the source of a {@code copy}, or null
 */
public record PatchOperation(String op, String path, String value, String from) {
  /**
   * Validates the operation.
   *
   * @throws NullPointerException if {@code op} or {@code path} is null
   */
  public PatchOperation {
    checkNotNull(op, "op");
    checkNotNull(path, "path");
  }

  /** {@code op=replace} of {@code path} with {@code value}. */
  public static PatchOperation replace(String path, String value) {
    return new PatchOperation("replace", path, value, null);
  }

  /** {@code op=add} of {@code value} at {@code path}. */
  public static PatchOperation add(String path, String value) {
    return new PatchOperation("add", path, value, null);
  }

  /** {@code op=remove} of {@code path}. */
  public static PatchOperation remove(String path) {
    return new PatchOperation("remove", path, null, null);
  }

  /** {@code op=copy} of {@code from} to {@code path}. */
  public static PatchOperation copy(String from, String path) {
    return new PatchOperation("copy", path, null, from);
  }
}
