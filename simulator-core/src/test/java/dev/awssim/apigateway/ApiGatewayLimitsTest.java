package dev.awssim.apigateway;

import static dev.awssim.apigateway.ApiGatewayCacheTest.assertBadRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMap;
import dev.awssim.AwsSimulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * limits.html and api-gateway-api-usage-plans.html at their numbers: 100 stage variables (names up
 * to 64 characters, values up to 512), 20 method throttles per stage in a usage plan, API key
 * values of 20 to 128 characters and names up to 1,024, and the account's 10,000 keys.
 */
class ApiGatewayLimitsTest {

  @Test
  void stageVariables_100Names64Values512_oneMoreIsBadRequest() {
    assertEquals(100, StageSettings.defaults().withVariables(variables(100)).variables().size());
    assertBadRequest(() -> StageSettings.defaults().withVariables(variables(101)));
    StageSettings.defaults().withVariables(Map.of("n".repeat(64), "v".repeat(512)));
    assertBadRequest(() -> StageSettings.defaults().withVariables(Map.of("n".repeat(65), "v")));
    assertBadRequest(() -> StageSettings.defaults().withVariables(Map.of("n", "v".repeat(513))));
  }

  private static Map<String, String> variables(int n) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("v" + i, "x");
    }
    return m;
  }

  @Test
  void usagePlanStage_20MethodThrottles_the21stIsBadRequest() {
    assertEquals(20, new ApiStage("a", "prod", throttles(20)).throttle().size());
    assertBadRequest(() -> new ApiStage("a", "prod", throttles(21)));
  }

  private static ImmutableMap<String, ThrottleSettings> throttles(int n) {
    ImmutableMap.Builder<String, ThrottleSettings> b = ImmutableMap.builder();
    for (int i = 0; i < n; i++) {
      b.put("/r" + i + "/GET", new ThrottleSettings(1, 1));
    }
    return b.buildOrThrow();
  }

  @Test
  void apiKeys_value128AndName1024_oneMoreIsBadRequest_and10000KeysPerAccount() {
    ApiGateway gw =
        AwsSimulator.builder()
            .apiGatewayLimits(ApiGatewayLimits.defaults().withMaxApiKeys(2))
            .build()
            .apiGateway();
    gw.createApiKey("n".repeat(1_024), "k".repeat(128), true);
    assertBadRequest(() -> gw.createApiKey("k", "k".repeat(129), true));
    assertBadRequest(() -> gw.createApiKey("n".repeat(1_025), null, true));
    gw.createApiKey("second");
    ApiGatewayException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApiGatewayException.class, () -> gw.createApiKey("third"));
    assertEquals("LimitExceededException", e.errorCode());
    assertEquals(10_000, ApiGatewayLimits.defaults().maxApiKeys());
    assertEquals(2, gw.getApiKeys().size());
  }

  @Test
  void accountThrottle_byRegion_2500And1250InTheLowerDefaultRegions_else10000And5000() {
    ApiGatewayLimits capeTown = ApiGatewayLimits.forRegion("af-south-1");
    assertEquals(2_500, capeTown.accountRateLimit());
    assertEquals(1_250, capeTown.accountBurstLimit());
    ApiGatewayLimits mexico = ApiGatewayLimits.forRegion("mx-central-1");
    assertEquals(1_250, mexico.accountBurstLimit());
    ApiGatewayLimits virginia = ApiGatewayLimits.forRegion("us-east-1");
    assertEquals(10_000, virginia.accountRateLimit());
    assertEquals(5_000, virginia.accountBurstLimit());
    assertEquals(13, ApiGatewayLimits.LOWER_DEFAULT_REGIONS.size());
  }
}
