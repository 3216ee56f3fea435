package dev.awssim.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change in a DynamoDB stream (the SDK's {@code Record} with its {@code StreamRecord}).
 *
 * <pre>{@code
 * records.get(0).eventName()
 * }</pre>
 *
 * @param eventId unique id
 * @param eventName INSERT, MODIFY or REMOVE
 * @param eventSource aws:dynamodb
 * @param eventVersion 1.1
 * @param awsRegion the simulation's Region (AwsSimulator.Builder.region)
 * @param approximateCreationDateTime when the change happened (virtual time)
 * @param keys the item's key
 * @param newImage the item after, per view type, or null
 * @param oldImage the item before, per view type, or null
 * @param sequenceNumber increasing per shard
 * @param sizeBytes size of keys and images
 * @param streamViewType the view type
 * @param userIdentityPrincipalId dynamodb.amazonaws.com for a TTL delete, else null
 * @param userIdentityType Service for a TTL delete, else null
 */
public record StreamRecord(
    String eventId,
    OperationType eventName,
    String eventSource,
    String eventVersion,
    String awsRegion,
    java.time.Instant approximateCreationDateTime,
    Map<String, AttributeValue> keys,
    Map<String, AttributeValue> newImage,
    Map<String, AttributeValue> oldImage,
    String sequenceNumber,
    long sizeBytes,
    StreamViewType streamViewType,
    String userIdentityPrincipalId,
    String userIdentityType) {
  /** Copies collections; null collections become empty. */
  public StreamRecord {
    keys = keys == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    newImage = newImage == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(newImage));
    oldImage = oldImage == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(oldImage));
  }
}
