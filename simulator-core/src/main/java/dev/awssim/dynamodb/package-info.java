/**
 * The DynamoDB data plane on virtual time (Amazon DynamoDB Developer Guide,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html).
 *
 * <h2>How the model works</h2>
 *
 * <p>Each table keeps a hash map from partition key to a sorted map of that partition's items
 * ({@code ItemStore}), as DynamoDB stores items of one partition key in sort-key order
 * (HowItWorks.Partitions.html). Each secondary index keeps its own store of projected entries,
 * updated in the same call as the table ([SIM]: GSIs are updated at once, but ConsistentRead on a
 * GSI is still a ValidationException as in AWS). Tables are ACTIVE as soon as CreateTable returns
 * ([SIM]); a GSI added by UpdateTable is backfilled at once.
 *
 * <p>Expressions are parsed by a hand-written recursive-descent parser ({@code Token}, {@code
 * ExpressionParser}) into conditions, operands and update actions, checked against
 * ExpressionAttributeNames/Values (undefined and unused placeholders, reserved words) and
 * Constraints.html's expression limits (4 KB per expression, 255-byte placeholders, 2 MB of names
 * and values, 300 operators or functions, 100 IN operands) before anything changes. Every write
 * validates, evaluates its condition, charges capacity (a failed condition still charges), and only
 * then applies.
 *
 * <p>Each table owns its throughput state ({@code TableThroughput}): an operation prices its reads
 * and writes, hashes each partition key once, and asks the account's {@code AccountThroughput} for
 * one decision on all its charges at the instant the call read from the clock (each public call
 * reads it once). A CreateTable or UpdateTable is checked whole (definition, then capacity quotas
 * and decrease limits) before anything is applied.
 *
 * <h2>AWS rules followed</h2>
 *
 * <ul>
 *   <li>3.1 capacity accounting (4 KB reads, 1 KB writes, larger of old and new image, index
 *       writes, Query rounding once), returned as ConsumedCapacity.
 *   <li>3.2 item size (name + value bytes; numbers 1 byte per 2 digits + 1; maps and lists +3, +1
 *       per element), 400 KB items, 2,048/1,024-byte keys, 32 nesting levels.
 *   <li>3.6 Query/Scan paging: Limit items evaluated or 1 MB, filter after the read,
 *       LastEvaluatedKey whenever the page stopped early; Scan segments split the hash order.
 *   <li>3.7 batches (100 keys / 25 requests / 16 MB, whole-batch validation, throttled entries
 *       unprocessed) and transactions (100 actions, 4 MB, one action per item, all-or-nothing,
 *       CancellationReasons in request order: ConditionalCheckFailed, ValidationError for an update
 *       the stored item makes invalid, ItemCollectionSizeLimitExceeded, and on the throttled action
 *       ProvisionedThroughputExceeded (provisioned) or ThrottlingError (on-demand); 10-minute
 *       ClientRequestToken).
 *   <li>3.9 TTL: expired items stay readable until a task on virtual time deletes them {@code
 *       ttlDeletionDelay} after expiry ([SIM] 48 h); the delete is a service delete in the stream,
 *       costs nothing and counts in {@code AWS/DynamoDB TimeToLiveDeletedItemCount}.
 *   <li>Item collections of tables with LSIs: at most 10 GB each (the items of one partition key
 *       and their LSI entries; LSI.html#LSI.ItemCollections.SizeLimit), a write past it is
 *       ItemCollectionSizeLimitExceededException; ReturnItemCollectionMetrics = SIZE reports the
 *       collection's size as a range of whole gigabytes ([SIM] estimate).
 *   <li>3.10 Streams: four view types, 24-hour retention, 15-minute iterators, at most 1,000
 *       records or 1 MB per GetRecords; no record for a write that changes nothing; at most two
 *       readers per shard, a third is LimitExceededException ([SIM] a reader is one chain of
 *       iterators, reading for one second after each GetRecords).
 * </ul>
 *
 * <h2>Simplifications</h2>
 *
 * <p>[SIM] A stream has one shard for its whole life (AWS splits shards on its own schedule); TTL
 * and stream changes take effect at once; GSIs are never behind the table; PartiQL, backups and
 * global tables are not modelled. Admission and throttling are the capacity layer's ({@code
 * dev.awssim.dynamodb.capacity}).
 */
package dev.awssim.dynamodb;
