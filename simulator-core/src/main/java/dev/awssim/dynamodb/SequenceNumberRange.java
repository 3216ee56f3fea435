package dev.awssim.dynamodb;

/**
 * The sequence numbers of a shard; ending is null while the shard is open.
 *
 * <pre>{@code
 * range.startingSequenceNumber()
 * }</pre>
 *
 * @param startingSequenceNumber first
 * @param endingSequenceNumber last, or null
 */
public record SequenceNumberRange(String startingSequenceNumber, String endingSequenceNumber) {}
