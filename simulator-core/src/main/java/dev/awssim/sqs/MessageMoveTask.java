package dev.awssim.sqs;

/**
 * One message movement task as ListMessageMoveTasks reports it ({@code
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListMessageMoveTasksResultEntry.html}).
 *
 * @param taskHandle the handle that cancels the task, only while it is {@code RUNNING}, else null
 * @param status {@code RUNNING}, {@code COMPLETED}, {@code CANCELLED} or {@code FAILED}
 * @param sourceArn the dead-letter queue the messages leave
 * @param destinationArn the queue they go to, or null for each message's original source queue
 * @param maxNumberOfMessagesPerSecond the movement rate asked for, or null
 * @param approximateNumberOfMessagesMoved how many messages have moved
 * @param approximateNumberOfMessagesToMove how many messages the source held when the task started
 * @param failureReason why a {@code FAILED} task stopped, else null
 * @param startedTimestamp when the task started, in epoch milliseconds
 */
public record MessageMoveTask(
    String taskHandle,
    String status,
    String sourceArn,
    String destinationArn,
    Integer maxNumberOfMessagesPerSecond,
    long approximateNumberOfMessagesMoved,
    long approximateNumberOfMessagesToMove,
    String failureReason,
    long startedTimestamp) {}
