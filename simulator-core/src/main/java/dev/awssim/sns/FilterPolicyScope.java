package dev.awssim.sns;

/**
 * What a subscription's filter policy applies to: the subscription attribute {@code
 * FilterPolicyScope} (https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html).
 */
public enum FilterPolicyScope {
  /** The message attributes (the default); nested policies are refused. */
  MESSAGE_ATTRIBUTES("MessageAttributes"),
  /** The properties of a JSON message body; policies may nest. */
  MESSAGE_BODY("MessageBody");

  private final String awsName;

  FilterPolicyScope(String awsName) {
    this.awsName = awsName;
  }

  /** AWS's name: {@code MessageAttributes} or {@code MessageBody}. */
  public String awsName() {
    return awsName;
  }

  /** The scope named {@code name}, or null. */
  static FilterPolicyScope fromAwsName(String name) {
    for (FilterPolicyScope s : values()) {
      if (s.awsName.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
