/**
 * Simulated AWS Lambda on virtual time: users' real handlers, AWS's concurrency rules.
 *
 * <h2>How is the model designed, and why?</h2>
 *
 * <p>What surprises people about Lambda is rarely the code inside a handler; it is what happens
 * around it: the 1,001st concurrent request that fails, a function whose reserved concurrency
 * starves a queue, an asynchronous event that is retried twice and then vanishes. So the model runs
 * the user's own {@code RequestHandler} or {@code RequestStreamHandler} object (with the event
 * types of aws-lambda-java-events) and spends its effort on admission and time.
 *
 * <p><b>Time.</b> A handler runs at once in real time, at the virtual instant the invocation
 * starts. How long it takes is declared, not measured: a {@link dev.awssim.lambda.DurationModel}
 * per function (fixed, or uniform from the seeded stream {@code lambda/duration/<function>}), or a
 * value the handler sets on its {@link dev.awssim.lambda.LambdaContext}. The invocation holds one
 * execution environment over [t, t + d). If d is at least the timeout it ends at t + timeout as a
 * timeout ({@code Sandbox.Timedout}); a handler that throws is a function error. Both answer 200
 * with {@code X-Amz-Function-Error: Unhandled}, as AWS does
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 *
 * <pre>
 *   invoke at t         handler runs (real time 0)       environment released
 *      |--------------------- declared duration d -------------------|   d &lt; timeout: result
 *      |--------------------- timeout -------------|                     d &gt;= timeout: timeout
 * </pre>
 *
 * <p><b>Logs.</b> Each synchronous invocation's {@link dev.awssim.lambda.ExecutionLog} holds what
 * AWS writes to the log stream: {@code START}, the handler's {@code LambdaLogger} messages, {@code
 * END} and {@code REPORT} with the declared duration. {@code Init Duration} (0 ms: no cold-start
 * time) marks a cold start, and {@code Max Memory Used} is declared, not measured. {@code Invoke}
 * with {@code LogType=Tail} answers its last 4 KB, base64-encoded.
 *
 * <p><b>Admission</b>, for each invocation of function f at time t, in this order
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html):
 *
 * <ol>
 *   <li>The account's invocation request rate: 10 times the concurrency quota per second, a token
 *       bucket of one second's worth. It applies to synchronous calls and to asynchronous calls
 *       made through {@code Invoke}; the event queue's own invocations are not counted.
 *   <li>Provisioned concurrency. A published version ({@code name:1}) with a READY provisioned
 *       configuration that has an idle environment runs there, with no further check: those
 *       environments are claimed from the pools when configured. When they are all busy the
 *       invocation spills over to on-demand concurrency ({@code
 *       ProvisionedConcurrencySpilloverInvocations}). Configuration takes 2 minutes to become READY
 *       (AWS says "a minute or two";
 *       https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html).
 *   <li>Concurrency. A function with reserved concurrency R runs at most R - P on-demand
 *       invocations at once, P being its provisioned concurrency; R = 0 throttles every call. Every
 *       other function shares the unreserved pool: the account quota (1,000) minus all reservations
 *       and the provisioned concurrency of unreserved functions, which may never leave less than
 *       100.
 *   <li>Scaling. An idle environment of f is reused for free. A new one takes a token from f's
 *       scaling bucket: 1,000 tokens, refilled continuously at 1,000 per 10 s (100 per second),
 *       never holding more than 1,000. So a cold function starts 1,000 environments in the first
 *       instant, then 100 per second. Environments are kept for the rest of the simulation (AWS
 *       documents no keep-alive).
 * </ol>
 *
 * <p>A refusal is {@code TooManyRequestsException} (429) with a {@link
 * dev.awssim.lambda.ThrottleReason}. AWS does not publish which limit gives which reason; the model
 * answers {@code ConcurrentInvocationLimitExceeded} for the unreserved pool, {@code
 * ReservedFunctionConcurrentInvocationLimitExceeded} for a reservation, and {@code
 * FunctionInvocationRateLimitExceeded} ({@code ReservedFunctionInvocationRateLimitExceeded} for a
 * function with a reservation) for the scaling and request rates. A refused call changes no state;
 * it counts in the {@code Throttles} metric and the trace.
 *
 * <p><b>The asynchronous queue</b>
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html). {@code Invoke} with {@code
 * Event} answers 202 and queues the event; it is first tried at the same instant. After a function
 * error (an exception or a timeout) on attempt k it is tried again 60 s (k = 1) or 120 s (k = 2)
 * after that attempt ends, up to {@code MaximumRetryAttempts} (0-2, default 2). A throttled try
 * goes back to the queue and is tried again after 1 s, 2 s, 4 s ... at most 5 minutes; throttles do
 * not use up retry attempts. The event is dropped at the first try whose time is at least {@code
 * MaximumEventAgeInSeconds} (60 s - 6 h, default 6 h) after it was queued (the half-open rule: an
 * event aged exactly the maximum is dropped). With reserved concurrency 0 an event goes to the
 * failure destination at once, without retries. Dropped events count in {@code AsyncEventsDropped}
 * and go to the on-failure destination; successes go to the on-success destination. A destination
 * is a callback receiving an {@link dev.awssim.lambda.InvocationRecord}, or the ARN of a standard
 * SQS queue or SNS topic of the simulation, which receives AWS's JSON invocation record as the
 * message (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).
 *
 * <p><b>Aliases</b> (https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html) name
 * a version; a routing configuration sends a share of invocations to a second version, drawn from
 * the seeded stream {@code lambda/alias/<function>/<alias>}. Reserved concurrency covers the whole
 * function; provisioned concurrency may be configured on an alias, one configuration per version.
 *
 * <p><b>SNS subscriptions.</b> A function subscribed to a topic (protocol {@code lambda}) gets an
 * {@code SNSEvent} through an asynchronous invocation, outside the request rate; Lambda's async
 * retries apply (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html).
 *
 * <p><b>DeleteFunction</b> never refuses
 * (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html): in-flight invocations
 * finish, its reservation and provisioned concurrency return to the account, queued async events
 * are discarded, and event source mappings stay and fail until a function of that name exists.
 *
 * <p><b>Dead-letter queue.</b> {@link dev.awssim.lambda.Lambda#putDeadLetterConfig} names a
 * simulated SQS queue or SNS topic; a discarded event goes there as it is, with the message
 * attributes {@code RequestID}, {@code ErrorCode} (the status) and {@code ErrorMessage} (first 1
 * KB), and to the on-failure destination too. A failed send counts in {@code DeadLetterErrors}.
 *
 * <p><b>Event source mappings</b>
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html) read the SQS,
 * Kinesis and DynamoDB Streams models of the same simulation through their public API, so those
 * models' rules (visibility, receive counts, redrive, FIFO groups, GetRecords limits) apply to what
 * Lambda reads. Their invocations are synchronous and go through concurrency and scaling as any
 * other, but not through the account's request rate.
 *
 * <ul>
 *   <li><b>SQS</b> (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html,
 *       https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html). A poller
 *       long-polls (20 s), gathers up to {@code BatchSize} messages or until {@code
 *       MaximumBatchingWindowInSeconds} after the batch's first message, invokes, and polls again
 *       once the invocation ends. The mapping starts with 5 pollers; each second in which every
 *       receive came back full (messages are "still available") and nothing was throttled, it adds
 *       300 / 60 = 5, up to 1,000 or {@code ScalingConfig.MaximumConcurrency}; a second with a
 *       short receive adds none, so a steady load that a few pollers drain keeps a few pollers;
 *       after an empty receive it goes back to 5. CreateEventSourceMapping and
 *       UpdateEventSourceMapping refuse a queue whose visibility timeout is below the function's
 *       timeout (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html). The
 *       messages stay in flight for the queue's visibility timeout (or window + function timeout +
 *       30 s, when that is longer with a window): a success deletes them, a function error leaves
 *       them to come back, so the queue's {@code maxReceiveCount} moves them to its DLQ. A
 *       visibility timeout shorter than the function's duration lets a second poller get the same
 *       message while the first still runs. A throttled batch is not invoked: its messages come
 *       back after the visibility timeout, their receive counted, and the poller polls again a
 *       second later; so reserved concurrency caps the invocations and the backlog grows, while
 *       {@code MaximumConcurrency} caps the pollers and nothing bounces. Messages that match none
 *       of the mapping's filters are deleted. With {@code ReportBatchItemFailures} an {@link
 *       com.amazonaws.services.lambda.runtime.events.SQSBatchResponse} keeps only the listed
 *       messages; an empty, null or unknown identifier fails the batch. FIFO order per message
 *       group comes from the queue itself.
 *   <li><b>Kinesis</b> (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html). Each shard
 *       is read once per second (and at once after a batch ends, while records remain) into {@code
 *       ParallelizationFactor} lanes by partition key; each lane holds one batch at a time. A
 *       failed batch is tried again 1 s after the attempt ends, until it succeeds, {@code
 *       MaximumRetryAttempts} is used up, or its oldest record's age is at least {@code
 *       MaximumRecordAgeInSeconds}; with the defaults (-1) a poison record blocks its lane.
 *       Throttles are tried again each second and are not retries. {@code
 *       BisectBatchOnFunctionError} splits a failed batch into the first ceil(n/2) and the rest,
 *       first half first, without counting a retry. {@code ReportBatchItemFailures} ({@link
 *       com.amazonaws.services.lambda.runtime.events.StreamsEventResponse}) retries from the lowest
 *       reported sequence number. A discarded batch sends AWS's failure record ({@code
 *       requestContext}, {@code responseContext}, {@code KinesisBatchInfo}, not the records) to the
 *       SQS on-failure destination. {@code IteratorAge} (ms, the age of the batch's last record) is
 *       recorded at the end of every attempt and at every throttle, so it climbs one second per
 *       second while a function is throttled. Child shards are read once their parents are read to
 *       the end. Records that match none of the mapping's filters are skipped (the checkpoint moves
 *       past them). With {@code TumblingWindowInSeconds} (0-900 s) the records are grouped by
 *       arrival time into windows [k T, (k + 1) T) from the Unix epoch; the handler gets a {@code
 *       KinesisTimeWindowEvent} ({@code DynamodbTimeWindowEvent}) with the state its last {@code
 *       TimeWindowEventResponse} returned (a response without state is a failed invocation); a
 *       batch never spans two windows; once the window's end has passed and its records are done, a
 *       final invocation without records has {@code isFinalInvokeForWindow}; state over 1 MB ends
 *       the window at once ({@code isWindowTerminatedEarly}), and its later records start a new
 *       state. Windows are kept per lane (per shard with the default {@code ParallelizationFactor}
 *       1).
 *   <li><b>DynamoDB Streams</b> (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html): the
 *       same machinery, reading through DescribeStream, GetShardIterator and GetRecords 4 times a
 *       second; handlers get a {@code DynamodbEvent} with AWS's fields, lanes are keyed by the
 *       item's key, and failure records carry {@code DDBStreamBatchInfo}.
 * </ul>
 *
 * <p><b>Event filtering</b>
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html): up to 5 {@code
 * FilterCriteria} patterns of at most 4,096 characters, ORed; a pattern ANDs its keys, descends
 * into nested objects and holds at its leaves the rules exact value, {@code prefix}, {@code
 * suffix}, {@code equals-ignore-case}, {@code anything-but}, {@code numeric}, {@code exists}, and
 * {@code $or}. SQS filters on {@code body} and Kinesis on {@code data} (each read as JSON when it
 * is a JSON object), DynamoDB Streams on the record in DynamoDB JSON ({@code eventName}, {@code
 * dynamodb.NewImage}, ...). Anything else is {@code InvalidParameterValueException} ({@code Invalid
 * filter pattern definition.}).
 *
 * <p><b>UpdateEventSourceMapping</b>
 * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html) checks its
 * parameters as create does, answers the mapping in state {@code Updating}, and 1 s later applies
 * them, the state becoming {@code Enabled} or {@code Disabled}; an update or delete meanwhile is
 * {@code ResourceInUseException}. It may name another function. Long polls already waiting ask
 * again with the new parameters; a re-enabled stream mapping goes on from its checkpoint; a new
 * {@code ParallelizationFactor} applies once the shard's lanes are idle.
 *
 * <p><b>Regions.</b> Lambda is regional: functions, versions, aliases, event source mappings and
 * the account concurrency quota (1,000 "per Region",
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html) belong to one Region. A
 * model is made for one Region of the simulation ({@code Lambda.create(sim.region("eu-west-1"))};
 * {@code Lambda.create(sim)} is the default Region's): its ARNs name the Region, its metrics are
 * that Region's, and its mappings read that Region's queues and streams, on the one clock. A
 * function ARN of another Region is {@code ResourceNotFoundException} (404) "Functions from
 * 'us-east-1' are not reachable in this region ('eu-west-1')", as AWS answers; a queue, stream or
 * destination ARN of another Region or account is an unknown one [SIM].
 *
 * <p><b>Metrics</b> (namespace {@code AWS/Lambda}, dimension {@code FunctionName}, and account-wide
 * without dimensions): {@code Invocations}, {@code Errors}, {@code Throttles}, {@code Duration}
 * (ms), {@code ConcurrentExecutions}, {@code UnreservedConcurrentExecutions}, {@code
 * ClaimedAccountConcurrency} (unreserved in use plus reserved and provisioned allocations), {@code
 * AsyncEventsReceived}, {@code AsyncEventAge} (ms, when an event is invoked), {@code
 * AsyncEventsDropped}, {@code ProvisionedConcurrencyInvocations}, {@code
 * ProvisionedConcurrencySpilloverInvocations}, {@code DeadLetterErrors}, {@code
 * DestinationDeliveryFailures}. Trace events are the {@link dev.awssim.lambda.LambdaEventType}s.
 *
 * <p><b>Where it simplifies.</b> Payloads are Java objects handed to the handler as they are (a
 * {@code RequestStreamHandler} gets bytes); there is no JSON serialization, so the request's 6 MB
 * (1 MB for {@code Event}) applies to payloads given as bytes or text, as the SDK client and the
 * wire give them, and the 6 MB response limit is not modelled; nor is the 6 MB payload at which AWS
 * closes an event source mapping's batch (batches close by size in records and by window). Versions
 * share the handler of {@code $LATEST} and freeze its memory, timeout and description when
 * published; asynchronous invocation settings are kept per function, version or alias, and an event
 * invoked with a qualifier that has none follows the function's (AWS does not say). Provisioned
 * concurrency serves invocations of the qualifier (version or alias) it was configured on. No cold
 * start time, no idle environment reclaim, no duplicate async deliveries, no EventBridge, S3 or
 * Lambda destinations, no SQS provisioned mode, no filter quota above 5, no tumbling windows across
 * resharding (a window simply waits for its end). The SQS scaling steps and the 20 s long poll, the
 * 1 s stream retry delay, the 1 s {@code Updating} state and the condition {@code
 * RecordAgeExceeded} are the model's choices: AWS documents none of them. The condition strings
 * {@code EventAgeExceeded} for age expiry, and {@code RetriesExhausted} for events sent on at
 * reserved concurrency 0, are not documented by AWS. Asynchronous retries use AWS's delays without
 * jitter. The {@code LambdaClient}'s List operations order by name (versions by number, mappings by
 * UUID); AWS documents no order.
 */
package dev.awssim.lambda;
