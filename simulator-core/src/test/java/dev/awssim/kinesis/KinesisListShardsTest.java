package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ListShards with ShardFilter and paging. Timeline: t=0 create 2 shards (0, 1); t=1h split 0 into 2
 * and 3; t=2h merge 2 and 3 into 4. Open at the end: 1 and 4.
 */
class KinesisListShardsTest {
  private static final String HALF_MINUS_ONE = "85070591730234615865843651857942052864";

  private final AwsSimulator sim = AwsSimulator.withSeed(5);
  private final Kinesis kinesis = sim.kinesis();
  private final Instant start = sim.clock().now();

  @BeforeEach
  void reshard() {
    kinesis.createStream("s", 2);
    sim.advanceBy(Duration.ofHours(1));
    kinesis.splitShard("s", "shardId-000000000000", HALF_MINUS_ONE);
    sim.advanceBy(Duration.ofHours(1));
    kinesis.mergeShards("s", "shardId-000000000002", "shardId-000000000003");
  }

  private List<Integer> list(ShardFilter filter) {
    return ids(kinesis.listShards(ListShardsRequest.of("s").withShardFilter(filter)));
  }

  private static List<Integer> ids(ListShardsResult result) {
    return result.shards().stream()
        .map(s -> Integer.parseInt(s.shardId().substring("shardId-".length())))
        .toList();
  }

  @Test
  void listShards_withoutFilterOrFromTrimHorizon_listsEveryShardWithinRetention() {
    assertEquals(List.of(0, 1, 2, 3, 4), list(null));
    assertEquals(List.of(0, 1, 2, 3, 4), list(ShardFilter.of(ShardFilterType.FROM_TRIM_HORIZON)));
  }

  @Test
  void listShards_atLatest_listsOnlyTheOpenShards() {
    assertEquals(List.of(1, 4), list(ShardFilter.of(ShardFilterType.AT_LATEST)));
  }

  @Test
  void listShards_afterShardId_listsTheShardsThatFollowIt() {
    assertEquals(
        List.of(2, 3, 4),
        list(new ShardFilter(ShardFilterType.AFTER_SHARD_ID, "shardId-000000000001", null)));
  }

  @Test
  void listShards_atTimestamp_listsTheShardsOpenAtThatInstant_endsInclusive() {
    ShardFilter atSplit =
        new ShardFilter(ShardFilterType.AT_TIMESTAMP, null, start.plus(Duration.ofHours(1)));
    ShardFilter between =
        new ShardFilter(ShardFilterType.AT_TIMESTAMP, null, start.plus(Duration.ofMinutes(90)));
    assertEquals(List.of(0, 1, 2, 3), list(atSplit));
    assertEquals(List.of(1, 2, 3), list(between));
  }

  @Test
  void listShards_fromTimestamp_listsOpenShardsAndThoseClosedAtOrAfterIt() {
    ShardFilter filter =
        new ShardFilter(ShardFilterType.FROM_TIMESTAMP, null, start.plus(Duration.ofMinutes(90)));
    assertEquals(List.of(1, 2, 3, 4), list(filter));
  }

  @Test
  void listShards_atTrimHorizon_ofAYoungStream_listsTheShardsItWasCreatedWith() {
    assertEquals(List.of(0, 1), list(ShardFilter.of(ShardFilterType.AT_TRIM_HORIZON)));
  }

  @Test
  void listShards_atTrimHorizon_followsTheHorizon_andDropsShardsOnceTheirRetentionHasPassed() {
    // Shard 0 closed at t=1h; with 24 h of retention it expires at t=25h exactly.
    sim.advanceBy(Duration.ofHours(23).minusNanos(1));
    assertEquals(List.of(0, 1), list(ShardFilter.of(ShardFilterType.AT_TRIM_HORIZON)));
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(List.of(1, 2, 3), list(ShardFilter.of(ShardFilterType.AT_TRIM_HORIZON)));
    assertEquals(List.of(1, 2, 3, 4), list(null));
  }

  @Test
  void listShards_fromTimestampBeforeTheTrimHorizon_isCorrectedToTheHorizon() {
    sim.advanceBy(Duration.ofHours(23));
    ShardFilter filter = new ShardFilter(ShardFilterType.FROM_TIMESTAMP, null, start);
    assertEquals(List.of(1, 2, 3, 4), list(filter));
  }

