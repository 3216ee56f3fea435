package dev.awssim.kinesis;

/** A stream's status. */
public enum StreamStatus {
  /** Being created: not yet readable or writable. */
  CREATING,
  /** Being deleted. */
  DELETING,
  /** Readable and writable. */
  ACTIVE,
  /** Resharding or changing mode: still readable and writable. */
  UPDATING
}
