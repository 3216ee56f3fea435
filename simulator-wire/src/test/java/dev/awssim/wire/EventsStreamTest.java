package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /_awssim/events}, read over HTTP: trace events and CloudWatch metric points in the
 * order recorded, each with an id, and a stream resumed with {@code Last-Event-ID} goes on after
 * it.
 */
class EventsStreamTest {
  /** One Server-Sent Event: its id, its type and its data. */
  private record Sse(String id, String type, String data) {}

  private static HttpResponse<Stream<String>> open(WireServer server, String lastEventId)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.endpoint() + "/_awssim/events"));
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, r.statusCode());
    assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElseThrow());
    return r;
  }

  /** The first {@code n} events of {@code stream} (at most 60 s of waiting, then a failure). */
  private static List<Sse> read(HttpResponse<Stream<String>> stream, int n) throws Exception {
    return readUntil(stream, n, null);
  }

  /** The events of {@code stream} up to {@code n} or the first whose data contains {@code last}. */
  private static List<Sse> readUntil(HttpResponse<Stream<String>> stream, int n, String last)
      throws Exception {
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      return reader
          .submit(
              () -> {
                List<Sse> events = new ArrayList<>();
                String id = null;
                String type = null;
                Iterator<String> lines = stream.body().iterator();
                while (events.size() < n && lines.hasNext()) {
                  String line = lines.next();
                  if (line.startsWith("id: ")) {
                    id = line.substring(4);
                  } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                  } else if (line.startsWith("data: ")) {
                    events.add(new Sse(id, type, line.substring(6)));
                    if (last != null && line.contains(last)) {
                      break;
                    }
                  }
                }
                return events;
              })
          .get(60, TimeUnit.SECONDS);
    } finally {
      reader.shutdownNow();
    }
  }

  private static void sendMessage(WireServer server, String queueUrl) {
    Http.post(
        server,
        "AmazonSQS.SendMessage",
        "application/x-amz-json-1.0",
        "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"hello\"}");
  }

  @Test
  void events_anotherRegionFirstUsedWhileStreaming_itsMetricPointsCarryTheRegion()
      throws Exception {
    try (WireServer server = WireServer.builder().seed(3).port(0).start()) {
      HttpResponse<Stream<String>> stream = open(server, null);
      try {
        Http.admin(server, "POST", "advance?seconds=2");
        String signedForEu =
            "AWS4-HMAC-SHA256 Credential=AKIDFAKE/20250101/eu-west-1/sqs/aws4_request,"
                + " SignedHeaders=host, Signature=0";
        String url =
            Http.text(
                    Http.request(
                        server,
                        "POST",
                        "/",
                        java.util.Map.of(
                            "X-Amz-Target", "AmazonSQS.CreateQueue",
                            "Content-Type", "application/x-amz-json-1.0",
                            "Authorization", signedForEu),
                        "{\"QueueName\":\"live\"}".getBytes(StandardCharsets.UTF_8)))
                .replaceAll(".*\"QueueUrl\":\"([^\"]*)\".*", "$1");
        Http.request(
            server,
            "POST",
            "/",
            java.util.Map.of(
                "X-Amz-Target", "AmazonSQS.SendMessage",
                "Content-Type", "application/x-amz-json-1.0",
                "Authorization", signedForEu),
            ("{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"hello\"}")
                .getBytes(StandardCharsets.UTF_8));

        List<Sse> events = readUntil(stream, 100, "\"SENT\"");
        assertTrue(events.get(0).data().contains("\"type\":\"REGION_CREATED\""), events.toString());
        assertTrue(
            events.stream()
                .anyMatch(
                    e ->
                        e.data()
                            .startsWith(
                                "{\"region\":\"eu-west-1\",\"namespace\":\"AWS/SQS\","
                                    + "\"metricName\":\"NumberOfMessagesSent\"")),
            events.toString());
      } finally {
        stream.body().close();
      }
    }
  }

  @Test
  void events_sendMessage_traceEventThenItsMetricPoints_resumableByLastEventId() throws Exception {
    try (WireServer server = WireServer.builder().seed(3).port(0).start()) {
      String url =
          Http.text(
                  Http.post(
                      server,
                      "AmazonSQS.CreateQueue",
                      "application/x-amz-json-1.0",
                      "{\"QueueName\":\"live\"}"))
              .replaceAll(".*\"QueueUrl\":\"([^\"]*)\".*", "$1");
      HttpResponse<Stream<String>> first = open(server, null);
      try {
        // Opened without an id, the stream starts now: the queue's creation is not in it.
        Http.admin(server, "POST", "advance?seconds=2");
        sendMessage(server, url);
        // The queue's gauges sampled as time passed, the point of NumberOfMessagesSent, then
        // the SENT trace event, in the order the model recorded them.
        List<Sse> events = readUntil(first, 100, "SENT");
        assertEquals("trace", events.get(events.size() - 1).type(), events.toString());
        Sse sent =
            events.stream()
                .filter(e -> e.data().contains("\"NumberOfMessagesSent\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals("metric", sent.type());
        assertEquals(
            "{\"namespace\":\"AWS/SQS\",\"metricName\":\"NumberOfMessagesSent\","
                + "\"dimensions\":{\"QueueName\":\"live\"},"
                + "\"timestamp\":\"2025-01-01T00:00:02Z\",\"value\":1}",
            sent.data());
        assertTrue(events.size() >= 2, events.toString());
        // Ids count up by one in the order recorded.
        String id0 = events.get(0).id();
        String id1 = events.get(1).id();
        int colon = id0.indexOf(':');
        assertEquals(id0.substring(0, colon + 1), id1.substring(0, colon + 1));
        assertEquals(
            Long.parseLong(id0.substring(colon + 1)) + 1, Long.parseLong(id1.substring(colon + 1)));

        // A client that lost the stream after the first event resumes with the second.
        HttpResponse<Stream<String>> resumed = open(server, events.get(0).id());
        try {
          assertEquals(events.subList(1, events.size()), read(resumed, events.size() - 1));
        } finally {
          resumed.body().close();
        }
      } finally {
        first.body().close();
      }
    }
  }

  @Test
  void events_lastEventIdOfAnEarlierSimulation_startsFromTheNewSimulationsFirstEvent()
      throws Exception {
    try (WireServer server = WireServer.builder().seed(3).port(0).start()) {
      // Watched from the start: each simulation is journaled from its first event.
      open(server, null).body().close();
      Http.post(
          server, "AmazonSQS.CreateQueue", "application/x-amz-json-1.0", "{\"QueueName\":\"a\"}");
      Http.admin(server, "POST", "reset?seed=4");
      Http.post(
          server, "AmazonSQS.CreateQueue", "application/x-amz-json-1.0", "{\"QueueName\":\"b\"}");
      HttpResponse<Stream<String>> stream = open(server, "1:0");
      try {
        Sse first = read(stream, 1).get(0);
        assertEquals("2:0", first.id());
        assertTrue(first.data().contains("\"b\""), first.data());
      } finally {
        stream.body().close();
      }
    }
  }
}
