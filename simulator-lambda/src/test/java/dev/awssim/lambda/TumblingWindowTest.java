package dev.awssim.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import dev.awssim.AwsSimulator;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.PutRecordRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Tumbling windows of a Kinesis mapping at AWS's rules and numbers
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html, "time windows";
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).
 */
class TumblingWindowTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(9);
  private final Kinesis kinesis = sim.kinesis();
  private final Lambda lambda = Lambda.create(sim);
  private final List<KinesisTimeWindowEvent> events = new ArrayList<>();
  private final List<String> finals = new ArrayList<>();

  /** A function that sums the records' numbers into the state and reports each final sum. */
  private void summingFunction(Function<Map<String, String>, Map<String, String>> extra) {
    RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse> handler =
        (event, context) -> {
          events.add(event);
          if (event.getIsFinalInvokeForWindow()) {
            finals.add(
                event.getWindow().getStart()
                    + " sum="
                    + event.getState().get("sum")
                    + (event.getIsWindowTerminatedEarly() ? " early" : ""));
            return TimeWindowEventResponse.builder().withState(Map.of()).build();
          }
          int sum = Integer.parseInt(event.getState().getOrDefault("sum", "0"));
          for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
            sum +=
                Integer.parseInt(
                    StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString());
          }
          Map<String, String> state = new LinkedHashMap<>(Map.of("sum", Integer.toString(sum)));
          state.putAll(extra.apply(state));
          return TimeWindowEventResponse.builder().withState(state).build();
        };
    lambda.createFunction(FunctionConfig.of("totals", handler));
    kinesis.createStream("events", 1);
    sim.advanceBy(Duration.ofMinutes(1)); // t = 60 s: a whole number of 30 s windows
  }

  private void put(String... data) {
    for (String d : data) {
      kinesis.putRecord(PutRecordRequest.of("events", d.getBytes(StandardCharsets.UTF_8), "k"));
    }
  }

  private EventSourceMapping map(Duration window) {
    return lambda.createEventSourceMapping(
        EventSourceMappingConfig.of("totals", kinesis.streamArn("events"))
            .withStartingPosition(EventSourceMappingConfig.StartingPosition.TRIM_HORIZON)
            .withTumblingWindow(window));
  }

  private String at(long secondsAfterStart) {
    return SimulatorAccess.context(sim).clock().start().plusSeconds(secondsAfterStart).toString();
  }

  @Test
  void window_carriesStateBetweenInvocations_andEndsWithAFinalInvokeAtItsEnd() {
    summingFunction(s -> Map.of());
    put("1", "2");
    map(Duration.ofSeconds(30));
    sim.advanceBy(Duration.ofSeconds(15)); // t = 75
    put("3");
    sim.advanceBy(Duration.ofMillis(14_999)); // t = 89.999: the window [60, 90) is still open
    assertEquals(List.of(), finals);
    assertEquals(2, events.size());
    assertEquals(Map.of("sum", "3"), events.get(1).getState());
    assertEquals(at(60), events.get(0).getWindow().getStart());
    assertEquals(at(90), events.get(0).getWindow().getEnd());
    assertEquals("shardId-000000000000", events.get(0).getShardId());
    assertEquals(kinesis.streamArn("events"), events.get(0).getEventSourceArn());

    sim.advanceBy(Duration.ofMillis(1)); // t = 90: the window ends
    assertEquals(List.of(at(60) + " sum=6"), finals);
    KinesisTimeWindowEvent last = events.get(events.size() - 1);
    assertTrue(last.getRecords().isEmpty());

    put("4"); // arrives at exactly t = 90: the next window [90, 120)
    sim.advanceBy(Duration.ofSeconds(30));
    assertEquals(List.of(at(60) + " sum=6", at(90) + " sum=4"), finals);
  }

  @Test
  void stateOver1Mb_endsTheWindowEarly_exactly1MbDoesNot() {
    // "sum" + its digits + "pad" + padding: the second record's state is exactly 1,048,576
    // bytes, the third one byte more.
    int fixed = "sum".length() + 1 + "pad".length();
    summingFunction(
        s ->
            Map.of(
                "pad",
                "x"
                    .repeat(
                        LambdaLimits.TUMBLING_WINDOW_MAXIMUM_STATE_BYTES
                            - fixed
                            + (s.get("sum").equals("3") ? 1 : 0))));
    put("1");
    map(Duration.ofSeconds(30)); // t = 60: sum=1, state exactly 1 MB
    sim.advanceBy(Duration.ofSeconds(1));
    put("2"); // t = 61: sum=3, state 1 MB + 1 byte
    sim.advanceBy(Duration.ofSeconds(1));
    assertEquals(List.of(at(60) + " sum=3 early"), finals);
  }

  @Test
  void response_withoutState_countsAsAFailedInvocation_andIsRetried() {
    RequestHandler<KinesisTimeWindowEvent, Object> handler =
        (event, context) -> {
          events.add(event);
          return null;
        };
    lambda.createFunction(FunctionConfig.of("totals", handler));
    kinesis.createStream("events", 1);
    sim.advanceBy(Duration.ofMinutes(1));
    put("1");
    lambda.createEventSourceMapping(
        EventSourceMappingConfig.of("totals", kinesis.streamArn("events"))
            .withStartingPosition(EventSourceMappingConfig.StartingPosition.TRIM_HORIZON)
            .withTumblingWindow(Duration.ofSeconds(30))
            .withMaximumRetryAttempts(1));
    sim.advanceBy(Duration.ofSeconds(5));
    assertEquals(2, events.size()); // the attempt and its one retry, then discarded
    assertEquals(
        events.get(0).getRecords().get(0).getKinesis().getSequenceNumber(),
        events.get(1).getRecords().get(0).getKinesis().getSequenceNumber());
  }

  @Test
  void create_tumblingWindow900Accepted_901Refused() {
    summingFunction(s -> Map.of());
    LambdaException e = assertThrows(LambdaException.class, () -> map(Duration.ofSeconds(901)));
    assertEquals("InvalidParameterValueException", e.errorCode());
    assertEquals(List.of(), lambda.listEventSourceMappings(null, null));
    assertEquals(Duration.ofMinutes(15), map(Duration.ofMinutes(15)).config().tumblingWindow());
  }
}
