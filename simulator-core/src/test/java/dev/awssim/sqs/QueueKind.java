package dev.awssim.sqs;

import java.util.List;
import java.util.Map;

/** Standard and FIFO queues, for scenarios whose rule both types share. */
enum QueueKind {
  STANDARD,
  FIFO;

  String create(Sqs sqs, String name) {
    return create(sqs, name, Map.of());
  }

  String create(Sqs sqs, String name, Map<String, String> attributes) {
    if (this == STANDARD) {
      return sqs.createQueue(name, attributes);
    }
    Map<String, String> all = new java.util.HashMap<>(attributes);
    all.put("FifoQueue", "true");
    all.put("ContentBasedDeduplication", "true");
    return sqs.createQueue(name + ".fifo", all);
  }

  SendMessageResult send(Sqs sqs, String url, String body) {
    return sqs.sendMessage(request(url, body, "g1"));
  }

  SendMessageRequest request(String url, String body, String group) {
    SendMessageRequest.Builder b = SendMessageRequest.builder(url, body);
    if (this == FIFO) {
      b.messageGroupId(group);
    }
    return b.build();
  }

  /** A short poll for up to 10 messages with every system attribute. */
  static List<Message> receiveTen(Sqs sqs, String url) {
    return sqs.receiveMessage(
            ReceiveMessageRequest.builder(url)
                .maxNumberOfMessages(10)
                .messageSystemAttributeNames(List.of("All"))
                .build())
        .messages();
  }
}
