package dev.awssim.sns;

/**
 * Where SNS sends to SQS queues: the simulation wires its SQS model here, so that the SNS model
 * does not depend on the SQS model.
 */
@FunctionalInterface
public interface QueueEndpoints {
  /** No queue exists: every send is a client-side error. */
  QueueEndpoints NONE = d -> DeliveryStatus.CLIENT_ERROR;

  /** Sends one message; a missing queue or a message the queue refuses is a client error. */
  DeliveryStatus send(QueueDelivery delivery);
}