  @Test
  void listShards_filterMissingOrMisplacedParameters_isInvalidArgument() {
    for (ShardFilter bad :
        List.of(
            ShardFilter.of(ShardFilterType.AFTER_SHARD_ID),
            ShardFilter.of(ShardFilterType.AT_TIMESTAMP),
            ShardFilter.of(ShardFilterType.FROM_TIMESTAMP),
            new ShardFilter(ShardFilterType.AT_LATEST, "shardId-000000000001", null),
            new ShardFilter(ShardFilterType.AT_TRIM_HORIZON, null, start))) {
      KinesisException e =
          assertThrows(
              KinesisException.class,
              () -> kinesis.listShards(ListShardsRequest.of("s").withShardFilter(bad)));
      assertEquals("InvalidArgumentException", e.errorCode(), bad.toString());
    }
    KinesisException noType =
        assertThrows(
            KinesisException.class,
            () ->
                kinesis.listShards(
                    ListShardsRequest.of("s").withShardFilter(ShardFilter.of(null))));
    assertEquals("ValidationException", noType.errorCode());
  }

  @Test
  void listShards_maxResultsOutside1To10000_isValidationException() {
    for (int bad : new int[] {0, -1, 10_001}) {
      KinesisException e =
          assertThrows(
              KinesisException.class,
              () -> kinesis.listShards(ListShardsRequest.of("s").withMaxResults(bad)));
      assertEquals("ValidationException", e.errorCode());
    }
    assertEquals(
        1, kinesis.listShards(ListShardsRequest.of("s").withMaxResults(1)).shards().size());
    assertEquals(
        5, kinesis.listShards(ListShardsRequest.of("s").withMaxResults(10_000)).shards().size());
  }

  @Test
  void listShards_pages_keepTheFilter_andEndWithoutToken() {
    ListShardsResult first = kinesis.listShards(ListShardsRequest.of("s").withMaxResults(2));
    assertEquals(List.of(0, 1), ids(first));
    ListShardsResult second =
        kinesis.listShards(ListShardsRequest.next(first.nextToken()).withMaxResults(2));
    assertEquals(List.of(2, 3), ids(second));
    ListShardsResult last =
        kinesis.listShards(ListShardsRequest.next(second.nextToken()).withMaxResults(2));
    assertEquals(List.of(4), ids(last));
    assertNull(last.nextToken());

    ListShardsResult open =
        kinesis.listShards(
            ListShardsRequest.of("s")
                .withMaxResults(1)
                .withShardFilter(ShardFilter.of(ShardFilterType.AT_LATEST)));
    assertEquals(List.of(1), ids(open));
    assertEquals(List.of(4), ids(kinesis.listShards(ListShardsRequest.next(open.nextToken()))));
  }

  @Test
  void listShards_nextToken_expiresAfter300Seconds() {
    String token = kinesis.listShards(ListShardsRequest.of("s").withMaxResults(1)).nextToken();
    sim.advanceBy(Duration.ofMinutes(5).minusNanos(1));
    assertEquals(
        1, kinesis.listShards(ListShardsRequest.next(token).withMaxResults(1)).shards().size());
    sim.advanceBy(Duration.ofNanos(1));
    KinesisException e =
        assertThrows(
            KinesisException.class, () -> kinesis.listShards(ListShardsRequest.next(token)));
    assertEquals("ExpiredNextTokenException", e.errorCode());
  }

  @Test
  void listShards_nextTokenWithStreamNameOrStartShard_orAltered_isInvalidArgument() {
    String token = kinesis.listShards(ListShardsRequest.of("s").withMaxResults(1)).nextToken();
    String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    for (ListShardsRequest bad :
        List.of(
            new ListShardsRequest("s", token, null, null, null),
            new ListShardsRequest(null, token, "shardId-000000000000", null, null),
            ListShardsRequest.next(altered),
            ListShardsRequest.next("not a token"),
            new ListShardsRequest(null, null, null, null, null))) {
      KinesisException e = assertThrows(KinesisException.class, () -> kinesis.listShards(bad));
      assertEquals("InvalidArgumentException", e.errorCode(), bad.toString());
    }
  }

  @Test
  void listShards_exclusiveStartShardId_listsTheShardsAfterIt() {
    assertEquals(
        List.of(3, 4),
        ids(
            kinesis.listShards(
                new ListShardsRequest("s", null, "shardId-000000000002", null, null))));
  }
}
