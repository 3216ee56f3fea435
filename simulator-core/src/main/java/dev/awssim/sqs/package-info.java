/**
 * Amazon SQS on the virtual clock: {@link dev.awssim.sqs.Sqs}, configured by {@link
 * dev.awssim.sqs.SqsLimits} and {@link dev.awssim.sqs.SqsFaults}.
 *
 * <h2>How is the model designed, and why?</h2>
 *
 * <p>A queue keeps its messages in a map in arrival order and every hidden message (delayed or in
 * flight) in a set ordered by the instant it becomes visible. There is no timer per message: every
 * operation first calls {@code refresh(now)}, which expires the messages whose retention ended and
 * moves the hidden messages whose instant came into the visible structures, in the order of those
 * instants. State is therefore exact whenever it is observed, costs O(log n) per message move, and
 * a simulated day with millions of messages schedules nothing.
 *
 * <pre>
 *   send ──▶ [delayed]──delay ends──▶ [visible] ──receive──▶ [in flight] ──delete──▶ gone
 *                                        ▲                        │
 *                                        └──visibility ends───────┘ (receive count +1 per receive;
 *                                                                    > maxReceiveCount ─▶ DLQ)
 *   timeline of one message, queue defaults:   t=0 receive │ t=29.999 s hidden │ t=30 s visible
 * </pre>
 *
 * <p>Standard queues deliver visible messages from one deque, in the order they became visible.
 * FIFO queues keep one deque per message group and list the groups that are not blocked by the
 * sequence of their oldest message: a receive serves groups in arrival order, takes as many
 * messages of one group as it can, and a group with a message in flight is skipped (reference 1.10,
 * {@code FIFO-queues-understanding-logic.html}).
 *
 * <h2>AWS rules followed (reference section 1)</h2>
 *
 * <ul>
 *   <li>1.2 attributes, defaults and ranges; changes apply at once ([SIM]); QueueNameExists,
 *       QueueDeletedRecently (60 s).
 *   <li>1.3 visibility: half-open periods (0.4), per-receive VisibilityTimeout,
 *       ChangeMessageVisibility from the call, 0 = visible at once, the 12-hour cap per receive is
 *       an error ([INTERP], [SIM]).
 *   <li>1.4 a new receipt handle per receive; a stale standard handle succeeds but deletes only if
 *       it is the latest ([SIM]); an expired FIFO handle fails; stale or expired handles get the
 *       InvalidParameterValue form, malformed ones ReceiptHandleIsInvalid (404).
 *   <li>1.5 short polling returns every visible message up to MaxNumberOfMessages ([SIM]), or a
 *       seeded sample when {@link dev.awssim.sqs.SqsFaults#shortPollSampling()} is on; long polling
 *       advances virtual time until a message is receivable or the wait ends.
 *   <li>1.6 delay queues and per-message timers; FIFO queues reject a per-message delay and apply
 *       the queue delay retroactively. 1.7 retention from the original enqueue time.
 *   <li>1.8 in-flight limits: OverLimit (403) for a short poll of a full standard queue, fewer
 *       messages otherwise. 1.9 size (1 MiB), characters, 10 attributes, AWS's attribute MD5.
 *   <li>1.10 FIFO groups, 5-minute deduplication (explicit id or SHA-256 of the body, scope queue
 *       or message group; a duplicate returns the original MessageId and SequenceNumber [SIM]),
 *       ReceiveRequestAttemptId, throughput quotas, on by default (RequestThrottled, 403; {@link
 *       dev.awssim.sqs.SqsLimits#relaxed()} opts out).
 *   <li>1.11 batches: whole-call errors and per-entry failures. 1.12 dead-letter queues: the
 *       receive that would deliver a message for the (maxReceiveCount + 1)th time moves it
 *       ([INTERP]/[SIM]); standard keeps the enqueue time, FIFO resets it and uses the message id
 *       as deduplication id. 1.13 purge is atomic with a 60 s cooldown ([SIM]).
 *   <li>1.14 errors carry the shape name ({@code errorCode}), the legacy query code ({@code
 *       queryErrorCode}) and the HTTP status.
 * </ul>
 *
 * <h2>Where it simplifies</h2>
 *
 * <ul>
 *   <li>Lazily computed events (a message becoming visible again, expiring) are traced when the
 *       queue is next touched, with the exact instant in the attribute {@code at}. Gauge metrics
 *       are sampled at most once per virtual minute, when the queue is touched.
 *   <li>No IAM, KMS, tags, permissions, message move tasks, or fair-queue scheduling across tenants
 *       (a MessageGroupId on a standard queue is accepted and returned, nothing more).
 *   <li>Invalid characters are rejected with InvalidMessageContents ([SIM] 1.9), not replaced.
 * </ul>
 */
package dev.awssim.sqs;
