package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * A resource of a REST API as {@code getResources} returns it ({@code
 * https://docs.aws.amazon.com/apigateway/latest/api/API_Resource.html}).
 *
 * @param id the resource's id
 * @param parentId the parent resource's id; null for the root resource {@code /}
 * @param pathPart the last part of the path, such as {@code {id}}; null for the root resource
 * @param path the full path, such as {@code /pets/{id}}
 * @param methods the HTTP methods put on the resource, in the order they were put
 */
public record ResourceDescription(
    String id, String parentId, String pathPart, String path, ImmutableList<String> methods) {
  /**
   * Validates the description.
   *
   * @throws NullPointerException if {@code id}, {@code path} or {@code methods} is null
   */
  public ResourceDescription {
    checkNotNull(id, "id");
    checkNotNull(path, "path");
    checkNotNull(methods, "methods");
  }
}
