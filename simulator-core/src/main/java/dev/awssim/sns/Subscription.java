package dev.awssim.sns;

/**
 * A subscription as ListSubscriptions returns it
 * (https://docs.aws.amazon.com/sns/latest/api/API_Subscription.html).
 *
 * @param subscriptionArn the ARN, or {@code PendingConfirmation} while unconfirmed
 * @param owner the account ID of the subscription's owner
 * @param protocol {@code sqs}, {@code lambda}, {@code http} or {@code https}
 * @param endpoint the queue ARN, function ARN or URL
 * @param topicArn the topic
 */
public record Subscription(
    String subscriptionArn, String owner, String protocol, String endpoint, String topicArn) {}
