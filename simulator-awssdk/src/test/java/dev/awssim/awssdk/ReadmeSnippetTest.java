package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/** Keeps the README's SDK example true. */
class ReadmeSnippetTest {
  @Test
  void readmeExample_behavesAsItsCommentsSay() {
    AwsSimulator sim = AwsSimulator.withSeed(42);
    SimulatedAws aws = SimulatedAws.from(sim);
    SqsClient sqs = aws.sqsClient();
    String url = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("order-1"));

    Message m = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
    sim.advanceBy(Duration.ofSeconds(30));
    List<Message> again =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(url)
                        .messageSystemAttributeNames(
                            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
            .messages();
    assertEquals(m.messageId(), again.get(0).messageId());
    assertEquals(
        "2", again.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));

    ReceiptHandleIsInvalidException e =
        assertThrows(
            ReceiptHandleIsInvalidException.class,
            () -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("forged")));
    assertEquals(404, e.statusCode());
    assertEquals(RetryMode.LEGACY, aws.retryMode());
    assertEquals(
        RetryMode.NONE, SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build().retryMode());
  }
}
