/**
 * The classroom: a page for a teacher to run AWS's throttling behaviour live in front of a class.
 *
 * <h2>How it is put together</h2>
 *
 * <pre>
 *   browser (classroom.html)           AWS CLI, boto3, SDKs of the students
 *     |  GET /  and  /_classroom/...         |  AWS JSON / Query requests
 *     |  SSE frames  &lt;-- Live (per-second sums from Metrics.subscribe, throttles from the trace)
 *     |  POST / (AWS JSON, as the CLI)       |
 *     +---------------- WireServer (stepped mode) -----------------+
 *                         one simulation, one clock
 *                  the demo's actors (LiveDemo.start), the demo's numbers
 * </pre>
 *
 * <p>{@link dev.awssim.classroom.ClassroomServer} is a {@link dev.awssim.wire.WireServer} with a
 * page at {@code GET /} and routes under {@code /_classroom/}. Loading a scenario resets the wire
 * server to a fresh simulation on which the demo of simulator-examples starts its actors; the page
 * then moves time with the wire server's admin endpoints (step 1 s, 10 s, to the next event) or
 * with play, which steps time on the wall clock's beat up to the run's end. Because the actors are
 * the demo's own, a run stepped or played to its end shows the numbers the terminal demo prints for
 * the same seed and options ({@code ClassroomTest} checks it).
 *
 * <p>The page's actions (inject a burst, change the shard count, split a shard, change a table's
 * WCU/RCU, write an item, send an SQS message, crash a consumer, set a queue's visibility timeout,
 * send requests to the API) are AWS requests the page sends to the same endpoint, with the {@code
 * aws} command that sends the same request shown beside them; a value AWS refuses comes back as
 * AWS's error and is shown on the page. Changing an API Gateway stage's rate and burst is API
 * Gateway's UpdateStage ({@code PATCH /restapis/{id}/stages/{name}}) on the wire server's control
 * plane, as {@code aws apigateway update-stage} sends it.
 *
 * <p>Every move of virtual time, stepped or played, is a request to the wire server's admin
 * endpoint, so the wire server's session log holds the run and replays it.
 *
 * <p>Scenarios: SQS visibility timeout and dead-letter queue, SQS FIFO groups, the Kinesis hot
 * shard, the DynamoDB hot partition, API Gateway token buckets and retries (four writers side by
 * side, each on its own table, through the SDK's async DynamoDB client whose backoffs are tasks on
 * virtual time; the page shows each strategy's counts from {@link
 * dev.awssim.examples.LiveDemo.Run#progress}).
 */
package dev.awssim.classroom;
