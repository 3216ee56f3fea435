package dev.awssim.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The payload limit (10 MB, limits.html) and the weekly quota's UTC boundary
 * (API_QuotaSettings.html), each at AWS's number.
 */
class ApiGatewayPayloadAndQuotaBoundaryTest {
  private static final int TEN_MB = 10 * 1_048_576;

  @Test
  void body_of10MbIsServed_oneByteMoreIs413RequestTooLarge_andTakesNoToken() {
    Fixture f = Fixture.withStage(1, Fixture.throttled(1, 1));
    // "é" is 2 bytes in UTF-8: the limit counts bytes, not characters
    String tenMb = "é".repeat(TEN_MB / 2);
    ApiResponse over = f.send(f.request("POST", "/pets").body(tenMb + "a"));
    assertEquals(413, over.statusCode());
    assertEquals("REQUEST_TOO_LARGE", over.errorType());
    assertEquals("{\"message\":\"Request Too Long\"}", over.body());
    assertEquals(0, f.integrationCalls.get());
    ApiResponse atLimit = f.send(f.request("POST", "/pets").body(tenMb));
    assertEquals(200, atLimit.statusCode()); // the refused request took no token of the burst of 1
    assertEquals(1, f.integrationCalls.get());
    assertEquals(2, f.metric("Count"));
    assertEquals(1, f.metric("4XXError"));
  }

  @Test
  void weeklyQuota_resetsAtSunday0000Utc_notAMillisecondBefore() {
    Fixture f = ApiGatewayThrottlingTest.keyed(StageSettings.defaults());
    String plan =
        f.gateway.createUsagePlan(
            UsagePlanSettings.of("weekly", ApiStage.of(f.api.id(), Fixture.STAGE))
                .withQuota(QuotaSettings.of(1, "WEEK")));
    ApiKey a = ApiGatewayThrottlingTest.key(f, "a", plan);
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
    // the simulation starts on Wednesday 2025-01-01; the next week starts Sunday 2025-01-05
    f.sim.advanceTo(Instant.parse("2025-01-04T23:59:59.999Z"));
    ApiResponse saturday = f.send(f.request("GET", "/pets").apiKey(a.value()));
    assertEquals(429, saturday.statusCode());
    assertEquals("QUOTA_EXCEEDED", saturday.errorType());
    f.sim.advanceTo(Instant.parse("2025-01-05T00:00:00Z"));
    assertEquals(200, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
    assertEquals(429, f.send(f.request("GET", "/pets").apiKey(a.value())).statusCode());
  }
}
