package dev.awssim.dynamodb;

import java.util.List;

/**
 * The attributes projected into a secondary index.
 *
 * <pre>{@code
 * new Projection(ProjectionType.ALL, List.of())
 * }</pre>
 *
 * @param projectionType ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes the attributes of INCLUDE
 */
public record Projection(ProjectionType projectionType, List<String> nonKeyAttributes) {
  /** Copies collections; null collections become empty. */
  public Projection {
    nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
  }

  /** The {@code ALL} projection. */
  public static Projection all() {
    return new Projection(ProjectionType.ALL, List.of());
  }
}
