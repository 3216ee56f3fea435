/**
 * Amazon SNS on the virtual clock: {@link dev.awssim.sns.Sns}, configured by {@link
 * dev.awssim.sns.SnsLimits}.
 *
 * <h2>How is the model designed, and why?</h2>
 *
 * <p>A topic keeps its subscriptions in creation order. Publish validates the whole request first
 * (a rejected publish changes nothing), then fans the message out at the publish instant: for each
 * confirmed subscription whose filter policy matches, one delivery is built (the JSON envelope, or
 * the message itself with raw delivery; the Lambda event for functions) and attempted at once. A
 * failed attempt follows the subscription's retry policy: immediate retries run inside the publish,
 * later ones are tasks on the virtual clock, so a day of retries costs one pending task per failing
 * delivery, not a timer per second.
 *
 * <pre>
 *   publish ─▶ validate ─▶ FIFO dedup (5 min, half-open) ─▶ per subscription:
 *              filter ─▶ build payload ─▶ attempt ─▶ delivered
 *                                           │ server error: retry phases on virtual time
 *                                           └ client error / retries spent: DLQ or discard
 * </pre>
 *
 * <p>The model does not depend on the SQS or Lambda models: SQS deliveries go through {@link
 * dev.awssim.sns.QueueEndpoints} (the simulation wires its SQS there), functions are {@link
 * dev.awssim.sns.FunctionEndpoint}s and HTTP/S endpoints in-JVM {@link
 * dev.awssim.sns.HttpEndpoint}s.
 *
 * <h2>AWS rules followed</h2>
 *
 * <ul>
 *   <li>Topics: names, FIFO {@code .fifo} names, idempotent CreateTopic, topic quotas
 *       (API_CreateTopic.html).
 *   <li>Publish: 262,144 bytes with attributes, subject under 100 characters, MessageStructure json
 *       with a {@code default} entry, attribute types String, String.Array, Number, Binary;
 *       PublishBatch: 10 entries, 262,144 bytes in total, per-entry results.
 *   <li>Filter policies on attributes or the body: exact, prefix, suffix, equals-ignore-case,
 *       anything-but (values, prefix), numeric ranges (five decimals), exists, cidr, $or; 5 keys,
 *       150 combinations, 256 KB, 200 policies per topic and 10,000 per account
 *       (FilterPolicyLimitExceeded); AWS's validation messages.
 *   <li>A standard topic forwards a publish's MessageGroupId to its SQS subscriptions (fair queues)
 *       and to nothing else (sns-publishing.html).
 *   <li>Retries: SQS and Lambda 3 immediate, 2 at 1 s, 10 backoff 1 to 20 s, 100,000 at 20 s;
 *       HTTP/S by default 3 retries 20 s apart, or a custom {@code DeliveryPolicy}; an HTTP status
 *       of 200 to 499 is a delivery. Client errors are not retried. Subscription dead-letter
 *       queues, in the subscription's account and Region.
 *   <li>FIFO: group id required, deduplication id or content-based SHA-256, 5-minute interval per
 *       topic or per group ({@code FifoThroughputScope}), order per group kept across retries; in
 *       Topic scope at most 3,000 messages or 20 MB per second, then {@code Throttled} (429).
 *   <li>Metrics {@code AWS/SNS} by {@code TopicName}: NumberOfMessagesPublished, PublishSize,
 *       NumberOfNotificationsDelivered, NumberOfNotificationsFailed (every failed HTTP/S attempt;
 *       once per message for SQS and Lambda), NumberOfNotificationsFilteredOut and its
 *       -MessageAttributes, -MessageBody, -NoMessageAttributes, -InvalidAttributes,
 *       -InvalidMessageBody variants, NumberOfNotificationsRedrivenToDlq.
 * </ul>
 *
 * <h2>Simplifications</h2>
 *
 * <p>No latency and no jitter on deliveries; filter policy changes apply at once (AWS: up to 15
 * minutes); signatures are deterministic stand-ins, not verifiable RSA signatures; topic and queue
 * access policies are not modelled (every delivery is allowed); email, SMS, mobile push and
 * Firehose are not modelled; {@code anything-but} with {@code suffix} is refused as AWS refused it
 * when last observed; an HTTP/S throttle policy's {@code maxReceivesPerSecond} is validated (at
 * least 1) but deliveries are not slowed to it.
 */
package dev.awssim.sns;
