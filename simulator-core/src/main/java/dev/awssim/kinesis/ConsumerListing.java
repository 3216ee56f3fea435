package dev.awssim.kinesis;

import java.util.ArrayList;
import java.util.List;

/**
 * ListStreamConsumers: a stream's consumers in registration order, in pages of MaxResults (1 to
 * 10,000; 100 when not given, and never more than 100) with a sealed NextToken that expires after
 * 300 seconds ({@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListStreamConsumers.html}). A token
 * remembers the last consumer listed by its registration, so a consumer deregistered between two
 * pages shifts nothing.
 */
final class ConsumerListing {
  private static final String VERSION = "c1";

  private final Streams streams;

  ConsumerListing(Streams streams) {
    this.streams = streams;
  }

  ListStreamConsumersResult list(String streamArn, Integer maxResults, String nextToken) {
    if (streamArn == null) {
      throw KinesisErrors.validation("streamARN", null, "Member must not be null");
    }
    if (maxResults != null
        && (maxResults < 1 || maxResults > KinesisLimits.LIST_STREAM_CONSUMERS_MAX_RESULTS)) {
      throw KinesisErrors.validation(
          "maxResults",
          maxResults,
          "Member must have value less than or equal to "
              + KinesisLimits.LIST_STREAM_CONSUMERS_MAX_RESULTS
              + " and greater than or equal to 1");
    }
    DataStream stream = streams.requireByArn(streamArn);
    long after = nextToken == null ? -1 : open(nextToken, stream);
    streams.rates.admit(ControlPlaneRates.Action.LIST_STREAM_CONSUMERS, stream.name);
    int limit =
        Math.min(
            maxResults == null ? KinesisLimits.LIST_STREAM_CONSUMERS_PAGE_SIZE : maxResults,
            KinesisLimits.LIST_STREAM_CONSUMERS_PAGE_SIZE);
    List<ConsumerDescription> page = new ArrayList<>();
    boolean more = false;
    long last = after;
    for (StreamConsumer consumer : stream.consumers.values()) {
      if (consumer.ordinal <= after) {
        continue;
      }
      if (page.size() == limit) {
        more = true;
        break;
      }
      page.add(consumer.description);
      last = consumer.ordinal;
    }
    String next = more ? seal(stream, last) : null;
    return new ListStreamConsumersResult(page, next);
  }

  private String seal(DataStream stream, long lastOrdinal) {
    return streams.tokens.seal(
        String.join(
            "|",
            VERSION,
            stream.name,
            Long.toString(stream.createdAtNanos),
            Long.toString(lastOrdinal),
            Long.toString(streams.now())));
  }

  /** The ordinal of the last consumer listed before {@code token}. */
  private long open(String token, DataStream stream) {
    String raw = streams.tokens.open(token);
    String[] parts = raw == null ? new String[0] : raw.split("\\|", -1);
    if (parts.length != 5 || !parts[0].equals(VERSION)) {
      throw KinesisErrors.invalidArgument("Invalid NextToken.");
    }
    if (!parts[1].equals(stream.name) || Long.parseLong(parts[2]) != stream.createdAtNanos) {
      throw KinesisErrors.invalidArgument("NextToken was issued for another stream.");
    }
    long issued = Long.parseLong(parts[4]);
    if (issued + KinesisLimits.LIST_STREAM_CONSUMERS_NEXT_TOKEN_LIFETIME.toNanos()
        <= streams.now()) {
      throw KinesisErrors.expiredNextToken(
          "The timestamp on the NextToken has expired. NextToken expires after "
              + KinesisLimits.LIST_STREAM_CONSUMERS_NEXT_TOKEN_LIFETIME.toSeconds()
              + " seconds.");
    }
    return Long.parseLong(parts[3]);
  }
}
