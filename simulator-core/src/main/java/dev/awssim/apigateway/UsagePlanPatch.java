package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.apigateway.ApiGatewayErrors.require;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * UpdateUsagePlan's patch operations applied to a plan's settings ({@code
 * https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateUsagePlan.html}, {@code
 * https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html}), in order, to a copy;
 * the first one AWS would refuse throws {@code BadRequestException}.
 *
 * <ul>
 *   <li>{@code /name} (replace); {@code /description}, {@code /productCode} are accepted and not
 *       stored;
 *   <li>{@code /throttle/rateLimit}, {@code /throttle/burstLimit} (add, replace), {@code /throttle}
 *       (remove); a plan without a throttle that gets only one of the two starts from the account
 *       throttle for the other;
 *   <li>{@code /quota/limit}, {@code /quota/offset}, {@code /quota/period} (add, replace), {@code
 *       /quota} (remove); a new quota needs a limit and a period;
 *   <li>{@code /apiStages} (add, remove) with the value {@code apiId:stage};
 *   <li>{@code /apiStages/apiId:stage/throttle/{resourcePath}/{httpMethod}/rateLimit} and {@code
 *       .../burstLimit} (add, replace), {@code
 *       /apiStages/apiId:stage/throttle/{resourcePath}/{httpMethod}} and {@code
 *       /apiStages/apiId:stage/throttle} (remove), with the resource path's slashes written {@code
 *       ~1}.
 * </ul>
 */
final class UsagePlanPatch {
  private static final String VALID_PATHS =
      "[/name, /description, /productCode, /throttle, /throttle/rateLimit, /throttle/burstLimit,"
          + " /quota, /quota/limit, /quota/offset, /quota/period, /apiStages,"
          + " /apiStages/{apiId}:{stage}/throttle,"
          + " /apiStages/{apiId}:{stage}/throttle/{resourcePath}/{httpMethod}/rateLimit,"
          + " /apiStages/{apiId}:{stage}/throttle/{resourcePath}/{httpMethod}/burstLimit]";

  private static final ImmutableSet<String> UNMODELLED =
      ImmutableSet.of("/description", "/productCode");

  private final ThrottleSettings account;
  private String name;
  private final List<ApiStage> stages;
  private boolean hasThrottle;
  private Double rate;
  private Integer burst;
  private boolean hasQuota;
  private Integer limit;
  private Integer offset;
  private String period;

  private UsagePlanPatch(UsagePlanSettings s, ThrottleSettings account) {
    this.account = account;
    this.name = s.name();
    this.stages = new ArrayList<>(s.apiStages());
    s.throttle()
        .ifPresent(
            t -> {
              hasThrottle = true;
              rate = t.rateLimit();
              burst = t.burstLimit();
            });
    s.quota()
        .ifPresent(
            q -> {
              hasQuota = true;
              limit = q.limit();
              offset = q.offset();
              period = q.period().name();
            });
  }

  /**
   * The settings after {@code operations}.
   *
   * @param account the account throttle, the starting point of a throttle set by halves
   * @throws ApiGatewayException {@code BadRequestException} for an operation AWS refuses
   */
  static UsagePlanSettings apply(
      UsagePlanSettings settings, List<PatchOperation> operations, ThrottleSettings account) {
    UsagePlanPatch patch = new UsagePlanPatch(settings, account);
    for (PatchOperation op : operations) {
      patch.apply(checkNotNull(op, "patch operation"));
    }
    return patch.result();
  }

  private void apply(PatchOperation op) {
    StagePatch.requireOp(op);
    String path = op.path();
    boolean set = op.op().equals("add") || op.op().equals("replace");
    boolean remove = op.op().equals("remove");
    if (UNMODELLED.contains(path) && (set || remove)) {
      return;
    }
    switch (path) {
      case "/name" -> {
        only(op, set && op.op().equals("replace"));
        name = StagePatch.value(op);
      }
      case "/throttle/rateLimit" -> {
        only(op, set);
        hasThrottle = true;
        rate = StagePatch.number(op);
      }
      case "/throttle/burstLimit" -> {
        only(op, set);
        hasThrottle = true;
        burst = StagePatch.integer(op);
      }
      case "/throttle" -> {
        only(op, remove);
        hasThrottle = false;
        rate = null;
        burst = null;
      }
      case "/quota/limit" -> {
        only(op, set);
        hasQuota = true;
        limit = StagePatch.integer(op);
      }
      case "/quota/offset" -> {
        only(op, set);
        hasQuota = true;
        offset = StagePatch.integer(op);
      }
      case "/quota/period" -> {
        only(op, set);
        hasQuota = true;
        period = StagePatch.value(op);
      }
      case "/quota" -> {
        only(op, remove);
        hasQuota = false;
        limit = null;
        offset = null;
        period = null;
      }
      case "/apiStages" -> apiStages(op, remove);
      default -> {
        if (!path.startsWith("/apiStages/")) {
          throw invalidPath(op);
        }
        stageThrottle(op, set, remove);
      }
    }
  }

