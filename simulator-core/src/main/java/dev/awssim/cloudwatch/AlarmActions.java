package dev.awssim.cloudwatch;

/**
 * Where alarm actions go: the simulation wires SNS here, so that an action ARN of an SNS topic
 * publishes the alarm's JSON message to it.
 */
@FunctionalInterface
public interface AlarmActions {
  /** No action target: actions are recorded in the trace only. */
  AlarmActions NONE = (arn, subject, message) -> {};

  /** Runs one action: publish {@code message} with {@code subject} to {@code actionArn}. */
  void run(String actionArn, String subject, String message);
}
