package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import dev.awssim.sqs.Message;
import dev.awssim.sqs.ReceiveMessageRequest;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter queue of asynchronous invocations, a real simulated SQS queue:
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
 */
class DeadLetterQueueTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(9);
  private final Sqs sqs = sim.sqs();
  private final Lambda lambda = Lambda.create(sim);
  private final String dlq = sqs.createQueue("fn-dlq");
  private final String dlqArn = sqs.getQueueAttributes(dlq, List.of("QueueArn")).get("QueueArn");

  private List<Message> dlqMessages() {
    return sqs.receiveMessage(
            ReceiveMessageRequest.builder(dlq)
                .maxNumberOfMessages(10)
                .waitTimeSeconds(0)
                .messageAttributeNames(List.of("All"))
                .build())
        .messages();
  }

  @Test
  void event_retriesExhausted_goesToTheDlqAsIs_withRequestIdErrorCodeAndMessage() {
    RequestHandler<Object, Object> failing =
        (e, c) -> {
          throw new IllegalStateException("x".repeat(2_000));
        };
    lambda.createFunction(FunctionConfig.of("fn", failing));
    lambda.putDeadLetterConfig("fn", dlqArn);
    InvokeResult queued = lambda.invoke("fn", InvocationType.EVENT, "{\"order\":1}");

    sim.advanceBy(Duration.ofMinutes(1)); // attempts at 0 and 60 s
    assertEquals(List.of(), dlqMessages());
    sim.advanceBy(Duration.ofMinutes(2)); // the third attempt at 180 s fails: discarded
    List<Message> messages = dlqMessages();
    assertEquals(1, messages.size());
    Message m = messages.get(0);
    assertEquals("{\"order\":1}", m.body());
    assertEquals(queued.requestId(), m.messageAttributes().get("RequestID").stringValue());
    assertEquals("Number", m.messageAttributes().get("ErrorCode").dataType());
    assertEquals("200", m.messageAttributes().get("ErrorCode").stringValue());
    assertEquals(1_024, m.messageAttributes().get("ErrorMessage").stringValue().length());
  }

  @Test
  void event_dlqGoneWhenDiscarded_countsDeadLetterErrors() {
    RequestHandler<Object, Object> failing =
        (e, c) -> {
          throw new IllegalStateException("boom");
        };
    lambda.createFunction(FunctionConfig.of("fn", failing));
    lambda.putDeadLetterConfig("fn", dlqArn);
    lambda.invoke("fn", InvocationType.EVENT, "{\"order\":1}");
    sqs.deleteQueue(dlq);

    sim.advanceBy(Duration.ofMinutes(3).minusNanos(1)); // the third attempt at 180 s not yet
    assertEquals(0, deadLetterErrors());
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals(1, deadLetterErrors());
  }

  private double deadLetterErrors() {
    return sim.metrics()
        .total(
            new MetricKey(
                Lambda.NAMESPACE, "DeadLetterErrors", Dimensions.of("FunctionName", "fn")));
  }

  @Test
  void event_success_sendsNothingToTheDlq() {
    lambda.createFunction(FunctionConfig.of("fn", (RequestHandler<Object, Object>) (e, c) -> "ok"));
    lambda.putDeadLetterConfig("fn", dlqArn);
    lambda.invoke("fn", InvocationType.EVENT, "event");
    sim.advanceBy(Duration.ofMinutes(10));
    assertEquals(List.of(), dlqMessages());
  }

  @Test
  void putDeadLetterConfig_unknownQueue_invalidParameterValue() {
    lambda.createFunction(FunctionConfig.of("fn", (RequestHandler<Object, Object>) (e, c) -> "ok"));
    LambdaException e =
        assertThrows(
            LambdaException.class,
            () -> lambda.putDeadLetterConfig("fn", "arn:aws:sqs:us-east-1:000000000000:missing"));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(400, e.statusCode());
  }
}
