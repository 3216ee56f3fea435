package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The REST-JSON router: bindings read from the SDK's marshallers, and matching by path. */
class RestRoutesTest {
  private static final RestRoutes LAMBDA = RestService.LAMBDA.routes();

  @Test
  void routes_everyLambdaClientOperation_hasItsSdkBinding() {
    assertEquals(LAMBDA.operations().names().size(), LAMBDA.routes().size());
    assertEquals("POST /2015-03-31/functions/{FunctionName}/invocations", binding("Invoke"));
    assertEquals("GET /2015-03-31/functions", binding("ListFunctions"));
    assertEquals(
        "PUT /2017-10-31/functions/{FunctionName}/concurrency", binding("PutFunctionConcurrency"));
    assertEquals(
        "GET /2018-10-31/layers/{LayerName}/versions/{VersionNumber}", binding("GetLayerVersion"));
  }

  private static String binding(String op) {
    RestRoutes.Route r = LAMBDA.route(op);
    return r.method() + " " + r.template();
  }

  @Test
  void match_labelsArePercentDecoded_mostSpecificRouteWins() {
    RestRoutes.Match m =
        LAMBDA.match(
            "GET",
            "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Af",
            Map.of());
    assertEquals("GetFunction", m.operation());
    assertEquals(
        "arn:aws:lambda:us-east-1:000000000000:function:f", m.labels().get("FunctionName"));
    assertEquals(
        "GetFunctionConfiguration",
        LAMBDA.match("GET", "/2015-03-31/functions/f/configuration", Map.of()).operation());
    assertNull(LAMBDA.match("PATCH", "/2015-03-31/functions/f", Map.of()));
    assertNull(LAMBDA.match("GET", "/2015-03-31/functions//configuration", Map.of()));
    assertThrows(
        WireException.class, () -> LAMBDA.match("GET", "/2015-03-31/functions/%zz", Map.of()));
  }

  @Test
  void labels_greedyLabel_takesOneOrMoreSegmentsWithTheirSlashes() {
    List<RestRoutes.Segment> template =
        List.of(
            new RestRoutes.Segment("objects", null, false),
            new RestRoutes.Segment(null, "Key", true),
            new RestRoutes.Segment("acl", null, false));
    assertEquals(
        Map.of("Key", "a/b c/d"),
        RestRoutes.labels(template, RestRoutes.split("/objects/a/b%20c/d/acl")));
    assertEquals(
        Map.of("Key", "a"), RestRoutes.labels(template, RestRoutes.split("/objects/a/acl")));
    assertNull(RestRoutes.labels(template, RestRoutes.split("/objects/acl")));
  }

  /**
   * The success statuses awssim sends are those of AWS's models, as botocore (on this machine with
   * the AWS CLI) carries them: for every operation of every REST-JSON service.
   */
  @Test
  void successStatus_everyOperation_isTheModelsResponseCode()
      throws IOException, InterruptedException {
    for (RestService service : RestService.values()) {
      JsonNode model = botocoreResponseCodes(service.signingName());
      Map<String, Integer> expected = new TreeMap<>();
      Map<String, Integer> actual = new TreeMap<>();
      for (String op : service.routes().operations().names()) {
        var code = model.field(op);
        if (code.isPresent()) {
          expected.put(op, Integer.valueOf(code.get().asNumber()));
          actual.put(op, service.successStatus(op));
        }
      }
      assertTrue(expected.size() > 30, service + " " + expected); // X-Ray has 38
      assertEquals(expected, actual, service.name());
    }
  }

  /** {operation: responseCode} of botocore's model of {@code service}. */
  private static JsonNode botocoreResponseCodes(String service)
      throws IOException, InterruptedException {
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "python3",
                  "-c",
                  "import json, botocore.session\n"
                      + "m = botocore.session.get_session().get_service_model('"
                      + service
                      + "')\n"
                      + "print(json.dumps({o: m.operation_model(o).http.get('responseCode', 200)"
                      + " for o in m.operation_names}))")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "python3 is not installed");
      throw e;
    }
    assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "botocore is not installed");
    return JsonNode.parser()
        .parse(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void routes_apiGatewayControlPlane_fromItsSdkMarshallers() {
    RestRoutes apigw = RestService.APIGATEWAY.routes();
    assertEquals(apigw.operations().names().size(), apigw.routes().size());
    assertEquals(
        "PATCH /restapis/{restapi_id}/stages/{stage_name}", bindingOf(apigw, "UpdateStage"));
    assertEquals("POST /restapis?mode=import", bindingOf(apigw, "ImportRestApi"));
    assertEquals(
        "ImportRestApi",
        apigw.match("POST", "/restapis", Map.of("mode", List.of("import"))).operation());
    assertEquals("CreateRestApi", apigw.match("POST", "/restapis", Map.of()).operation());
    assertEquals("GetStages", apigw.match("GET", "/restapis/a1/stages", Map.of()).operation());
  }

  private static String bindingOf(RestRoutes routes, String op) {
    RestRoutes.Route r = routes.route(op);
    return r.method() + " " + r.template();
  }
}
