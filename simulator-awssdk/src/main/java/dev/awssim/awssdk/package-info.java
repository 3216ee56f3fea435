/**
 * AWS SDK for Java v2 clients backed by an awssim simulation.
 *
 * <h2>How is the adapter designed, and why?</h2>
 *
 * <p>Users' production code talks to {@code SqsClient}, {@code KinesisClient}, {@code
 * DynamoDbClient}, {@code DynamoDbStreamsClient} and the DynamoDB Enhanced Client. {@link
 * dev.awssim.awssdk.SimulatedAws} hands out implementations of exactly those interfaces, so the
 * code under test runs unchanged: no endpoint override, no container, no port, no credentials, and
 * no wall clock. The SDK's service artifacts supply the interfaces, the request and response model
 * and the modelled exceptions; no HTTP client is on the class path, because no request is ever
 * serialised.
 *
 * <pre>
 *   user code --SqsClient--> SimulatedSqsClient --SqsConverters--> Sqs (simulator-core)
 *                                  |                                    |
 *                             RetryExecutor &lt;-- simulator error --------+
 *                                  |   ServiceErrors: code -> QueueDoesNotExistException, ...
 *                                  +-- backoff: scheduler().advanceBy(jittered delay)
 * </pre>
 *
 * <p><b>One call.</b> A client converts the SDK request field by field into the simulator's
 * request, runs the operation through its {@code RetryExecutor}, and converts the result back field
 * by field (attribute values of every type, message and system attributes and their MD5s, consumed
 * capacity, unprocessed keys and items, cancellation reasons, stream records). An SDK request field
 * left unset stays unset ({@code hasExclusiveStartKey()} is checked, not the empty auto-constructed
 * map), because DynamoDB treats "absent" and "empty" differently.
 *
 * <p><b>Errors</b> become the exception the real client would unmarshal from AWS's response: the
 * modelled class of the error code, else the service's base class, with {@code awsErrorDetails()}
 * carrying the code, message, service name ({@code Sqs}, {@code DynamoDb}, {@code DynamoDbStreams},
 * {@code Kinesis}) and HTTP status, plus a request id from a seeded stream. SQS is
 * query-compatible: its class follows the JSON code ({@code QueueDoesNotExist}) but {@code
 * errorCode()} is the legacy query code ({@code AWS.SimpleQueueService.NonExistentQueue}), as in
 * the SDK's {@code AwsJsonProtocolErrorUnmarshaller}. Since the SDK's own {@code
 * isThrottlingException()} then judges the exception (HTTP 429 or a code in {@code
 * AwsErrorCode.THROTTLING_ERROR_CODES}), users' throttling checks behave as against AWS.
 *
 * <p><b>Retries</b> follow the SDK 2.40.2 strategies, read from its sources: {@link
 * dev.awssim.awssdk.RetryMode#LEGACY}, the SDK's default ({@code RetryMode.Resolver
 * .SDK_DEFAULT_RETRY_MODE}), makes 4 attempts; transient errors (HTTP 500/502/503/504, {@code
 * InternalError}, ...) wait a full-jitter exponential backoff from 100 ms, throttling errors a
 * half-jitter backoff from 500 ms, never more than 20 s; a 500-token retry quota charges 5 per
 * transient retry and nothing per throttling retry. {@code STANDARD} makes 3 attempts, backs off
 * throttles from 1 s with full jitter and charges 5 per retry. The DynamoDB client makes 9 attempts
 * and backs off transient errors from 25 ms ({@code DynamoDbRetryPolicy}); its throttling backoff
 * stays the mode's (the SDK does not replace it;
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html). Waiting advances
 * the simulation's virtual clock, running whatever is due meanwhile; the jitter comes from the
 * seeded stream {@code awssdk/retries/<client>}, so a seed replays the same waits, and the trace
 * records each wait ({@link dev.awssim.awssdk.AwsSdkEventType#RETRY_SCHEDULED}) and each give-up. A
 * retry that must wait inside a scheduled task throws {@link java.lang.IllegalStateException}:
 * simulated actors use {@code RetryMode.NONE} and handle throttles themselves.
 *
 * <p><b>Blocking calls.</b> A long poll ({@code ReceiveMessage} with {@code WaitTimeSeconds})
 * advances virtual time as the core does: it returns when a message becomes receivable or the wait
 * ends. Inside a scheduled task, where virtual time cannot advance, a long poll throws {@link
 * java.lang.IllegalStateException}: simulated actors use the core's callback form {@code
 * Sqs.receiveMessage(request, callback)}.
 *
 * <p><b>Async clients.</b> {@code SqsAsyncClient}, {@code KinesisAsyncClient}, {@code
 * DynamoDbAsyncClient}, {@code DynamoDbStreamsAsyncClient} and the Enhanced async client are built
 * on the sync clients ({@code AsyncClients}): each async operation runs the sync client's
 * same-named operation as one attempt (a one-attempt view of its {@code RetryExecutor}), and {@code
 * RetryExecutor.callAsync} adds the same retries, quota, seeded backoff and trace events as tasks
 * on virtual time. So the conversions and error mapping exist once, and no thread ever waits: an
 * async long poll registers a waiter with the core's callback form; its future completes when
 * virtual time gets there (a stepped test advances the simulation; third-party libraries that block
 * on futures run under a {@link dev.awssim.internal.WallClockPacer}). {@code CloudWatchAsyncClient}
 * models PutMetricData only, into the simulation's metrics.
 *
 * <pre>
 *   user code --SqsAsyncClient--> proxy --same-named method--> SimulatedSqsClient (one attempt)
 *                                   |                                 |
 *                 RetryExecutor.callAsync: retry? --> scheduler().after(backoff, next attempt)
 * </pre>
 *
 * <p><b>Simplifications.</b> Operations the simulator does not model throw {@link
 * java.lang.UnsupportedOperationException} naming the operation (for example {@code SQS TagQueue},
 * {@code Kinesis AddTagsToStream}, {@code DynamoDB CreateBackup}); DynamoDB's legacy read
 * parameters ({@code KeyConditions}, {@code QueryFilter}, {@code ScanFilter}, {@code
 * AttributesToGet}) do too, while the legacy write parameters ({@code Expected}, {@code
 * ConditionalOperator}, {@code AttributeUpdates}) are evaluated as their equivalent expressions.
 * SDK interceptors, signing, endpoint resolution, checksums and metrics publishers do not run. Tags
 * given to CreateQueue are accepted and not stored. Kinesis SubscribeToShard exists only on the
 * SDK's asynchronous client, over the simulator's {@code Kinesis.subscribeToShard}.
 */
package dev.awssim.awssdk;
