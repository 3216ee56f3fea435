package dev.awssim.dynamodb;

/**
 * What a stream record holds of the changed item.
 *
 * <pre>{@code
 * StreamViewType.KEYS_ONLY
 * }</pre>
 */
public enum StreamViewType {
  KEYS_ONLY,
  NEW_IMAGE,
  OLD_IMAGE,
  NEW_AND_OLD_IMAGES
}
