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
 * and go to the on-failure destination; successes go to the on-success destination. Destinations
 * here are callbacks receiving an {@link dev.awssim.lambda.InvocationRecord}; SQS, SNS and
 * EventBridge targets come with the wiring layer.
 *
 * <p><b>Metrics</b> (namespace {@code AWS/Lambda}, dimension {@code FunctionName}, and account-wide
 * without dimensions): {@code Invocations}, {@code Errors}, {@code Throttles}, {@code Duration}
 * (ms), {@code ConcurrentExecutions}, {@code UnreservedConcurrentExecutions}, {@code
 * AsyncEventsReceived}, {@code AsyncEventAge} (ms, when an event is invoked), {@code
 * AsyncEventsDropped}, {@code ProvisionedConcurrencyInvocations}, {@code
 * ProvisionedConcurrencySpilloverInvocations}. Trace events are the {@link
 * dev.awssim.lambda.LambdaEventType}s.
 *
 * <p><b>Where it simplifies.</b> Payloads are Java objects handed to the handler as they are (a
 * {@code RequestStreamHandler} gets bytes); there is no JSON serialization, and so no payload size
 * limit yet. Versions share the handler and settings of {@code $LATEST} (no per-version
 * configuration), and there are no aliases. No cold start time, no idle environment reclaim, no
 * duplicate async deliveries, no DLQ (only destinations), no event source mappings and no {@code
 * LambdaClient} yet. The condition strings {@code EventAgeExceeded} for age expiry, and {@code
 * RetriesExhausted} for events sent on at reserved concurrency 0, are not documented by AWS.
 * Asynchronous retries use AWS's delays without jitter.
 */
package dev.awssim.lambda;
