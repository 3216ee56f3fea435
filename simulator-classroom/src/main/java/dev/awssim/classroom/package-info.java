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
 * WCU/RCU, write an item) are AWS requests the page POSTs to the same endpoint, with the {@code
 * aws} command that sends the same request shown beside them; a value AWS refuses comes back as
 * AWS's error and is shown on the page.
 *
 * <p>Scenarios so far: the Kinesis hot shard and the DynamoDB hot partition. The other demos need
 * the same small change as those two (run as actors, {@link dev.awssim.examples.LiveDemo}) and a
 * {@code Scenario} naming their metrics, limits and throttle explanations.
 */
package dev.awssim.classroom;
