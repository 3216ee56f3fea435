package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** A page at GET /, a layer's own routes beside the AWS router, and stepping event by event. */
@SuppressForbidden(reason = "a handler is a JDK HTTP server handler")
class PageAndHandlersTest {
  private static HttpResponse<String> get(WireServer server, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void getRoot_withAPage_servesIt_andAwsRequestsStillWork() throws Exception {
    try (WireServer server =
        WireServer.builder().port(0).page("<!doctype html><title>class</title>").start()) {
      HttpResponse<String> page = get(server, "/");
      assertEquals(200, page.statusCode());
      assertEquals("<!doctype html><title>class</title>", page.body());
      assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));

      HttpResponse<byte[]> created =
          Http.post(
              server,
              "AmazonSQS.CreateQueue",
              "application/x-amz-json-1.0",
              "{\"QueueName\":\"q\"}");
      assertEquals(200, created.statusCode(), Http.text(created));
    }
  }

  @Test
  void handler_underItsPrefix_answersInsteadOfTheAwsRouter() throws Exception {
    try (WireServer server =
        WireServer.builder()
            .port(0)
            .handler(
                "/_class/",
                exchange -> {
                  byte[] body = exchange.getRequestURI().getPath().getBytes(StandardCharsets.UTF_8);
                  exchange.sendResponseHeaders(200, body.length);
                  exchange.getResponseBody().write(body);
                  exchange.close();
                })
            .start()) {
      HttpResponse<String> r = get(server, "/_class/scenario");
      assertEquals(200, r.statusCode());
      assertEquals("/_class/scenario", r.body());
    }
  }

  @Test
  void handler_adminOrRootPrefix_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WireServer.builder().handler("/_awssim/x", exchange -> {}));
    assertThrows(IllegalArgumentException.class, () -> WireServer.builder().handler("/", e -> {}));
  }

  @Test
  void step_runsTheNextScheduledTaskOnly_atItsDueInstant() {
    AwsSimulator sim = AwsSimulator.withSeed(3);
    List<Long> ran = new ArrayList<>();
    sim.after(Duration.ofMillis(250), () -> ran.add(sim.clock().elapsed().toMillis()));
    sim.after(Duration.ofSeconds(2), () -> ran.add(sim.clock().elapsed().toMillis()));
    try (WireServer server =
        WireServer.builder().port(0).simulator(sim).timeMode(TimeMode.stepped()).start()) {
      HttpResponse<byte[]> first = Http.admin(server, "POST", "step");
      assertEquals(200, first.statusCode(), Http.text(first));
      assertEquals(List.of(250L), ran);
      assertEquals(
          sim.clock().start().plusMillis(250).toString(),
          JsonNode.parser().parse(first.body()).field("now").orElseThrow().asString());

      Http.admin(server, "POST", "step");
      assertEquals(List.of(250L, 2_000L), ran);

      Http.admin(server, "POST", "step");
      assertEquals(Duration.ofSeconds(2), sim.clock().elapsed(), "nothing left: time stays");
    }
  }
}
