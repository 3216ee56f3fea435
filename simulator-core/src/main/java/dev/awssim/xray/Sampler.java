package dev.awssim.xray;

import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.SimulationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The instance side of X-Ray sampling, as the AWS X-Ray SDKs implement it: for each request, the
 * first rule that matches (ascending priority, {@code Default} last) decides. The rule's reservoir
 * is counted per whole second of virtual time (the SDKs count per integer epoch second, {@code
 * reservoir.py}; not a sliding window): while it has room this second the request is sampled; after
 * that, a seeded draw samples it with the rule's fixed rate ({@code
 * https://docs.aws.amazon.com/xray/latest/devguide/xray-api-sampling.html}).
 *
 * <p>A centralized sampler's reservoir is the quota X-Ray assigned it (GetSamplingTargets), valid
 * over [reply, {@code ReservoirQuotaTTL}). Without a valid quota it borrows 1 request per second
 * from a rule whose reservoir is above 0 and applies the fixed rate to the rest. Every {@link
 * XRayLimits#TARGET_POLL_INTERVAL} it reports its counts for the rules it matched whose {@code
 * Interval} has passed and applies the targets; it fetches the rules again every {@link
 * XRayLimits#RULE_POLL_INTERVAL} and whenever a reply says they changed.
 *
 * <pre>{@code
 * Sampler s = sim.xray().localSampler("web-1");
 * SamplingDecision d = s.shouldSample(SamplingRequest.of("shop"));
 * if (d.sampled()) { ... }            // d.reason(): RESERVOIR, BORROWED, FIXED_RATE, NOT_SAMPLED
 * }</pre>
 */
public final class Sampler implements AutoCloseable {
  private final XRay xray;
  private final SimulationContext context;
  private final String instanceName;
  private final String clientId;
  private final Map<String, RuleState> states = new LinkedHashMap<>();
  private List<RuleState> ordered = new ArrayList<>();
  private Instant rulesFetchedAt;
  private final List<Cancellable> pollers = new ArrayList<>();

  Sampler(XRay xray, String instanceName, String clientId, List<SamplingRule> localRules) {
    this.xray = xray;
    this.context = xray.context();
    this.instanceName = instanceName;
    this.clientId = clientId;
    if (localRules != null) {
      List<RuleState> list = new ArrayList<>();
      for (SamplingRule r : localRules) {
        list.add(state(r));
      }
      this.ordered = list;
    } else {
      refreshRules();
    }
  }

  /** The instance's client ID (24 hex characters) if centralized, else null. */
  public String clientId() {
    return clientId;
  }

  /** Whether this sampler takes its rules and quotas from X-Ray. */
  public boolean isCentralized() {
    return clientId != null;
  }

  /** Decides for one request now, and counts it. */
  public SamplingDecision shouldSample(SamplingRequest request) {
    synchronized (context.lock()) {
      SamplingRequest r = request == null ? SamplingRequest.of(null) : request;
      for (RuleState s : ordered) {
        if (matches(s.rule, r)) {
          return s.decide(context.clock().nanos(), context.clock().now().getEpochSecond());
        }
      }
      // Unreachable while Default matches everything; a sampler never throws for a request.
      return new SamplingDecision(false, XRayLimits.DEFAULT_RULE_NAME, SamplingReason.NOT_SAMPLED);
    }
  }

  /**
   * The quota this sampler holds for {@code ruleName} now, or null when it has none (never had one,
   * or it expired) or the rule is unknown.
   */
  public Integer reservoirQuota(String ruleName) {
    synchronized (context.lock()) {
      RuleState s = states.get(ruleName);
      return s == null || !s.hasQuota(context.clock().nanos()) ? null : s.quota;
    }
  }

  /** Fetches the rules from X-Ray now (GetSamplingRules), keeping the state of unchanged rules. */
  public void refreshRules() {
    synchronized (context.lock()) {
      List<RuleState> list = new ArrayList<>();
      Map<String, RuleState> kept = new LinkedHashMap<>();
      for (SamplingRuleRecord rec : xray.getSamplingRules()) {
        SamplingRule rule = rec.samplingRule();
        RuleState old = states.get(rule.ruleName());
        RuleState s = old != null && old.rule.equals(rule) ? old : state(rule);
        if (old != null && old != s) {
          s.inherit(old);
        }
        list.add(s);
        kept.put(rule.ruleName(), s);
      }
      states.clear();
      states.putAll(kept);
      ordered = list;
      rulesFetchedAt = context.clock().now();
    }
  }

  /**
   * Reports this instance's counts for the rules it matched whose interval has passed, and applies
   * the targets X-Ray returns (GetSamplingTargets): the rate, the quota and its TTL, the interval.
   * Does nothing for a local sampler or when no rule is due.
   */
  public void refreshTargets() {
    synchronized (context.lock()) {
      if (clientId == null) {
        return;
      }
      long now = context.clock().nanos();
      Instant at = context.clock().now();
      List<SamplingStatisticsDocument> docs = new ArrayList<>();
      for (RuleState s : ordered) {
        if (s.requests > 0 && now >= s.nextReportNanos) {
          docs.add(
              new SamplingStatisticsDocument(
                  s.rule.ruleName(), clientId, at, s.requests, s.sampled, s.borrows));
        }
      }
      for (int from = 0; from < docs.size(); from += XRayLimits.MAX_STATISTICS_DOCUMENTS) {
        List<SamplingStatisticsDocument> batch =
            docs.subList(from, Math.min(docs.size(), from + XRayLimits.MAX_STATISTICS_DOCUMENTS));
        GetSamplingTargetsResult result = xray.getSamplingTargets(batch);
        for (SamplingStatisticsDocument d : batch) {
          states.get(d.ruleName()).reported(now);
        }
        for (SamplingTargetDocument t : result.samplingTargetDocuments()) {
          RuleState s = states.get(t.ruleName());
          if (s != null) {
            s.apply(t, context.clock().start(), now);
          }
        }
        // At or after: a change in the same instant as the last fetch may not be in it.
        if (!result.lastRuleModification().isBefore(rulesFetchedAt)) {
          refreshRules();
        }
      }
    }
  }

  /** Stops the polling of a centralized sampler; decisions keep working on what it has. */
  @Override
  public void close() {
    synchronized (context.lock()) {
      pollers.forEach(Cancellable::cancel);
      pollers.clear();
    }
  }

  void startPolling() {
    pollers.add(context.scheduler().every(XRayLimits.RULE_POLL_INTERVAL, this::refreshRules));
    pollers.add(context.scheduler().every(XRayLimits.TARGET_POLL_INTERVAL, this::refreshTargets));
  }

  private RuleState state(SamplingRule rule) {
    RandomGenerator random =
        context.random().stream("xray/" + instanceName + "/" + rule.ruleName());
    RuleState s = new RuleState(rule, random, clientId != null);
    states.put(rule.ruleName(), s);
    return s;
  }

  private static boolean matches(SamplingRule rule, SamplingRequest r) {
    if (!(field(rule.serviceName(), r.serviceName())
        && field(rule.serviceType(), r.serviceType())
        && field(rule.host(), r.host())
        && field(rule.httpMethod(), r.httpMethod())
        && field(rule.urlPath(), r.urlPath())
        && field(rule.resourceArn(), r.resourceArn()))) {
      return false;
    }
    for (Map.Entry<String, String> e : rule.attributes().entrySet()) {
      if (!Wildcards.matches(e.getValue(), r.attributes().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean field(String pattern, String value) {
    return value == null || Wildcards.matches(pattern, value);
  }

  /** One rule as this instance applies it: its reservoir this second, quota and counts. */
  private static final class RuleState {
    final SamplingRule rule;
    final RandomGenerator random;
    final boolean centralized;
    double rate;
    Integer quota;
    long quotaUntilNanos;
    long intervalNanos = XRayLimits.DEFAULT_TARGET_INTERVAL.toNanos();
    long nextReportNanos = Long.MIN_VALUE;
    long second = Long.MIN_VALUE;
    int taken;
    int borrowed;
    int requests;
    int sampled;
    int borrows;

    RuleState(SamplingRule rule, RandomGenerator random, boolean centralized) {
      this.rule = rule;
      this.random = random;
      this.centralized = centralized;
      this.rate = rule.fixedRate();
    }

    void inherit(RuleState old) {
      quota = old.quota;
      quotaUntilNanos = old.quotaUntilNanos;
      intervalNanos = old.intervalNanos;
      nextReportNanos = old.nextReportNanos;
      second = old.second;
      taken = old.taken;
      borrowed = old.borrowed;
      requests = old.requests;
      sampled = old.sampled;
      borrows = old.borrows;
    }

    boolean hasQuota(long now) {
      return quota != null && now < quotaUntilNanos;
    }

    SamplingDecision decide(long now, long epochSecond) {
      if (epochSecond != second) {
        second = epochSecond;
        taken = 0;
        borrowed = 0;
      }
      requests++;
      SamplingReason reason = reservoir(now);
      if (reason == null) {
        // Drawn only when the reservoir said no, from this rule's own stream: random() < rate.
        reason =
            random.nextDouble() < rate ? SamplingReason.FIXED_RATE : SamplingReason.NOT_SAMPLED;
      }
      boolean yes = reason != SamplingReason.NOT_SAMPLED;
      if (yes) {
        sampled++;
      }
      if (reason == SamplingReason.BORROWED) {
        borrows++;
      }
      return new SamplingDecision(yes, rule.ruleName(), reason);
    }

    private SamplingReason reservoir(long now) {
      if (!centralized) {
        if (taken < rule.reservoirSize()) {
          taken++;
          return SamplingReason.RESERVOIR;
        }
        return null;
      }
      if (hasQuota(now)) {
        if (taken < quota) {
          taken++;
          return SamplingReason.RESERVOIR;
        }
        return null;
      }
      if (rule.reservoirSize() > 0 && borrowed < XRayLimits.BORROW_PER_SECOND) {
        borrowed++;
        return SamplingReason.BORROWED;
      }
      return null;
    }

    void reported(long now) {
      requests = 0;
      sampled = 0;
      borrows = 0;
      nextReportNanos = now + intervalNanos;
    }

    void apply(SamplingTargetDocument t, Instant start, long now) {
      rate = t.fixedRate();
      if (t.reservoirQuota() != null && t.reservoirQuotaTtl() != null) {
        quota = t.reservoirQuota();
        quotaUntilNanos = java.time.Duration.between(start, t.reservoirQuotaTtl()).toNanos();
      }
      if (t.interval() != null) {
        intervalNanos = t.interval().toNanos();
        nextReportNanos = now + intervalNanos;
      }
    }
  }
}
