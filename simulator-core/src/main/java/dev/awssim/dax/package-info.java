/**
 * DynamoDB Accelerator (DAX) on the virtual clock: {@link dev.awssim.dax.Dax} (clusters) and {@link
 * dev.awssim.dax.DaxCluster} (one cluster's item and query caches), configured by {@link
 * dev.awssim.dax.DaxClusterConfig}.
 *
 * <h2>How is the model designed, and why?</h2>
 *
 * <p>A DAX cluster is a cache with rules about what it caches and when it forgets. The cluster
 * holds two independent caches, each a map in least-recently-used order whose entries carry the
 * instant they were written. A read of an entry checks its age against the TTL at the current
 * virtual instant: there is no timer per entry, so a cache of millions of entries schedules
 * nothing. The cluster does not know DynamoDB's types: the caller hands it the DynamoDB call to
 * make on a miss or a write, and keys and values with value equality. That keeps this package
 * independent of {@code dev.awssim.dynamodb}; the DAX-backed {@code DynamoDbClient} of
 * simulator-awssdk binds it to the simulated tables through the public SDK interface.
 *
 * <pre>
 *   t=0      GetItem via DAX   miss ─▶ eventually consistent read (0.5 RCU) ─▶ cached (v1)
 *   t=60 s   PutItem v2 straight to DynamoDB (DAX does not see it)
 *   t=299.999999999 s  GetItem via DAX  hit ─▶ v1 (stale, 0 RCU)
 *   t=300 s  GetItem via DAX   entry expired ─▶ miss ─▶ v2
 *   any t    GetItem ConsistentRead=true ─▶ DynamoDB, never cached
 * </pre>
 *
 * <h2>AWS rules followed</h2>
 *
 * <p>From {@code
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.html} and {@code
 * DAX.consistency.html}: item cache for GetItem and BatchGetItem, query cache for Query and Scan,
 * each with a 5-minute default TTL; a TTL of 0 keeps items until eviction or a write-through and
 * stops query caching; LRU eviction always on; negative caching of missing items and empty results;
 * strongly consistent reads and TransactGetItems passed through and not cached; write-through after
 * DynamoDB accepts the write (a failed write caches nothing); writes never touch the query cache; a
 * write that bypasses DAX leaves the item stale until TTL or eviction; {@code ThrottlingException}
 * when a node's capacity is exceeded.
 *
 * <h2>Where it simplifies</h2>
 *
 * <ul>
 *   <li>An entry lives over [written, written + TTL), the simulator's half-open rule; a
 *       write-through restarts the TTL and a DeleteItem through DAX leaves a negative entry (both
 *       interpretations; AWS does not say).
 *   <li>Cache size is an entry count (unbounded unless set): AWS sizes caches by node memory.
 *   <li>One node by default, so writes are visible to every reader at once; replication lag between
 *       nodes is not modelled. With node throttling on, reads spread over every node and writes
 *       load the primary, per whole second of virtual time.
 * </ul>
 */
package dev.awssim.dax;
