package dev.awssim.kinesis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ListShards: the listed shards of a stream, filtered by a {@link ShardFilter}, after an exclusive
 * start shard, in pages of MaxResults with a sealed NextToken that expires after 300 seconds
 * ({@code https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ListShards.html}, {@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_ShardFilter.html}).
 */
final class ShardListing {
  private static final String VERSION = "l1";

  private final Streams streams;

  ShardListing(Streams streams) {
    this.streams = streams;
  }

  ListShardsResult list(ListShardsRequest request) {
    if (request == null) {
      throw KinesisErrors.validation("request", null, "Member must not be null");
    }
    Integer max = request.maxResults();
    if (max != null && (max < 1 || max > KinesisLimits.LIST_SHARDS_MAX_RESULTS)) {
      throw KinesisErrors.validation(
          "maxResults",
          max,
          "Member must have value less than or equal to "
              + KinesisLimits.LIST_SHARDS_MAX_RESULTS
              + " and greater than or equal to 1");
    }
    int limit = max == null ? KinesisLimits.LIST_SHARDS_MAX_RESULTS : max;
    Page page = request.nextToken() == null ? firstPage(request) : nextPage(request);
    DataStream stream = page.stream;
    streams.rates.admit(ControlPlaneRates.Action.LIST_SHARDS, stream.name);
    long now = streams.now();
    List<Shard> matching = new ArrayList<>();
    for (Shard shard : stream.listedShards(now)) {
      boolean afterStart = page.afterShardId == null || shard.id.compareTo(page.afterShardId) > 0;
      if (afterStart && matches(stream, shard, page.filter, now)) {
        matching.add(shard);
      }
    }
    List<ShardDescription> shards = new ArrayList<>();
    for (Shard shard : matching.subList(0, Math.min(limit, matching.size()))) {
      shards.add(shard.describe());
    }
    String next = null;
    if (matching.size() > limit) {
      next = token(stream, shards.get(shards.size() - 1).shardId(), page.filter, now);
    }
    return new ListShardsResult(shards, next);
  }

  /** The stream, start and filter of a page: from the request, or from its NextToken. */
  private record Page(DataStream stream, String afterShardId, ShardFilter filter) {}

  private Page firstPage(ListShardsRequest request) {
    if (request.streamName() == null) {
      throw KinesisErrors.invalidArgument("Either NextToken or StreamName should be provided.");
    }
    DataStream stream = streams.require(request.streamName());
    if (request.exclusiveStartShardId() != null) {
      Streams.validateName(request.exclusiveStartShardId(), "exclusiveStartShardId");
    }
    ShardFilter filter = request.shardFilter();
    if (filter != null) {
      validate(filter);
    }
    return new Page(stream, request.exclusiveStartShardId(), filter);
  }

  private static void validate(ShardFilter filter) {
    if (filter.type() == null) {
      throw KinesisErrors.validation("shardFilter.type", null, "Member must not be null");
    }
    boolean wantsShardId = filter.type() == ShardFilterType.AFTER_SHARD_ID;
    boolean wantsTimestamp =
        filter.type() == ShardFilterType.AT_TIMESTAMP
            || filter.type() == ShardFilterType.FROM_TIMESTAMP;
    if (wantsShardId != (filter.shardId() != null)) {
      throw KinesisErrors.invalidArgument(
          wantsShardId
              ? "ShardId must be specified for ShardFilter type AFTER_SHARD_ID."
              : "ShardId can only be used with ShardFilter type AFTER_SHARD_ID.");
    }
    if (wantsTimestamp != (filter.timestamp() != null)) {
      throw KinesisErrors.invalidArgument(
          wantsTimestamp
              ? "Timestamp must be specified for ShardFilter type " + filter.type() + "."
              : "Timestamp can only be used with ShardFilter type AT_TIMESTAMP or"
                  + " FROM_TIMESTAMP.");
    }
    if (wantsShardId) {
      Streams.validateName(filter.shardId(), "shardFilter.shardId");
    }
  }

  private Page nextPage(ListShardsRequest request) {
    if (request.streamName() != null || request.exclusiveStartShardId() != null) {
      throw KinesisErrors.invalidArgument(
          "NextToken and "
              + (request.streamName() != null ? "StreamName" : "ExclusiveStartShardId")
              + " cannot be provided together.");
    }
    String raw = streams.tokens.open(request.nextToken());
    String[] parts = raw == null ? new String[0] : raw.split("\\|", -1);
    if (parts.length != 8 || !parts[0].equals(VERSION)) {
      throw KinesisErrors.invalidArgument("Invalid NextToken.");
    }
    long issued = Long.parseLong(parts[7]);
    long lifetime = KinesisLimits.LIST_SHARDS_NEXT_TOKEN_LIFETIME.toNanos();
    if (issued + lifetime <= streams.now()) {
      throw KinesisErrors.expiredNextToken(
          "The timestamp on the NextToken has expired. NextToken expires after "
              + KinesisLimits.LIST_SHARDS_NEXT_TOKEN_LIFETIME.toSeconds()
              + " seconds.");
    }
    DataStream stream = streams.all().get(parts[1]);
    if (stream == null || stream.createdAtNanos != Long.parseLong(parts[2])) {
      throw KinesisErrors.streamNotFound(parts[1], streams.limits.accountId());
    }
    ShardFilter filter =
        parts[4].isEmpty()
            ? null
            : new ShardFilter(
                ShardFilterType.valueOf(parts[4]),
                parts[5].isEmpty() ? null : parts[5],
                parts[6].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[6])));
    return new Page(stream, parts[3], filter);
  }

  private String token(DataStream stream, String lastShardId, ShardFilter filter, long now) {
    String type = filter == null ? "" : filter.type().name();
    String shardId = filter == null || filter.shardId() == null ? "" : filter.shardId();
    String timestamp =
        filter == null || filter.timestamp() == null
            ? ""
            : Long.toString(filter.timestamp().toEpochMilli());
    return streams.tokens.seal(
        String.join(
            "|",
            VERSION,
            stream.name,
            Long.toString(stream.createdAtNanos),
            lastShardId,
            type,
            shardId,
            timestamp,
            Long.toString(now)));
  }

  private boolean matches(DataStream stream, Shard shard, ShardFilter filter, long now) {
    if (filter == null) {
      return true;
    }
    return switch (filter.type()) {
      case FROM_TRIM_HORIZON -> true;
      case AT_LATEST -> shard.isOpen();
      case AFTER_SHARD_ID -> shard.id.compareTo(filter.shardId()) > 0;
      case AT_TRIM_HORIZON ->
          openAt(shard, Math.max(now - stream.retentionNanos, stream.createdAtNanos));
      case AT_TIMESTAMP -> openAt(shard, nanosOf(filter.timestamp()));
      case FROM_TIMESTAMP -> {
        long from = Math.max(nanosOf(filter.timestamp()), now - stream.retentionNanos);
        yield shard.isOpen() || shard.closedAtNanos() >= from;
      }
    };
  }

  /** Started at or before {@code at} and still open or closed at or after it (API_ShardFilter). */
  private static boolean openAt(Shard shard, long at) {
    return shard.createdAtNanos <= at && (shard.isOpen() || shard.closedAtNanos() >= at);
  }

  /** Elapsed nanos of {@code instant} on the virtual clock, negative before the start. */
  private long nanosOf(Instant instant) {
    Duration since = Duration.between(streams.context.clock().start(), instant);
    return since.toSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1
        ? Long.MAX_VALUE
        : since.toSeconds() <= Long.MIN_VALUE / 1_000_000_000L + 1
            ? Long.MIN_VALUE
            : since.toNanos();
  }
}
