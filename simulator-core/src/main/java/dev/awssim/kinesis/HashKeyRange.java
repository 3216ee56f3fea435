package dev.awssim.kinesis;

/**
 * The range of hash keys a shard covers, both ends included, as decimal strings as in the Kinesis
 * API.
 *
 * @param startingHashKey the first hash key of the shard
 * @param endingHashKey the last hash key of the shard
 */
public record HashKeyRange(String startingHashKey, String endingHashKey) {}
