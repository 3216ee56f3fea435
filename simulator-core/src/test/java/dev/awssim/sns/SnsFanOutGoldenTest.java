package dev.awssim.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.hash.Hashing;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Datapoint;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the observable result of a fan-out script (the trace, every message each queue, endpoint and
 * function received with its attributes and MD5s, every SNS metric's sum and sample count) to a
 * hash recorded before the fan-out path was optimised: a change that is meant to be a speed-up only
 * must leave it as it is. The script covers each filter outcome (attributes and body, every
 * operator family, no attributes, invalid body), raw and envelope delivery, MessageStructure json,
 * a client error redriven to a DLQ, HTTP/S retries on virtual time, a function, and a FIFO topic
 * with deduplication. If a change of behaviour is intended, say so in the commit and update the
 * hash.
 */
class SnsFanOutGoldenTest {
  /** Recorded on main before the fan-out optimisation (issue 22). */
  private static final String GOLDEN =
      "e6f0f1af5f8f9c715b3238ffa5a2a24d808f6cd540594b097828a0f76be7e547";

  @Test
  void fanOutScript_sameObservableResultAsBeforeTheOptimisation() {
    assertEquals(GOLDEN, digest(script()));
  }

  @Test
  void fanOutScript_sameSeed_sameDigest() {
    assertEquals(digest(script()), digest(script()));
  }

  private static String digest(String observed) {
    return Hashing.sha256().hashString(observed, StandardCharsets.UTF_8).toString();
  }

  private static Map<String, MessageAttributeValue> attrs(Object... kv) {
    Map<String, MessageAttributeValue> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (MessageAttributeValue) kv[i + 1]);
    }
    return m;
  }

  /** Runs the script and writes down everything a user could observe of it. */
  private static String script() {
    AwsSimulator sim = AwsSimulator.withSeed(2026);
    Sns sns = sim.sns();
    Sqs sqs = sim.sqs();
    StringBuilder seen = new StringBuilder();
    sns.registerHttpEndpoint(
        "https://example.com/hook",
        post -> {
          seen.append("POST ").append(sim.clock().now()).append(' ').append(post).append('\n');
          return post.messageType().equals("SubscriptionConfirmation") ? 200 : 503;
        });
    String fn = "arn:aws:lambda:us-east-1:000000000000:function:f";
    sns.registerFunction(
        fn,
        event -> {
          seen.append("LAMBDA ").append(event).append('\n');
          return DeliveryStatus.DELIVERED;
        });

    String topic = sns.createTopic("orders");
    List<String> urls = new ArrayList<>();
    String[] policies = {
      "{\"store\":[\"s1\"],\"price\":[{\"numeric\":[\">\",0,\"<=\",100]}]}",
      "{\"store\":[{\"anything-but\":[\"s1\",\"s2\"]}],\"tier\":[{\"prefix\":\"gold\"}]}",
      "{\"kind\":[\"a\",{\"suffix\":\"z\"}],\"n\":[{\"numeric\":[\"=\",3]}]}",
      null,
      "{\"tags\":[\"red\"],\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}",
      "{\"$or\":[{\"store\":[{\"equals-ignore-case\":\"S3\"}]},{\"missing\":[{\"exists\":false}],"
          + "\"price\":[{\"anything-but\":[5]}]}]}",
      "{\"store\":[{\"exists\":true}],\"bin\":[{\"exists\":false}]}",
    };
    for (int i = 0; i < policies.length; i++) {
      String url = sqs.createQueue("q" + i);
      urls.add(url);
      Map<String, String> a = new LinkedHashMap<>();
      a.put("RawMessageDelivery", i % 2 == 0 ? "true" : "false");
      if (policies[i] != null) {
        a.put("FilterPolicy", policies[i]);
      }
      if (i == 2) {
        a.put("FilterPolicyScope", "MessageBody");
      }
      sns.subscribe(topic, "sqs", sqs.getQueueAttributes(url).get("QueueArn"), a);
    }
    String dlq = sqs.createQueue("dlq");
    urls.add(dlq);
    String doomed = sqs.createQueue("doomed");
    sns.subscribe(
        topic,
        "sqs",
        sqs.getQueueAttributes(doomed).get("QueueArn"),
        Map.of(
            "RawMessageDelivery",
            "true",
            "RedrivePolicy",
            "{\"deadLetterTargetArn\":\"" + sqs.getQueueAttributes(dlq).get("QueueArn") + "\"}"));
    sqs.deleteQueue(doomed);
    sns.subscribe(topic, "lambda", fn, Map.of("FilterPolicy", "{\"store\":[{\"prefix\":\"s\"}]}"));
    sns.subscribe(topic, "https", "https://example.com/hook");
    String token = seen.substring(seen.indexOf("\"Token\":\"") + 9);
    sns.confirmSubscription(topic, token.substring(0, token.indexOf('"')));

    List<PublishRequest> requests =
        List.of(
            PublishRequest.builder(topic, "one")
                .messageAttributes(
                    attrs(
                        "store", MessageAttributeValue.ofString("s1"),
                        "price", MessageAttributeValue.ofNumber("12.5")))
                .build(),
            PublishRequest.builder(topic, "two")
                .subject("hello")
                .messageAttributes(
                    attrs(
                        "store", MessageAttributeValue.ofString("s3"),
                        "tier", MessageAttributeValue.ofString("golden"),
                        "price", MessageAttributeValue.ofNumber("5.000001")))
                .build(),
            PublishRequest.builder(topic, "{\"kind\":\"buzz\",\"n\":3.0}").build(),
            PublishRequest.builder(topic, "{\"kind\":\"a\",\"n\":[1,2,3]}")
                .messageAttributes(attrs("tags", MessageAttributeValue.ofStringArray("[\"red\"]")))
                .build(),
            PublishRequest.builder(topic, "not json")
                .messageAttributes(
                    attrs(
                        "tags", MessageAttributeValue.ofStringArray("[\"blue\",\"red\",7]"),
                        "ip", MessageAttributeValue.ofString("10.0.0.9"),
                        "bin", MessageAttributeValue.ofBinary(new byte[] {1, 2})))
                .build(),
            PublishRequest.builder(
                    topic, "{\"default\":\"plain\",\"sqs\":\"for queues\",\"lambda\":\"for fn\"}")
                .messageStructure("json")
                .messageAttributes(
                    attrs(
                        "store", MessageAttributeValue.ofString("S2"),
                        "price", MessageAttributeValue.ofNumber("5")))
                .build(),
            PublishRequest.builder(topic, "typed")
                .messageAttributes(
                    attrs(
                        "store", MessageAttributeValue.of("String.custom", "s9", null),
                        "price", MessageAttributeValue.of("Number.float", "1e2", null)))
                .build());
    for (PublishRequest r : requests) {
      PublishResult result = sns.publish(r);
      seen.append("PUBLISHED ").append(result).append('\n');
      sim.advanceBy(Duration.ofMillis(1500));
    }
    seen.append("BATCH ")
        .append(
            sns.publishBatch(
                topic,
                List.of(
                    new PublishBatchRequestEntry("a", requests.get(0)),
                    new PublishBatchRequestEntry("b", requests.get(1)))))
        .append('\n');
    sim.advanceBy(Duration.ofHours(1));

    String fifo = sns.createTopic("f.fifo", Map.of("FifoTopic", "true"));
    String fifoQueue =
        sqs.createQueue(
            "fq.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"));
    urls.add(fifoQueue);
    sns.subscribe(
        fifo,
        "sqs",
        sqs.getQueueAttributes(fifoQueue).get("QueueArn"),
        Map.of("FilterPolicy", "{\"g\":[\"x\"]}"));
    for (int i = 0; i < 4; i++) {
      seen.append("FIFO ")
          .append(
              sns.publish(
                  PublishRequest.builder(fifo, "m" + (i % 2))
                      .messageGroupId("g" + (i % 3))
                      .messageDeduplicationId("d" + (i % 3))
                      .messageAttributes(
                          attrs("g", MessageAttributeValue.ofString(i == 2 ? "y" : "x")))
                      .build()))
          .append('\n');
    }

    for (String url : urls) {
      while (true) {
        List<Message> got =
            sqs.receiveMessage(
                    ReceiveMessageRequest.builder(url)
                        .maxNumberOfMessages(10)
                        .messageAttributeNames(List.of("All"))
                        .build())
                .messages();
        if (got.isEmpty()) {
          break;
        }
        for (Message m : got) {
          seen.append("RECEIVED ").append(url).append(' ').append(m).append('\n');
          sqs.deleteMessage(url, m.receiptHandle());
        }
      }
    }
    Instant end = sim.clock().now().plusSeconds(1);
    for (MetricKey key : sim.metrics().listMetrics(Sns.NAMESPACE)) {
      seen.append("METRIC ").append(key);
      for (Datapoint d :
          sim.metrics().getMetricStatistics(key, Instant.EPOCH, end, Duration.ofSeconds(1))) {
        seen.append(' ').append(d);
      }
      seen.append('\n');
    }
    seen.append("TRACE ").append(sim.trace().hash()).append('\n');
    return seen.toString();
  }
}