  /** {@code /apiStages} add or remove of {@code apiId:stage}. */
  private void apiStages(PatchOperation op, boolean remove) {
    only(op, op.op().equals("add") || remove);
    String[] idAndStage = StagePatch.value(op).split(":", -1);
    require(
        idAndStage.length == 2 && !idAndStage[0].isEmpty() && !idAndStage[1].isEmpty(),
        "Invalid API stage " + op.value() + ": expected {apiId}:{stage}");
    int at = indexOf(idAndStage[0], idAndStage[1]);
    if (remove) {
      require(at >= 0, "API stage " + op.value() + " is not in the usage plan");
      stages.remove(at);
    } else {
      require(at < 0, "API stage " + op.value() + " is already in the usage plan");
      stages.add(ApiStage.of(idAndStage[0], idAndStage[1]));
    }
  }

  /**
   * {@code /apiStages/apiId:stage/throttle[/{resourcePath}/{httpMethod}[/rateLimit|burstLimit]]}.
   */
  private void stageThrottle(PatchOperation op, boolean set, boolean remove) {
    String[] parts = op.path().substring("/apiStages/".length()).split("/", -1);
    String[] idAndStage = parts[0].split(":", -1);
    if (idAndStage.length != 2 || parts.length < 2 || !parts[1].equals("throttle")) {
      throw invalidPath(op);
    }
    int at = indexOf(idAndStage[0], idAndStage[1]);
    require(at >= 0, "API stage " + parts[0] + " is not in the usage plan");
    ApiStage stage = stages.get(at);
    Map<String, ThrottleSettings> throttles = new LinkedHashMap<>(stage.throttle());
    if (parts.length == 2) {
      only(op, remove);
      throttles.clear();
    } else if (parts.length == 4 || parts.length == 5) {
      String resourcePath = StagePatch.unescape(parts[2]);
      if (!resourcePath.startsWith("/") || !Router.isKnownMethod(parts[3])) {
        throw invalidPath(op);
      }
      String methodKey = resourcePath + "/" + parts[3];
      if (parts.length == 4) {
        only(op, remove);
        require(throttles.remove(methodKey) != null, "No throttle for " + methodKey);
      } else {
        only(op, set);
        ThrottleSettings now = throttles.getOrDefault(methodKey, account);
        ThrottleSettings changed =
            switch (parts[4]) {
              case "rateLimit" -> new ThrottleSettings(StagePatch.number(op), now.burstLimit());
              case "burstLimit" -> new ThrottleSettings(now.rateLimit(), StagePatch.integer(op));
              default -> throw invalidPath(op);
            };
        throttles.put(methodKey, changed);
      }
    } else {
      throw invalidPath(op);
    }
    stages.set(at, new ApiStage(stage.apiId(), stage.stage(), ImmutableMap.copyOf(throttles)));
  }

  private int indexOf(String apiId, String stage) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).apiId().equals(apiId) && stages.get(i).stage().equals(stage)) {
        return i;
      }
    }
    return -1;
  }

  private UsagePlanSettings result() {
    Optional<ThrottleSettings> throttle =
        hasThrottle
            ? Optional.of(
                new ThrottleSettings(
                    rate == null ? account.rateLimit() : rate,
                    burst == null ? account.burstLimit() : burst))
            : Optional.empty();
    Optional<QuotaSettings> quota = Optional.empty();
    if (hasQuota) {
      require(limit != null, "A usage plan quota needs a limit");
      require(period != null, "Quota period is required: DAY, WEEK or MONTH.");
      quota =
          Optional.of(
              new QuotaSettings(limit, offset == null ? 0 : offset, QuotaPeriod.parse(period)));
    }
    return new UsagePlanSettings(name, ImmutableList.copyOf(stages), throttle, quota);
  }

  private static void only(PatchOperation op, boolean allowed) {
    require(
        allowed,
        "Invalid patch operation specified: '" + op.op() + "' is not supported for " + op.path());
  }

  private static ApiGatewayException invalidPath(PatchOperation op) {
    return ApiGatewayErrors.badRequest(
        "Invalid patch path '"
            + op.path()
            + "' specified for op '"
            + op.op()
            + "'. Must be one of: "
            + VALID_PATHS);
  }
}
