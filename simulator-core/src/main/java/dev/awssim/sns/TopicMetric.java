package dev.awssim.sns;

/**
 * The {@code AWS/SNS} metrics SNS records per topic, under AWS's names
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-monitoring-using-cloudwatch.html). A topic finds
 * its series by ordinal, so a publish looks up no metric by name.
 */
enum TopicMetric {
  NUMBER_OF_MESSAGES_PUBLISHED("NumberOfMessagesPublished"),
  PUBLISH_SIZE("PublishSize"),
  NUMBER_OF_NOTIFICATIONS_DELIVERED("NumberOfNotificationsDelivered"),
  NUMBER_OF_NOTIFICATIONS_FAILED("NumberOfNotificationsFailed"),
  NUMBER_OF_NOTIFICATIONS_FILTERED_OUT("NumberOfNotificationsFilteredOut"),
  FILTERED_OUT_MESSAGE_ATTRIBUTES("NumberOfNotificationsFilteredOut-MessageAttributes"),
  FILTERED_OUT_MESSAGE_BODY("NumberOfNotificationsFilteredOut-MessageBody"),
  FILTERED_OUT_NO_MESSAGE_ATTRIBUTES("NumberOfNotificationsFilteredOut-NoMessageAttributes"),
  FILTERED_OUT_INVALID_ATTRIBUTES("NumberOfNotificationsFilteredOut-InvalidAttributes"),
  FILTERED_OUT_INVALID_MESSAGE_BODY("NumberOfNotificationsFilteredOut-InvalidMessageBody"),
  NUMBER_OF_NOTIFICATIONS_REDRIVEN_TO_DLQ("NumberOfNotificationsRedrivenToDlq"),
  NUMBER_OF_NOTIFICATIONS_FAILED_TO_REDRIVE_TO_DLQ("NumberOfNotificationsFailedToRedriveToDlq");

  final String awsName;

  TopicMetric(String awsName) {
    this.awsName = awsName;
  }
}
