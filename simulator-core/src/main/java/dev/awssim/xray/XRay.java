package dev.awssim.xray;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.internal.RandomIds;
import dev.awssim.internal.SimulationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * AWS X-Ray sampling in a simulation: the account's sampling rules (GetSamplingRules,
 * CreateSamplingRule, UpdateSamplingRule, DeleteSamplingRule), the reservoir quotas it hands to
 * instances (GetSamplingTargets), and {@link Sampler}s, the instance side that decides per request.
 *
 * <pre>{@code
 * XRay xray = sim.xray();
 * Sampler local = xray.localSampler("web-1");           // 1 per second + 5 %, this instance only
 * Sampler central = xray.centralizedSampler();          // the account's rules, quotas from X-Ray
 * SamplingDecision d = central.shouldSample(SamplingRequest.of("shop"));
 * }</pre>
 *
 * <p>Rule validation follows {@code
 * https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html}; bad input is an {@link
 * XRayException} and leaves the rules unchanged. The {@code Default} rule exists from the start,
 * matches every request, comes last, and can be updated but not deleted ({@code
 * https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html}).
 */
public final class XRay {
  private static final Pattern HEX_24 = Pattern.compile("[0-9a-fA-F]{24}");

  private final SimulationContext context;
  private final XRayLimits limits;
  private final Map<String, StoredRule> rules = new LinkedHashMap<>();

  /** Per rule, the instances that reported for it and when they last did, sorted by client ID. */
  private final Map<String, TreeMap<String, Long>> reporters = new LinkedHashMap<>();

  private Instant lastRuleModification;

  /**
   * X-Ray in {@code context}'s simulation.
   *
   * @throws NullPointerException if an argument is null
   */
  public XRay(SimulationContext context, XRayLimits limits) {
    this.context = checkNotNull(context, "context");
    this.limits = checkNotNull(limits, "limits");
    Instant now = context.clock().now();
    SamplingRule defaultRule =
        SamplingRule.builder(XRayLimits.DEFAULT_RULE_NAME)
            .ruleArn(arn(XRayLimits.DEFAULT_RULE_NAME))
            .priority(XRayLimits.DEFAULT_RULE_PRIORITY)
            .fixedRate(limits.defaultFixedRate())
            .reservoirSize(limits.defaultReservoirSize())
            .build();
    rules.put(XRayLimits.DEFAULT_RULE_NAME, new StoredRule(defaultRule, now, now));
    this.lastRuleModification = now;
  }

  /** The limits of this X-Ray. */
  public XRayLimits limits() {
    return limits;
  }

  SimulationContext context() {
    return context;
  }

  /**
   * Creates a sampling rule.
   *
   * @throws XRayException {@code InvalidRequestException} for a missing or out-of-range field or a
   *     name already in use; {@code RuleLimitExceededException} when the account has {@link
   *     XRayLimits#maxSamplingRules()} rules besides {@code Default}
   */
  public SamplingRuleRecord createSamplingRule(SamplingRule rule) {
    synchronized (context.lock()) {
      if (rule == null) {
        throw XRayException.invalidRequest("SamplingRule is required.");
      }
      validate(rule, true);
      if (rules.containsKey(rule.ruleName())) {
        throw XRayException.invalidRequest(
            "A sampling rule named " + rule.ruleName() + " already exists.");
      }
      if (rules.size() - 1 >= limits.maxSamplingRules()) {
        throw XRayException.ruleLimitExceeded(limits.maxSamplingRules());
      }
      Instant now = context.clock().now();
      SamplingRule stored = rule.toBuilder().ruleArn(arn(rule.ruleName())).build();
      rules.put(rule.ruleName(), new StoredRule(stored, now, now));
      lastRuleModification = now;
      return rules.get(rule.ruleName()).toRecord();
    }
  }

