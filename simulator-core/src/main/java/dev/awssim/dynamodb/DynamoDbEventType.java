package dev.awssim.dynamodb;

import dev.awssim.engine.trace.TraceEventType;

/**
 * The DynamoDB events in the simulation trace.
 *
 * <pre>{@code
 * sim.trace().events(DynamoDbEventType.TTL_DELETED)
 * }</pre>
 */
public enum DynamoDbEventType implements TraceEventType {
  /** The TTL sweep deleted an expired item (attributes: key). */
  TTL_DELETED;

  @Override
  public String service() {
    return "dynamodb";
  }
}
