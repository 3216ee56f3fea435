/**
 * Amazon Kinesis Data Streams on the virtual clock: {@link dev.awssim.kinesis.Kinesis}, configured
 * by {@link dev.awssim.kinesis.KinesisLimits}.
 *
 * <h2>How is the model designed, and why?</h2>
 *
 * <p>A stream is a set of shards, each owning a contiguous range of the 128-bit hash-key space. A
 * record goes to the shard whose range holds the MD5 of its UTF-8 partition key, read as an
 * unsigned big-endian integer ([INTERP]/[OBS], as kinesalite does; {@code
 * https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html}), or its ExplicitHashKey. N
 * shards split the space evenly: shard i starts at floor(2^128 / N) x i ([SIM]).
 *
 * <pre>
 *   partition key ──MD5──▶ 128-bit hash ──▶ shard whose range holds it
 *   0 ─────────── shardId-000000000000 ──────────┬─────────── shardId-000000000001 ─── 2^128-1
 *                 1 MiB/s, 1,000 rec/s (write)   │   each shard: its own limits, its own records
 *                 5 calls/s, 2 MiB/s (read)      │   in sequence-number order
 * </pre>
 *
 * <p>Each shard holds its records in arrival order, addressed by ordinal; a shard iterator is an
 * opaque token holding (stream, shard, ordinal, issue time), sealed with an HMAC keyed from the
 * seeded random stream so that a forged or altered one is rejected. Nothing is scheduled per
 * record: retention trims a shard lazily when it is next written or read, at exactly arrival +
 * retention (a period covers [start, start + length)); closed shards are trimmed at most once a
 * second and dropped once their retention has passed.
 *
 * <h2>AWS rules followed ({@code https://docs.aws.amazon.com/streams/latest/dev/}, {@code
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/})</h2>
 *
 * <ul>
 *   <li>Writes: 1 MiB/s (data plus partition key) and 1,000 records/s per shard, held over every
 *       one-second span of the virtual clock (a sliding window). PutRecord throws
 *       ProvisionedThroughputExceededException; PutRecords fails the affected entries one by one
 *       (HTTP 200, FailedRecordCount) and writes the rest. 500 records and 10 MiB per PutRecords
 *       ([CHG] since 2025-10-27); 1 MiB per record.
 *   <li>Reads: 5 GetRecords calls per shard over any second, shared by all consumers; 2 MiB/s as a
 *       [SIM] debt that a response larger than a call's share must pay off before the next call (5
 *       s after a 10 MiB response, as AWS documents). At most 10,000 records and 10 MiB per call;
 *       Limit out of 1-10,000 is a ValidationException ([OBS] kinesalite's form).
 *   <li>Iterators: the five types; 5 GetShardIterator calls per second per shard; iterators expire
 *       5 minutes after they are issued; a start at a trimmed sequence number starts at the oldest
 *       retained record; at the end of a closed shard GetRecords returns no next iterator and lists
 *       the child shards.
 *   <li>ListShards: the six ShardFilter types, MaxResults 1-10,000, a NextToken that lasts 300 s.
 *   <li>Retention 24 h by default, 24-8,760 h through Increase/DecreaseStreamRetentionPeriod.
 *   <li>Enhanced fan-out: 20 consumers per stream, a 2 MiB/s pipe per consumer and shard that does
 *       not touch the shared read limits (over any span, whatever the record size), subscriptions
 *       of 5 minutes, the 5-second resubscription rule. [SIM] pushes every 200 ms of virtual time,
 *       heartbeats every 5 s. A subscription holds one scheduler wake-up, set for its next push,
 *       heartbeat or end and brought forward by a record or a request, so 10,000 of them cost no
 *       thread and O(log n) per event.
 *   <li>Resharding: SplitShard, MergeShards (adjacent shards only), UpdateShardCount
 *       (UNIFORM_SCALING, half to double, 10 per rolling 24 h); parents close and stay readable
 *       until their data expires.
 *   <li>On-demand: a new stream has 4 shards (4 MB/s); [SIM] once a minute, every shard that took
 *       more than 500 KB/s on average is split in the middle. A hot partition key still throttles
 *       at one shard's limits.
 *   <li>Shard-level metrics are recorded only after EnableEnhancedMonitoring, as in AWS.
 *   <li>Errors with AWS's codes, HTTP 400, kinesalite's wording.
 * </ul>
 *
 * <h2>Where it simplifies</h2>
 *
 * <ul>
 *   <li>CREATING, UPDATING and DELETING take no time by default ([SIM]; set {@link
 *       dev.awssim.kinesis.KinesisLimits#statusTransitionDelay()} to see them), so code that
 *       creates a stream and writes at once works without a waiter.
 *   <li>UpdateShardCount replaces the open shards in one step; each new shard names the (at most
 *       two) old shards its range overlaps as parents, where AWS goes through intermediate shards.
 *   <li>No encryption, tags, control-plane rate limits, UpdateStreamMode, per-stream maximum record
 *       size, warm throughput or the 30-day peak rule of on-demand streams; on-demand scaling only
 *       splits.
 * </ul>
 */
package dev.awssim.kinesis;