  /**
   * Changes the fields {@code update} gives of one rule.
   *
   * @throws XRayException {@code InvalidRequestException} if the rule does not exist, both or
   *     neither of name and ARN are given, or a new value is out of range
   */
  public SamplingRuleRecord updateSamplingRule(SamplingRuleUpdate update) {
    synchronized (context.lock()) {
      if (update == null) {
        throw XRayException.invalidRequest("SamplingRuleUpdate is required.");
      }
      StoredRule old = find(update.ruleName(), update.ruleArn());
      SamplingRule.Builder b = old.rule.toBuilder();
      if (update.resourceArn() != null) {
        b.resourceArn(update.resourceArn());
      }
      if (update.priority() != null) {
        b.priority(update.priority());
      }
      if (update.fixedRate() != null) {
        b.fixedRate(update.fixedRate());
      }
      if (update.reservoirSize() != null) {
        b.reservoirSize(update.reservoirSize());
      }
      if (update.serviceName() != null) {
        b.serviceName(update.serviceName());
      }
      if (update.serviceType() != null) {
        b.serviceType(update.serviceType());
      }
      if (update.host() != null) {
        b.host(update.host());
      }
      if (update.httpMethod() != null) {
        b.httpMethod(update.httpMethod());
      }
      if (update.urlPath() != null) {
        b.urlPath(update.urlPath());
      }
      if (update.attributes() != null) {
        b.attributes(update.attributes());
      }
      SamplingRule updated = b.build();
      boolean isDefault = XRayLimits.DEFAULT_RULE_NAME.equals(updated.ruleName());
      if (isDefault && !updated.equals(defaultOnlyRateAndReservoir(old.rule, updated))) {
        throw XRayException.invalidRequest(
            "Only the fixed rate and reservoir size of the Default rule can be changed.");
      }
      validate(updated, !isDefault);
      Instant now = context.clock().now();
      rules.put(updated.ruleName(), new StoredRule(updated, old.createdAt, now));
      lastRuleModification = now;
      return rules.get(updated.ruleName()).toRecord();
    }
  }

  /**
   * Deletes the rule named {@code ruleName}.
   *
   * @throws XRayException {@code InvalidRequestException} if there is no such rule or it is {@code
   *     Default}
   */
  public SamplingRuleRecord deleteSamplingRule(String ruleName) {
    return deleteSamplingRule(ruleName, null);
  }

  /**
   * Deletes a rule given by name or by ARN (not both).
   *
   * @throws XRayException {@code InvalidRequestException} if there is no such rule, both or neither
   *     are given, or it is {@code Default}
   */
  public SamplingRuleRecord deleteSamplingRule(String ruleName, String ruleArn) {
    synchronized (context.lock()) {
      StoredRule rule = find(ruleName, ruleArn);
      if (XRayLimits.DEFAULT_RULE_NAME.equals(rule.rule.ruleName())) {
        throw XRayException.invalidRequest("The Default sampling rule cannot be deleted.");
      }
      rules.remove(rule.rule.ruleName());
      reporters.remove(rule.rule.ruleName());
      lastRuleModification = context.clock().now();
      return rule.toRecord();
    }
  }

  /** Every rule, in the order samplers evaluate them: ascending priority, then name. */
  public List<SamplingRuleRecord> getSamplingRules() {
    synchronized (context.lock()) {
      List<SamplingRuleRecord> out = new ArrayList<>();
      for (StoredRule r : rules.values()) {
        out.add(r.toRecord());
      }
      out.sort(
          Comparator.comparing((SamplingRuleRecord r) -> r.samplingRule().priority())
              .thenComparing(r -> r.samplingRule().ruleName()));
      return out;
    }
  }

