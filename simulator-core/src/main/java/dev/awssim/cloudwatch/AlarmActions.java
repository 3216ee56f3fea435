package dev.awssim.cloudwatch;

/**
 * Where alarm actions go: the simulation wires SNS here, so that an action ARN of an SNS topic
 * publishes the alarm's JSON message to it.
 */
@FunctionalInterface
public interface AlarmActions {
  /** No action target: actions are recorded in the trace only. */
  AlarmActions NONE = (arn, subject, message) -> Outcome.NOT_MODELLED;

  /** What became of one action; it decides the alarm history's Action item. */
  enum Outcome {
    /** The action ran (an SNS publish was accepted). */
    SUCCEEDED,
    /** The action failed (the topic does not exist, ...). */
    FAILED,
    /** The simulator does not run this kind of action (Auto Scaling, EC2, ...): no history item. */
    NOT_MODELLED
  }

  /** Runs one action: publish {@code message} with {@code subject} to {@code actionArn}. */
  Outcome run(String actionArn, String subject, String message);
}
