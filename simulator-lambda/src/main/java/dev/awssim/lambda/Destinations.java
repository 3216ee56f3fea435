package dev.awssim.lambda;

import com.google.common.collect.ImmutableMap;
import dev.awssim.SimulatedRegion;
import dev.awssim.engine.AwsServiceException;
import dev.awssim.sns.PublishRequest;
import dev.awssim.sqs.MessageAttributeValue;
import dev.awssim.sqs.SendMessageRequest;
import java.util.List;
import java.util.Map;

/**
 * Sends Lambda's records (invocation records, stream failure records, dead-letter events) to an SQS
 * queue or SNS topic of the function's Region, through their public APIs
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html). Guarded by the simulation
 * lock.
 *
 * <p>[SIM] A target is looked up in the function's Region only: an ARN naming another Region (or
 * account) is not an existing target, rather than a same-named queue or topic of this Region.
 */
final class Destinations {
  private final SimulatedRegion sim;

  Destinations(SimulatedRegion sim) {
    this.sim = sim;
  }

  /**
   * Whether {@code arn} names an existing standard SQS queue or standard SNS topic (destinations
   * take standard queues and topics only,
   * https://docs.aws.amazon.com/lambda/latest/api/API_DestinationConfig.html).
   */
  boolean exists(String arn) {
    if (sim == null || arn == null) {
      return false;
    }
    try {
      if (arn.startsWith("arn:aws:sqs:")) {
        String url = sim.sqs().getQueueUrl(lastPart(arn));
        Map<String, String> attributes = sim.sqs().getQueueAttributes(url, List.of("All"));
        return arn.equals(attributes.get("QueueArn"))
            && !"true".equals(attributes.get("FifoQueue"));
      }
      if (arn.startsWith("arn:aws:sns:")) {
        return !"true".equals(sim.sns().getTopicAttributes(arn).getOrDefault("FifoTopic", "false"));
      }
    } catch (AwsServiceException e) {
      return false;
    }
    return false;
  }

  /**
   * Sends {@code body} with string/number attributes ({@code Type:value}, type {@code String} or
   * {@code Number}); false when the target refuses it or is gone.
   */
  boolean send(String arn, String body, Map<String, String[]> attributes) {
    try {
      if (arn.startsWith("arn:aws:sqs:")) {
        ImmutableMap.Builder<String, MessageAttributeValue> attrs = ImmutableMap.builder();
        for (Map.Entry<String, String[]> e : attributes.entrySet()) {
          String[] v = e.getValue();
          attrs.put(
              e.getKey(),
              v[0].equals("Number")
                  ? MessageAttributeValue.ofNumber(v[1])
                  : MessageAttributeValue.ofString(v[1]));
        }
        sim.sqs()
            .sendMessage(
                SendMessageRequest.builder(sim.sqs().getQueueUrl(lastPart(arn)), body)
                    .messageAttributes(attrs.build())
                    .build());
        return true;
      }
      if (arn.startsWith("arn:aws:sns:")) {
        ImmutableMap.Builder<String, dev.awssim.sns.MessageAttributeValue> attrs =
            ImmutableMap.builder();
        for (Map.Entry<String, String[]> e : attributes.entrySet()) {
          String[] v = e.getValue();
          attrs.put(
              e.getKey(),
              v[0].equals("Number")
                  ? dev.awssim.sns.MessageAttributeValue.ofNumber(v[1])
                  : dev.awssim.sns.MessageAttributeValue.ofString(v[1]));
        }
        sim.sns()
            .publish(PublishRequest.builder(arn, body).messageAttributes(attrs.build()).build());
        return true;
      }
    } catch (AwsServiceException e) {
      return false;
    }
    return false;
  }

  private static String lastPart(String arn) {
    return arn.substring(arn.lastIndexOf(':') + 1);
  }
}
