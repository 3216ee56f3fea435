package dev.awssim;

import dev.awssim.cloudwatch.AlarmActions;
import dev.awssim.sns.PublishRequest;
import dev.awssim.sns.Sns;
import dev.awssim.sns.SnsException;

/**
 * CloudWatch alarm actions that name an SNS topic: the alarm's JSON message is published to it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-actions.html). A missing
 * topic fails the action, not the alarm's evaluation; other action ARNs are recorded only.
 */
final class AlarmsToSns implements AlarmActions {
  private final Sns sns;

  AlarmsToSns(Sns sns) {
    this.sns = sns;
  }

  @Override
  public Outcome run(String actionArn, String subject, String message) {
    if (!actionArn.startsWith("arn:aws:sns:")) {
      return Outcome.NOT_MODELLED;
    }
    try {
      sns.publish(PublishRequest.builder(actionArn, message).subject(subject).build());
      return Outcome.SUCCEEDED;
    } catch (SnsException e) {
      // The action fails; the alarm's state change stands, and the history says so.
      return Outcome.FAILED;
    }
  }
}
