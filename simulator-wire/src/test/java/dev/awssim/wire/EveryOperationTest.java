package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every served client, called with an empty body, an empty array and a body
 * whose members all have the wrong type: a 4xx each time (never a 5xx, which SDKs retry), and the
 * server keeps serving.
 */
class EveryOperationTest {
  @Test
  void everyOperation_emptyOrMistypedBody_isClientErrorNever5xx() {
    List<String> failures = new ArrayList<>();
    try (WireServer server = WireServer.builder().seed(1).port(0).start()) {
      for (WireService service : WireService.values()) {
        String prefix = service.targetPrefix();
        for (String op : service.operations().names()) {
          for (String body :
              List.of("{}", "[]", "{\"QueueUrl\":1,\"TableName\":[],\"StreamName\":{}}")) {
            HttpResponse<byte[]> r =
                Http.post(server, prefix + "." + op, service.jsonContentType(), body);
            if (r.statusCode() >= 500) {
              failures.add(
                  prefix + "." + op + " " + body + " -> " + r.statusCode() + " " + Http.text(r));
            }
          }
        }
      }
      HttpResponse<byte[]> after =
          Http.post(server, "DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "{}");
      assertTrue(after.statusCode() == 200, "still serving");
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void everyRestJsonOperation_emptyOrMistypedBody_isClientErrorNever5xx() {
    List<String> failures = new ArrayList<>();
    try (WireServer server = WireServer.builder().seed(1).port(0).start()) {
      for (RestService service : RestService.values()) {
        String auth =
            "AWS4-HMAC-SHA256 Credential=AKIDFAKE/20261202/us-east-1/"
                + service.signingName()
                + "/aws4_request, SignedHeaders=host, Signature=0";
        for (RestRoutes.Route route : service.routes().routes()) {
          String path = route.template().replaceAll("\\{[^}]+}", "x");
          for (String body : List.of("", "{}", "[]", "{\"Timeout\":\"x\",\"name\":[]}")) {
            HttpResponse<byte[]> r =
                Http.request(
                    server,
                    route.method(),
                    path,
                    java.util.Map.of("Authorization", auth),
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (r.statusCode() >= 500) {
              failures.add(
                  route.operation() + " " + body + " -> " + r.statusCode() + " " + Http.text(r));
            }
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
