/**
 * DynamoDB capacity and throttling on the virtual clock: how many units an operation costs, and
 * when and why DynamoDB throttles it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/capacity-mode.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html).
 *
 * <p>This package is what learners and users see of the model: the per-partition view ({@link
 * dev.awssim.dynamodb.capacity.PartitionView} with its hot keys, {@link
 * dev.awssim.dynamodb.capacity.WarmThroughputView}), the quotas and [SIM] knobs ({@link
 * dev.awssim.dynamodb.capacity.CapacityLimits}, {@link
 * dev.awssim.dynamodb.capacity.CapacityKnobs}), the reason of a throttle ({@link
 * dev.awssim.dynamodb.capacity.ThrottlingReason}) and the trace events ({@link
 * dev.awssim.dynamodb.capacity.CapacityTraceEvent}). The model itself (the classes named below) is
 * package-private in {@code dev.awssim.dynamodb}, the only package that uses it.
 *
 * <h2>Accounting</h2>
 *
 * {@code CapacityUnits} prices reads per 4 KB (strong 1, eventual 0.5, transactional 2; a missing
 * item costs the minimum; Query and Scan round their total once) and writes per 1 KB (transactional
 * 2; the larger image of an overwrite or update). All amounts are multiples of 0.5, so the model
 * counts in exact integer milli-units.
 *
 * <h2>How is the model built, and why?</h2>
 *
 * <p>Each table and each GSI is a resource with a read lane and a write lane on one-second windows
 * of the virtual clock, [k s, (k+1) s), and a number of partitions. Partition keys are placed by
 * murmur3 (32 bit) of their canonical string ({@code PartitionKey}, hashed once per request) onto
 * equal hash ranges; a split keeps placement deterministic.
 *
 * <pre>
 *   table 400 WCU, 4 partitions (share 100 each)            burst bucket (per lane)
 *   hash: 0 ........ 2^30 ........ 2^31 ........ 3*2^30 ...... 2^32    +-----------+
 *        | P0        | P1          | P2          | P3          |       | &lt;= 300 s x |
 *   use  |###### 150 |##  50       |##  50       |##  50       |       |   rate    |
 *   share|---- 100 --|---- 100 ----|---- 100 ----|---- 100 ----|       +-----^-----+
 *         ^ adaptive lift: P0 may use what the table leaves          unused allowance
 *           unused this second (up to 400), no throttle              of each second
 *   every key, and (without isolation) every partition: &lt;= 1,000 WCU / 3,000 RCU per second
 * </pre>
 *
 * <p>A provisioned charge of u units on partition p is admitted when:
 *
 * <ol>
 *   <li>the key's units this second + u &lt;= 1,000 WCU / 3,000 RCU (hot-key ceiling, [SIM] of
 *       3.4), else {@code ProvisionedThroughputExceededException} with {@code
 *       ...KeyRangeThroughputExceeded};
 *   <li>the part of u beyond this second's allowance fits in the lane's burst credits, else {@code
 *       ProvisionedThroughputExceededException} with {@code ...ProvisionedThroughputExceeded}. The
 *       allowance is the table's rate not yet used this second (adaptive capacity on), or the
 *       partition's share (rate / partitions) not yet used (adaptive off).
 * </ol>
 *
 * When a second ends, the allowance it left unused is added to the burst credits, capped at {@code
 * burstSeconds x rate} (300 s, [SIM] of 3.4). A 100 WCU table idle for 300 s holds 30,000 credits;
 * at 400 writes/s it spends 300 credits a second and throttles from the 101st second.
 *
 * <p>On-demand (3.3): a lane admits up to twice its previous peak per second; a new table's peak is
 * 2,000 WRU and 6,000 RRU (so it sustains 4,000 writes/s and 12,000 reads/s). Throttles are {@code
 * ThrottlingException}: over {@code MaxRead/WriteRequestUnits} ({@code
 * ...MaxOnDemandThroughputExceeded}), over twice the peak ({@code ...KeyRangeThroughputExceeded}),
 * over the per-table quota ({@code ...AccountLimitExceeded}); over the account quota it is {@code
 * RequestLimitExceeded}.
 *
 * <pre>
 *   units/s       previous peak P   -> admits 2P at once
 *   2P |.............#########......     a second of traffic X becomes the previous peak
 *    P |#########    (30 min later)      30 minutes after it happened, so doubling takes
 *      +---------------------------> t   30 minutes, and 3P within them throttles
 * </pre>
 *
 * <p>A Scan page reads key ranges, not one key: its units (rounded once for the page) are shared
 * among the partition keys it read in proportion to their bytes, and each share counts against its
 * partition's 3,000 RCU, never against one key's ceiling ({@code CapacityCharge.range}).
 *
 * <p>Quotas ({@link dev.awssim.dynamodb.capacity.CapacityLimits}, settable through {@code
 * DynamoDbLimits.withCapacityLimits} and so {@code AwsSimulator.Builder}): a table with its GSIs
 * may not be provisioned over 40,000 RCU or WCU, and all provisioned tables of the account together
 * not over 80,000; CreateTable or UpdateTable past either is {@code LimitExceededException} and
 * changes nothing. On-demand maximums ({@code OnDemandThroughput}) throttle above them; warm
 * throughput ({@code WarmThroughput}) raises an on-demand lane's previous peak to at least half of
 * it and adds partitions for it.
 *
 * <p>A GSI is a resource of its own: an operation passes all its charges (table and GSIs) to {@code
 * AccountThroughput.admit} at once, which admits all or consumes nothing, so a GSI without capacity
 * throttles the base-table write ({@code GSI.html}). An LSI has no capacity of its own: its charges
 * are the table's ({@code LSI.html}).
 *
 * <h2>Layering</h2>
 *
 * This package is the lower layer of the DynamoDB model and knows nothing of items or requests.
 * Each table of the data plane owns a {@code TableThroughput}; the account's {@code
 * AccountThroughput} creates, checks, changes and charges them. Every method takes the virtual time
 * {@code now} as a parameter and neither reads a clock nor locks; a decision is a {@code
 * CapacityDecision}, never null; {@code CapacityMetrics} records it.
 *
 * <h2>[SIM] choices (parameters in {@link dev.awssim.dynamodb.capacity.CapacityKnobs})</h2>
 *
 * <ul>
 *   <li>Partition count = max(minPartitions, ceil(RCU/3,000 + WCU/1,000), ceil(size/10 GB)); it
 *       only grows. On-demand uses twice the previous peaks as the rates. A split resets the
 *       current second's per-partition counters.
 *   <li>Burst credits: one bucket per lane (table or GSI, read or write), starting empty, filled
 *       only by unused allowance.
 *   <li>Adaptive capacity ({@code adaptiveCapacity}, on): a partition may use any of the table's
 *       unused rate this second; it is bounded only by the key ceiling.
 *   <li>Hot-item isolation ({@code hotItemIsolation}, on): a hot key counts alone against 1,000 WCU
 *       / 3,000 RCU; off, a whole partition is held to that ceiling. A provisioned table with
 *       DynamoDB Streams enabled never isolates hot items ({@code burst-adaptive-capacity.html}),
 *       so its keys share their partition's ceiling; an on-demand table with a stream still does.
 *   <li>Previous peak: a second's consumption becomes the previous peak 1,800 s after it ends; a
 *       switch to on-demand starts from max(new-table peak, provisioned rate).
 *   <li>Error codes ([SIM] where AWS does not say which applies;
 *       https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TroubleshootingThrottling.html):
 *       key range and provisioned -&gt; {@code ProvisionedThroughputExceededException}; on-demand
 *       maximum and table level -&gt; {@code ThrottlingException}; account level -&gt; {@code
 *       RequestLimitExceeded}.
 * </ul>
 *
 * <h2>Observability</h2>
 *
 * Metrics in {@code AWS/DynamoDB} with dimension {@code TableName} (plus {@code
 * GlobalSecondaryIndexName}): {@code ConsumedRead/WriteCapacityUnits}, {@code
 * ProvisionedRead/WriteCapacityUnits}, {@code Read/WriteThrottleEvents}; {@code ThrottledRequests}
 * with {@code TableName} and {@code Operation} (a batch counts only when all its entries were
 * throttled; {@code metrics-dimensions.html}); and per reason {@code
 * Read/Write{ProvisionedThroughput,KeyRangeThroughput,MaxOnDemandThroughput,
 * AccountLimit}ThrottleEvents}. {@code TableThroughput.partitions} shows each partition's share,
 * consumption, burst balance and hottest keys of the last second; each throttle is traced with its
 * reason, key and partition.
 *
 * <h2>Not modelled</h2>
 *
 * Burst spent on background work, the UpdateTable 30-minute-on-demand pre-warm of the switch
 * itself, and control-plane rate limits. (The base table and each GSI split their partitions at 10
 * GB of their own stored bytes, fed by every write.)
 */
package dev.awssim.dynamodb.capacity;