  /**
   * Takes instances' statistics and answers each reported rule with its target: the rule's rate and
   * this instance's share of the reservoir. With n instances reporting for a rule of reservoir R
   * (within the last two intervals), each gets ⌊R/n⌋ per second and the first R mod n by client ID
   * one more; the quota holds for {@link XRayLimits#quotaTtl()} from now. X-Ray documents only that
   * it distributes the reservoir "evenly, based on the number of instances" ({@code
   * https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html}); the split is the
   * simulator's.
   *
   * @throws XRayException {@code InvalidRequestException} for no documents, more than 25, a client
   *     ID that is not 24 hexadecimal characters, or negative counts
   */
  public GetSamplingTargetsResult getSamplingTargets(List<SamplingStatisticsDocument> documents) {
    synchronized (context.lock()) {
      if (documents == null
          || documents.isEmpty()
          || documents.size() > XRayLimits.MAX_STATISTICS_DOCUMENTS) {
        throw XRayException.invalidRequest(
            "SamplingStatisticsDocuments must have 1 to "
                + XRayLimits.MAX_STATISTICS_DOCUMENTS
                + " members.");
      }
      for (SamplingStatisticsDocument d : documents) {
        if (d == null
            || d.ruleName() == null
            || d.timestamp() == null
            || d.clientId() == null
            || !HEX_24.matcher(d.clientId()).matches()) {
          throw XRayException.invalidRequest(
              "Each statistics document needs a RuleName, a Timestamp and a ClientID of 24"
                  + " hexadecimal characters.");
        }
        if (d.requestCount() < 0 || d.sampledCount() < 0 || d.borrowCount() < 0) {
          throw XRayException.invalidRequest("Statistics counts cannot be negative.");
        }
      }
      long now = context.clock().nanos();
      long window = 2 * limits.targetInterval().toNanos();
      List<SamplingTargetDocument> targets = new ArrayList<>();
      List<UnprocessedStatistics> unprocessed = new ArrayList<>();
      for (SamplingStatisticsDocument d : documents) {
        StoredRule rule = rules.get(d.ruleName());
        if (rule == null) {
          unprocessed.add(
              new UnprocessedStatistics(
                  d.ruleName(), "ResourceNotFound", "No sampling rule named " + d.ruleName()));
          continue;
        }
        TreeMap<String, Long> active =
            reporters.computeIfAbsent(d.ruleName(), k -> new TreeMap<>());
        active.put(d.clientId().toLowerCase(java.util.Locale.ROOT), now);
        active.values().removeIf(last -> now - last >= window);
      }
      Instant nowInstant = context.clock().now();
      for (SamplingStatisticsDocument d : documents) {
        StoredRule rule = rules.get(d.ruleName());
        if (rule == null) {
          continue;
        }
        TreeMap<String, Long> active = reporters.get(d.ruleName());
        int n = active.size();
        int reservoir = rule.rule.reservoirSize();
        int index = active.headMap(d.clientId().toLowerCase(java.util.Locale.ROOT)).size();
        int quota = reservoir / n + (index < reservoir % n ? 1 : 0);
        targets.add(
            new SamplingTargetDocument(
                d.ruleName(),
                rule.rule.fixedRate(),
                quota,
                nowInstant.plus(limits.quotaTtl()),
                limits.targetInterval()));
      }
      return new GetSamplingTargetsResult(targets, lastRuleModification, unprocessed);
    }
  }

  /**
   * A sampler with only local rules, {@code Default} (from {@link XRayLimits}: 1 per second + 5 %):
   * each instance samples on its own, so n such samplers take up to n requests per second from
   * their reservoirs ({@code xray-console-sampling.html}). Its fixed-rate draws come from the
   * stream {@code xray/<instanceName>/Default}.
   *
   * @throws NullPointerException if {@code instanceName} is null
   */
  public Sampler localSampler(String instanceName) {
    return localSampler(instanceName, List.of());
  }

  /**
   * A sampler with local rules {@code rules} (matched in list order) and then {@code Default}.
   * Local rules need a reservoir and a rate; their priority is ignored.
   *
   * @throws NullPointerException if an argument is null
   * @throws XRayException {@code InvalidRequestException} if a rule is invalid
   */
  public Sampler localSampler(String instanceName, List<SamplingRule> rules) {
    checkNotNull(instanceName, "instanceName");
    checkNotNull(rules, "rules");
    List<SamplingRule> local = new ArrayList<>();
    for (SamplingRule r : rules) {
      SamplingRule withPriority =
          r.priority() == null ? r.toBuilder().priority(XRayLimits.MAX_PRIORITY).build() : r;
      validate(withPriority, true);
      local.add(withPriority);
    }
    synchronized (context.lock()) {
      local.add(this.rules.get(XRayLimits.DEFAULT_RULE_NAME).rule);
      return new Sampler(this, instanceName, null, local);
    }
  }

  /**
   * A sampler that uses this account's rules, as an instance with the X-Ray SDK and centralized
   * sampling does: it fetches the rules now and every 5 minutes, reports its statistics and takes
   * its targets every {@link XRayLimits#targetInterval()} on virtual time, borrows 1 request per
   * second per rule until it has a quota. Its client ID (24 hex characters) comes from the stream
   * {@code xray/clients}; its draws from {@code xray/<clientId>/<rule>}. {@link Sampler#close()}
   * stops its polling.
   */
  public Sampler centralizedSampler() {
    synchronized (context.lock()) {
      String clientId = RandomIds.hex(context.random().stream("xray/clients"), 24);
      Sampler s = new Sampler(this, clientId, clientId, null);
      s.startPolling();
      return s;
    }
  }

  Instant lastRuleModification() {
    return lastRuleModification;
  }

