package dev.awssim.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiGatewayCanaryTest {

  private static Fixture withCanary(long seed, double percent) {
    Fixture f =
        Fixture.withStage(
            seed, StageSettings.defaults().withVariables(ImmutableMap.of("version", "v1")));
    String canaryDeployment = f.gateway.createDeployment(f.api.id());
    f.gateway.updateStage(
        f.api.id(),
        Fixture.STAGE,
        f.gateway
            .getStage(f.api.id(), Fixture.STAGE)
            .withCanary(
                CanarySettings.of(percent, canaryDeployment)
                    .withStageVariableOverrides(ImmutableMap.of("version", "v2"))));
    return f;
  }

  @Test
  void canary_getsItsShareOfTraffic_withOverriddenVariables() {
    Fixture f = withCanary(11, 10.0);
    int canary = 0;
    for (int i = 0; i < 10_000; i++) {
      f.advanceMillis(1);
      ApiResponse r = f.send(f.request("POST", "/pets"));
      assertTrue(r.body().endsWith(r.canary() ? "v2" : "v1"), r.body());
      canary += r.canary() ? 1 : 0;
    }
    assertTrue(canary > 850 && canary < 1_150, "about 10% of 10,000: " + canary);
  }

  @Test
  void canaryChoice_repeatsWithTheSameSeed() {
    assertEquals(choices(21), choices(21));
  }

  private static List<Boolean> choices(long seed) {
    Fixture f = withCanary(seed, 50.0);
    List<Boolean> result = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      result.add(f.get("/pets/1").canary());
    }
    return result;
  }

  @Test
  void promote_movesTheStageToTheCanaryDeployment() {
    Fixture f = withCanary(11, 10.0);
    String canaryDeployment =
        f.gateway.getStage(f.api.id(), Fixture.STAGE).canary().orElseThrow().deploymentId();
    f.gateway.promoteCanary(f.api.id(), Fixture.STAGE);
    assertEquals(canaryDeployment, f.gateway.getStageDeploymentId(f.api.id(), Fixture.STAGE));
    for (int i = 0; i < 100; i++) {
      ApiResponse r = f.send(f.request("POST", "/pets"));
      assertTrue(!r.canary() && r.body().endsWith("v2"), r.body());
    }
  }

  @Test
  void delete_sendsAllTrafficToTheStageDeployment() {
    Fixture f = withCanary(11, 100.0);
    assertTrue(f.get("/pets/1").canary());
    f.gateway.deleteCanary(f.api.id(), Fixture.STAGE);
    for (int i = 0; i < 100; i++) {
      assertTrue(!f.get("/pets/1").canary());
    }
  }

  @Test
  void changingDeployment_whileACanaryIsOn_isRefused() {
    Fixture f = withCanary(11, 10.0);
    String other = f.gateway.createDeployment(f.api.id());
    ApiGatewayException e =
        assertThrows(
            ApiGatewayException.class,
            () -> f.gateway.updateStageDeployment(f.api.id(), Fixture.STAGE, other));
    assertEquals("BadRequestException", e.errorCode());
    assertEquals(f.deployment, f.gateway.getStageDeploymentId(f.api.id(), Fixture.STAGE));
  }

  @Test
  void percentOutsideRange_isBadRequest() {
    ApiGatewayCacheTest.assertBadRequest(() -> CanarySettings.of(100.1, "d"));
    ApiGatewayCacheTest.assertBadRequest(() -> CanarySettings.of(-1, "d"));
  }
}
