package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random sequences of send, receive, delete, change-visibility and clock advances, checked against
 * the invariants of the issue. Every assertion message carries the seed that reproduces it.
 */
class SqsPropertyTest {
  private static final int SEEDS = 150;
  private static final int STEPS = 250;
  private static final int MAX_INFLIGHT = 6;

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void randomScripts_keepInvariants(QueueKind kind) {
    Map<String, Integer> totals = new HashMap<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      Run r = new Run(kind, seed);
      r.run();
      r.events.forEach((k, v) -> totals.merge(k.substring(k.indexOf('/') + 1), v, Integer::sum));
    }
    for (String type : List.of("RECEIVED", "DELETED", "MOVED_TO_DLQ", "VISIBLE_AGAIN", "EXPIRED")) {
      assertTrue(totals.getOrDefault(type, 0) > 0, "the scripts never produced " + type);
    }
  }

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void sameSeedSameScript_sameTraceHash(QueueKind kind) {
    for (long seed = 0; seed < 20; seed++) {
      Run a = new Run(kind, seed);
      a.run();
      Run b = new Run(kind, seed);
      b.run();
      assertEquals(a.sim.trace().hash(), b.sim.trace().hash(), "seed " + seed);
    }
  }

  @Test
  void withDuplicateAndReorderFaults_noMessageIsLost() {
    for (long seed = 0; seed < 50; seed++) {
      Run r = new Run(QueueKind.STANDARD, seed);
      r.sqs.setFaults(
          SqsFaults.none()
              .withDuplicateProbability(0.3)
              .withReordering(0.3, Duration.ofSeconds(2))
              .withShortPollSampling(true));
      r.checkVisibilityWindows = false;
      r.run();
    }
  }

  /** One random script against one queue with a dead-letter queue. */
  private static final class Run {
    final AwsSimulator sim;
    final Sqs sqs;
    final QueueKind kind;
    final long seed;
    final SplittableRandom random;
    final String url;
    final String dlq;
    final Map<String, Long> hiddenUntil = new HashMap<>();
    final Map<String, List<String>> groupOrder = new HashMap<>();
    final Map<String, String> groupOf = new HashMap<>();
    final Set<String> gone = new HashSet<>();
    final Map<String, long[]> dedupAccepted = new HashMap<>();
    final Map<String, String> dedupMessage = new HashMap<>();
    final List<Message> held = new ArrayList<>();
    final Map<String, Integer> events = new HashMap<>();
    boolean checkVisibilityWindows = true;

    Run(QueueKind kind, long seed) {
      this.kind = kind;
      this.seed = seed;
      this.sim =
          AwsSimulator.builder()
              .seed(seed)
              .sqsLimits(SqsLimits.defaults().withMaxInflight(MAX_INFLIGHT))
              .build();
      this.sqs = sim.sqs();
      this.random = new SplittableRandom(seed);
      this.dlq = kind.create(sqs, "dlq");
      String dlqArn = sqs.getQueueAttributes(dlq).get("QueueArn");
      this.url =
          kind.create(
              sqs,
              "main",
              Map.of(
                  "RedrivePolicy",
                  "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":3}",
                  "MessageRetentionPeriod",
                  "600"));
      sim.trace().subscribe(this::onEvent);
    }

    private void onEvent(TraceEvent e) {
      String key = e.resource() + "/" + e.type().name();
      events.merge(key, 1, Integer::sum);
      String id = e.attribute("messageId");
      if (e.resource().startsWith("main")
          && (e.type() == SqsEventType.DELETED
              || e.type() == SqsEventType.MOVED_TO_DLQ
              || e.type() == SqsEventType.EXPIRED)) {
        gone.add(id);
      }
    }

    private String where() {
      return kind + " seed " + seed + " at " + sim.clock().elapsed();
    }

    void run() {
      for (int step = 0; step < STEPS; step++) {
        switch (random.nextInt(6)) {
          case 0, 1 -> send();
          case 2 -> receive();
          case 3 -> delete();
          case 4 -> changeVisibility();
          default -> sim.advanceBy(Duration.ofMillis(random.nextLong(45_000)));
        }
        checkConservation();
      }
    }

    private void send() {
      String group = "g" + random.nextInt(3);
      String dedup = "d" + random.nextInt(40);
      SendMessageRequest.Builder b =
          SendMessageRequest.builder(url, "body-" + random.nextInt(1000));
      if (kind == QueueKind.FIFO) {
        b.messageGroupId(group).messageDeduplicationId(dedup);
      }
      long now = sim.clock().nanos();
      String id = sqs.sendMessage(b.build()).messageId();
      if (kind == QueueKind.FIFO) {
        long[] accepted = dedupAccepted.get(dedup);
        if (accepted != null && now < accepted[0] + 300_000_000_000L) {
          assertEquals(dedupMessage.get(dedup), id, "duplicate inside 5 min, " + where());
          return;
        }
        dedupAccepted.put(dedup, new long[] {now});
        dedupMessage.put(dedup, id);
        groupOrder.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
        groupOf.put(id, group);
      }
    }

    private void receive() {
      int vt = random.nextInt(60);
      List<Message> got;
      try {
        got =
            sqs.receiveMessage(
                    ReceiveMessageRequest.builder(url)
                        .maxNumberOfMessages(1 + random.nextInt(10))
                        .visibilityTimeout(vt)
                        .build())
                .messages();
      } catch (SqsException e) {
        assertEquals("OverLimit", e.errorCode(), where());
        assertEquals(QueueKind.STANDARD, kind, "FIFO never returns OverLimit, " + where());
        return;
      }
      long now = sim.clock().nanos();
      Set<String> inThisCall = new HashSet<>();
      for (Message m : got) {
        if (checkVisibilityWindows) {
          long until = hiddenUntil.getOrDefault(m.messageId(), Long.MIN_VALUE);
          assertTrue(now >= until, "delivered inside its visibility window, " + where());
        }
        hiddenUntil.put(m.messageId(), now + vt * 1_000_000_000L);
        if (kind == QueueKind.FIFO) {
          for (String earlier : groupOrder.get(groupOf.get(m.messageId()))) {
            if (earlier.equals(m.messageId())) {
              break;
            }
            assertTrue(
                gone.contains(earlier) || inThisCall.contains(earlier),
                "FIFO order broken in group " + groupOf.get(m.messageId()) + ", " + where());
          }
          inThisCall.add(m.messageId());
        }
        held.add(m);
      }
    }

    private void delete() {
      if (held.isEmpty()) {
        return;
      }
      Message m = held.remove(random.nextInt(held.size()));
      try {
        sqs.deleteMessage(url, m.receiptHandle());
      } catch (SqsException e) {
        assertEquals(QueueKind.FIFO, kind, "standard deletes never fail, " + where());
        assertEquals("InvalidParameterValue", e.errorCode(), where());
      }
    }

    private void changeVisibility() {
      if (held.isEmpty()) {
        return;
      }
      Message m = held.get(random.nextInt(held.size()));
      int vt = random.nextInt(60);
      try {
        sqs.changeMessageVisibility(url, m.receiptHandle(), vt);
        hiddenUntil.put(m.messageId(), sim.clock().nanos() + vt * 1_000_000_000L);
      } catch (SqsException e) {
        assertEquals("InvalidParameterValue", e.errorCode(), where());
      }
    }

    private int count(String queue, String type) {
      return events.getOrDefault(queue + "/" + type, 0);
    }

    private long stored(String queueUrl) {
      Map<String, String> a = sqs.getQueueAttributes(queueUrl);
      long notVisible = Long.parseLong(a.get("ApproximateNumberOfMessagesNotVisible"));
      if (notVisible > MAX_INFLIGHT) {
        fail("in flight " + notVisible + " > " + MAX_INFLIGHT + ", " + where());
      }
      return Long.parseLong(a.get("ApproximateNumberOfMessages"))
          + notVisible
          + Long.parseLong(a.get("ApproximateNumberOfMessagesDelayed"));
    }

    private void checkConservation() {
      String main = kind == QueueKind.FIFO ? "main.fifo" : "main";
      String dead = kind == QueueKind.FIFO ? "dlq.fifo" : "dlq";
      long inMain = stored(url);
      long inDlq = stored(dlq);
      int moved = count(main, "MOVED_TO_DLQ");
      assertEquals(
          count(main, "SENT") - count(main, "DELETED") - moved - count(main, "EXPIRED"),
          inMain,
          "every message is deleted, moved, expired or still there, " + where());
      assertEquals(moved - count(dead, "EXPIRED"), inDlq, "DLQ conservation, " + where());
    }
  }
}
