package dev.awssim.kinesis;

/**
 * What PutRecord returns.
 *
 * @param shardId the shard the record went to
 * @param sequenceNumber the record's sequence number
 * @param encryptionType always {@code NONE} in the simulator
 */
public record PutRecordResult(String shardId, String sequenceNumber, String encryptionType) {}
