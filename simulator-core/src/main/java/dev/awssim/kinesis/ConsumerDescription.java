package dev.awssim.kinesis;

import java.time.Instant;

/**
 * An enhanced fan-out consumer.
 *
 * @param consumerName its name, unique in its stream
 * @param consumerArn {@code <streamArn>/consumer/<name>:<creation epoch seconds>}
 * @param consumerStatus {@code ACTIVE} ([SIM]: registration takes no time)
 * @param consumerCreationTimestamp when it was registered
 * @param streamArn the stream it reads
 */
public record ConsumerDescription(
    String consumerName,
    String consumerArn,
    String consumerStatus,
    Instant consumerCreationTimestamp,
    String streamArn) {}
