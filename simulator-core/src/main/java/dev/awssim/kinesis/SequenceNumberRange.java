package dev.awssim.kinesis;

/**
 * The sequence numbers of a shard: the first, and the last once the shard is closed (null while it
 * is open).
 *
 * @param startingSequenceNumber the first sequence number the shard can hold
 * @param endingSequenceNumber the last one, for a closed shard; otherwise null
 */
public record SequenceNumberRange(String startingSequenceNumber, String endingSequenceNumber) {}
