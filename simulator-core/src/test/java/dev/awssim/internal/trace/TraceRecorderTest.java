package dev.awssim.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.time.VirtualClock;
import dev.awssim.engine.trace.TraceEvent;
import dev.awssim.engine.trace.TraceEventType;
import dev.awssim.internal.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {
  enum TestEvent implements TraceEventType {
    SENT,
    RECEIVED;

    @Override
    public String service() {
      return "test";
    }
  }

  private final Object lock = new Object();
  private final Scheduler scheduler = new Scheduler(VirtualClock.DEFAULT_START, lock);
  private final VirtualClock clock = scheduler.clock();

  private TraceRecorder script(TraceRecorder trace, String id) {
    trace.record(TestEvent.SENT, "q", ImmutableMap.of("messageId", id));
    scheduler.advanceBy(Duration.ofSeconds(1));
    trace.record(TestEvent.RECEIVED, "q", ImmutableMap.of("messageId", id, "note", "a,\"b\""));
    return trace;
  }

  @Test
  void events_areTimestampedAndExportable() {
    TraceRecorder trace = script(new TraceRecorder(clock, lock, true, 10), "m1");

    List<TraceEvent> events = trace.events();
    assertEquals(2, events.size());
    assertEquals(Duration.ofSeconds(1).toNanos(), events.get(1).elapsedNanos());
    assertEquals(
        "{\"time\":\"2025-01-01T00:00:00Z\",\"elapsedNanos\":0,\"service\":\"test\","
            + "\"type\":\"SENT\",\"resource\":\"q\",\"attributes\":{\"messageId\":\"m1\"}}",
        events.get(0).toJson());

    StringBuilder jsonl = new StringBuilder();
    trace.writeJsonLines(jsonl);
    assertEquals(2, jsonl.toString().lines().count());

    StringBuilder csv = new StringBuilder();
    trace.writeCsv(csv);
    String[] lines = csv.toString().lines().toArray(String[]::new);
    assertEquals("time,elapsedNanos,service,type,resource,attributes", lines[0]);
    assertEquals(
        "2025-01-01T00:00:01Z,1000000000,test,RECEIVED,q,\"messageId=m1;note=a,\"\"b\"\"\"",
        lines[2]);
  }

  @Test
  void hash_isStableForTheSameEvents_andDiffersOtherwise() {
    String a = script(new TraceRecorder(clock, lock, true, 10), "m1").hash();
    Scheduler scheduler2 = new Scheduler(VirtualClock.DEFAULT_START, lock);
    VirtualClock clock2 = scheduler2.clock();
    TraceRecorder b = new TraceRecorder(clock2, lock, true, 10);
    b.record(TestEvent.SENT, "q", ImmutableMap.of("messageId", "m1"));
    scheduler2.advanceBy(Duration.ofSeconds(1));
    b.record(TestEvent.RECEIVED, "q", ImmutableMap.of("messageId", "m1", "note", "a,\"b\""));
    assertEquals(a, b.hash());

    TraceRecorder c = new TraceRecorder(clock2, lock, true, 10);
    c.record(TestEvent.SENT, "q", ImmutableMap.of("messageId", "m2"));
    assertNotEquals(a, c.hash());
  }

  @Test
  void capacity_retainsTheNewest_butHashCoversAll() {
    TraceRecorder small = new TraceRecorder(clock, lock, true, 1);
    small.record(TestEvent.SENT, "q");
    small.record(TestEvent.RECEIVED, "q");
    assertEquals(1, small.events().size());
    assertEquals(TestEvent.RECEIVED, small.events().get(0).type());
    assertEquals(2, small.recordedCount());
  }

  @Test
  void listeners_seeEachEvent_untilCancelled() {
    TraceRecorder trace = new TraceRecorder(clock, lock, true, 10);
    List<TraceEvent> seen = new ArrayList<>();
    var subscription = trace.subscribe(seen::add);
    trace.record(TestEvent.SENT, "q");
    subscription.cancel();
    trace.record(TestEvent.SENT, "q");
    assertEquals(1, seen.size());
  }

  @Test
  void disabledTrace_recordsNothing() {
    TraceRecorder off = new TraceRecorder(clock, lock, false, 10);
    off.record(TestEvent.SENT, "q");
    assertTrue(off.events().isEmpty());
    assertEquals(List.of(), off.lastEvents(5));
  }
}
