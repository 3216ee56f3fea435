package dev.awssim.lambda.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.awssim.AwsSimulator;
import dev.awssim.lambda.Lambda;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;

/**
 * {@code UpdateEventSourceMapping} through the SDK's {@code LambdaClient}:
 * https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html
 */
class UpdateEventSourceMappingClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(8);
  private final SimulatedLambdaClient client = SimulatedLambdaClient.create(Lambda.create(sim));
  private final List<String> bodies = new ArrayList<>();

  private void worker() {
    RequestHandler<SQSEvent, Void> worker =
        (event, context) -> {
          event.getRecords().forEach(m -> bodies.add(m.getBody()));
          return null;
        };
    client.registerHandler("worker", worker);
    client.createFunction(b -> b.functionName("worker"));
  }

  private CreateEventSourceMappingResponse mapping() {
    worker();
    Sqs sqs = sim.sqs();
    String url = sqs.createQueue("jobs", Map.of());
    String arn = sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
    return client.createEventSourceMapping(
        b -> b.functionName("worker").eventSourceArn(arn).batchSize(10));
  }

  @Test
  void update_givenMembersReplace_othersStay_updatingThenEnabled() {
    CreateEventSourceMappingResponse m = mapping();
    UpdateEventSourceMappingResponse u =
        client.updateEventSourceMapping(
            b ->
                b.uuid(m.uuid())
                    .batchSize(5)
                    .scalingConfig(s -> s.maximumConcurrency(2))
                    .functionResponseTypesWithStrings("ReportBatchItemFailures")
                    .filterCriteria(
                        f ->
                            f.filters(Filter.builder().pattern("{\"body\": [\"keep\"]}").build())));
    assertEquals("Updating", u.state());
    assertEquals(5, u.batchSize());
    assertEquals(2, u.scalingConfig().maximumConcurrency());
    assertEquals(List.of("ReportBatchItemFailures"), u.functionResponseTypesAsStrings());
    assertEquals("{\"body\": [\"keep\"]}", u.filterCriteria().filters().get(0).pattern());
    assertEquals(m.eventSourceArn(), u.eventSourceArn());

    sim.advanceBy(Duration.ofSeconds(1));
    GetEventSourceMappingResponse g = client.getEventSourceMapping(b -> b.uuid(m.uuid()));
    assertEquals("Enabled", g.state());
    String url = sim.sqs().getQueueUrl("jobs");
    sim.sqs().sendMessage(url, "drop");
    sim.sqs().sendMessage(url, "keep");
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of("keep"), bodies);

    // An empty ScalingConfig and FilterCriteria remove them.
    client.updateEventSourceMapping(
        b -> b.uuid(m.uuid()).scalingConfig(s -> {}).filterCriteria(f -> {}));
    sim.advanceBy(Duration.ofSeconds(1));
    g = client.getEventSourceMapping(b -> b.uuid(m.uuid()));
    assertNull(g.scalingConfig());
    assertNull(g.filterCriteria());
  }

  @Test
  void update_badValue_invalidParameterValue_whileUpdating_resourceInUse() {
    CreateEventSourceMappingResponse m = mapping();
    assertThrows(
        InvalidParameterValueException.class,
        () -> client.updateEventSourceMapping(b -> b.uuid(m.uuid()).batchSize(11)));
    client.updateEventSourceMapping(b -> b.uuid(m.uuid()).enabled(false));
    ResourceInUseException e =
        assertThrows(
            ResourceInUseException.class,
            () -> client.updateEventSourceMapping(b -> b.uuid(m.uuid()).enabled(true)));
    assertEquals(400, e.statusCode());
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals("Disabled", client.getEventSourceMapping(b -> b.uuid(m.uuid())).state());
  }

  @Test
  void create_filterCriteria_isAppliedAndDescribed() {
    worker();
    String url = sim.sqs().createQueue("jobs", Map.of());
    String arn = sim.sqs().getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
    CreateEventSourceMappingResponse m =
        client.createEventSourceMapping(
            b ->
                b.functionName("worker")
                    .eventSourceArn(arn)
                    .filterCriteria(
                        f ->
                            f.filters(Filter.builder().pattern("{\"body\": [\"keep\"]}").build())));
    assertEquals("{\"body\": [\"keep\"]}", m.filterCriteria().filters().get(0).pattern());
    sim.sqs().sendMessage(url, "drop");
    sim.sqs().sendMessage(url, "keep");
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of("keep"), bodies);
  }
}
