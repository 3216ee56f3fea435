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
 * messages of one group as it can, and a group with a message in flight is skipped ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html}).
 * Only groups whose oldest message is among the queue's first 120,000 messages are seen, so a group
 * sent behind a larger backlog waits ({@code avoid-backlog-with-the-same-message-group-id.html}).
 *
 * <h2>AWS rules followed</h2>
 *
 * <p>From the SQS Developer Guide ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/}) and API Reference
 * ({@code https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/}); each class
 * cites the page of the rules it holds.
 *
 * <ul>
 *   <li>Attributes, defaults and ranges (CreateQueue, SetQueueAttributes); changes apply at once
 *       (AWS: up to 60 s to propagate); QueueNameExists, QueueDeletedRecently (60 s).
 *   <li>Visibility timeout ({@code sqs-visibility-timeout.html}): a message is hidden during
 *       [receive, receive + timeout) and visible again at exactly the end; per-receive
 *       VisibilityTimeout; ChangeMessageVisibility counts from the call, 0 makes it visible at
 *       once, and going past 12 hours from the receive is an error.
 *   <li>A new receipt handle per receive; a stale standard handle succeeds but deletes only if it
 *       is the latest (AWS documents only that it may succeed); an expired FIFO handle fails; stale
 *       or expired handles get the InvalidParameterValue form, malformed ones
 *       ReceiptHandleIsInvalid (404).
 *   <li>Short polling ({@code sqs-short-and-long-polling.html}) returns every visible message up to
 *       MaxNumberOfMessages (AWS samples a subset of its servers: a seeded sample when {@link
 *       dev.awssim.sqs.SqsFaults#shortPollSampling()} is on); long polling advances virtual time
 *       until a message is receivable or the wait ends.
 *   <li>Delay queues and per-message timers ({@code sqs-delay-queues.html}); FIFO queues reject a
 *       per-message delay and apply the queue delay retroactively. Retention counts from the
 *       original enqueue time.
 *   <li>In-flight limits ({@code quotas-messages.html}): OverLimit (403) for a short poll of a full
 *       standard queue, fewer messages otherwise. Size (1 MiB), characters, 10 attributes, AWS's
 *       attribute MD5.
 *   <li>FIFO groups, 5-minute deduplication (explicit id or SHA-256 of the body, scope queue or
 *       message group; a duplicate returns the original MessageId and SequenceNumber),
 *       ReceiveRequestAttemptId, throughput quotas ({@code quotas-fifo.html}), on by default
 *       (RequestThrottled, 403; {@link dev.awssim.sqs.SqsLimits#relaxed()} opts out).
 *   <li>Batches: whole-call errors and per-entry failures. Dead-letter queues ({@code
 *       sqs-dead-letter-queues.html}): the receive that would deliver a message for the
 *       (maxReceiveCount + 1)th time moves it instead; standard keeps the enqueue time, FIFO resets
 *       it and uses the message id as deduplication id. Purge deletes at once (AWS: within 60 s)
 *       and refuses another purge for 60 s. A message move task (StartMessageMoveTask) sends a
 *       dead-letter queue's messages back as new messages: new id, enqueue time and receive count.
 *   <li>Errors carry the shape name ({@code errorCode}), the legacy query code ({@code
 *       queryErrorCode}) and the HTTP status.
 * </ul>
 *
 * <h2>Where it simplifies</h2>
 *
 * <ul>
 *   <li>Lazily computed events (a message becoming visible again, expiring) are traced when the
 *       queue is next touched, with the exact instant in the attribute {@code at}. Gauge metrics
 *       are sampled at most once per virtual minute, when the queue is touched.
 *   <li>No IAM, KMS, tags, permissions, or fair-queue scheduling across tenants (a MessageGroupId
 *       on a standard queue is accepted and returned, nothing more).
 *   <li>Invalid characters are rejected with InvalidMessageContents, not replaced.
 * </ul>
 */
package dev.awssim.sqs;