  private StoredRule find(String ruleName, String ruleArn) {
    if ((ruleName == null) == (ruleArn == null)) {
      throw XRayException.invalidRequest("Specify a rule by either name or ARN, but not both.");
    }
    StoredRule rule = null;
    if (ruleName != null) {
      rule = rules.get(ruleName);
    } else {
      for (StoredRule r : rules.values()) {
        if (r.rule.ruleArn().equals(ruleArn)) {
          rule = r;
        }
      }
    }
    if (rule == null) {
      throw XRayException.invalidRequest(
          "Sampling rule does not exist: " + (ruleName != null ? ruleName : ruleArn));
    }
    return rule;
  }

  private static SamplingRule defaultOnlyRateAndReservoir(SamplingRule old, SamplingRule updated) {
    return old.toBuilder()
        .fixedRate(updated.fixedRate())
        .reservoirSize(updated.reservoirSize())
        .build();
  }

  private String arn(String ruleName) {
    return "arn:aws:xray:"
        + context.account().region()
        + ":"
        + context.account().accountId()
        + ":sampling-rule/"
        + ruleName;
  }

  private static void validate(SamplingRule r, boolean custom) {
    if (r.ruleName() == null
        || r.ruleName().isEmpty()
        || r.ruleName().length() > XRayLimits.MAX_RULE_NAME_LENGTH) {
      throw XRayException.invalidRequest(
          "RuleName must be 1 to " + XRayLimits.MAX_RULE_NAME_LENGTH + " characters.");
    }
    if (r.priority() == null) {
      throw XRayException.invalidRequest("Priority is required.");
    }
    if (custom
        && (r.priority() < XRayLimits.MIN_PRIORITY || r.priority() > XRayLimits.MAX_PRIORITY)) {
      throw XRayException.invalidRequest(
          "Priority must be between "
              + XRayLimits.MIN_PRIORITY
              + " and "
              + XRayLimits.MAX_PRIORITY
              + ": "
              + r.priority());
    }
    if (r.fixedRate() == null || r.fixedRate().isNaN() || r.fixedRate() < 0 || r.fixedRate() > 1) {
      throw XRayException.invalidRequest("FixedRate must be between 0 and 1: " + r.fixedRate());
    }
    if (r.reservoirSize() == null || r.reservoirSize() < 0) {
      throw XRayException.invalidRequest(
          "ReservoirSize must be 0 or greater: " + r.reservoirSize());
    }
    if (r.version() == null || r.version() != XRayLimits.RULE_VERSION) {
      throw XRayException.invalidRequest("Version must be " + XRayLimits.RULE_VERSION + ".");
    }
    checkField("ServiceName", r.serviceName(), XRayLimits.MAX_SERVICE_NAME_LENGTH);
    checkField("ServiceType", r.serviceType(), XRayLimits.MAX_SERVICE_NAME_LENGTH);
    checkField("Host", r.host(), XRayLimits.MAX_SERVICE_NAME_LENGTH);
    checkField("HTTPMethod", r.httpMethod(), XRayLimits.MAX_HTTP_METHOD_LENGTH);
    checkField("URLPath", r.urlPath(), XRayLimits.MAX_URL_PATH_LENGTH);
    checkField("ResourceARN", r.resourceArn(), XRayLimits.MAX_RESOURCE_ARN_LENGTH);
    if (r.attributes().size() > XRayLimits.MAX_ATTRIBUTES) {
      throw XRayException.invalidRequest(
          "Attributes can have at most " + XRayLimits.MAX_ATTRIBUTES + " entries.");
    }
    for (Map.Entry<String, String> e : r.attributes().entrySet()) {
      if (e.getKey().isEmpty()
          || e.getKey().length() > XRayLimits.MAX_ATTRIBUTE_LENGTH
          || e.getValue().isEmpty()
          || e.getValue().length() > XRayLimits.MAX_ATTRIBUTE_LENGTH) {
        throw XRayException.invalidRequest(
            "Attribute keys and values must be 1 to "
                + XRayLimits.MAX_ATTRIBUTE_LENGTH
                + " characters.");
      }
    }
  }

  private static void checkField(String name, String value, int maxLength) {
    if (value == null) {
      throw XRayException.invalidRequest(name + " is required.");
    }
    if (value.length() > maxLength) {
      throw XRayException.invalidRequest(name + " must be at most " + maxLength + " characters.");
    }
  }

  Duration targetInterval() {
    return limits.targetInterval();
  }

  private record StoredRule(SamplingRule rule, Instant createdAt, Instant modifiedAt) {
    SamplingRuleRecord toRecord() {
      return new SamplingRuleRecord(rule, createdAt, modifiedAt);
    }
  }
}
