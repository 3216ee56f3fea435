package dev.awssim.lambda;

import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.throttle.TokenBucket;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** One function's configuration and its execution environments. Guarded by the simulation lock. */
final class FunctionState {
  final String name;
  final String arn;
  final Object handler;

  /** Memory of {@code $LATEST} in MB; UpdateFunctionConfiguration changes it. */
  int memorySize;

  /** Timeout of {@code $LATEST}; UpdateFunctionConfiguration changes it. */
  Duration timeout;

  /** The description of {@code $LATEST}. */
  String description = "";

  /**
   * {@code CodeSha256}: the handler never changes (there is no UpdateFunctionCode), so neither does
   * this.
   */
  final String codeSha256;

  /** The {@code RevisionId} of {@code $LATEST}: a new one after every change. */
  String revisionId;

  /** Counts the changes to {@code $LATEST}'s configuration; PublishVersion compares it. */
  long configRevision;

  /** Where new {@code RevisionId}s come from: the seeded stream {@code lambda/revisions/<name>}. */
  final RandomGenerator revisionIds;

  final DurationModel durationModel;
  final RandomGenerator durations;
  final TokenBucket scaling;
  final Dimensions dimensions;

  /** Reserved concurrency, or -1 when the function draws on the unreserved pool. */
  int reserved = -1;

  /** Invocations running now: each holds one environment. */
  int inFlight;

  /** Environments that exist and wait for an invocation; reusing one costs no scaling capacity. */
  int idle;

  /** Versions published so far; version n is "n". */
  int publishedVersions;

  /**
   * The settings each published version froze when it was published: version n is element n - 1
   * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html).
   */
  final java.util.List<Version> versions = new java.util.ArrayList<>();

  /** Provisioned concurrency per version, in the order it was configured. */
  final java.util.Map<String, Provisioned> provisioned = new java.util.LinkedHashMap<>();

  /** Aliases by name, in creation order. */
  final java.util.Map<String, Alias> aliases = new java.util.LinkedHashMap<>();

  /**
   * Asynchronous invocation settings per qualifier ({@code $LATEST} for the unqualified function),
   * in the order they were configured.
   */
  final java.util.Map<String, EventInvokeSetting> eventConfigs = new java.util.LinkedHashMap<>();

  /** Set by DeleteFunction: invocations in flight finish, nothing new starts. */
  boolean deleted;

  /** {@code DeadLetterConfig.TargetArn}: an SQS queue for discarded async events, or null. */
  String deadLetterTargetArn;

  FunctionState(
      String name,
      String arn,
      Object handler,
      int memorySize,
      Duration timeout,
      DurationModel durationModel,
      RandomGenerator durations,
      TokenBucket scaling,
      String codeSha256,
      RandomGenerator revisionIds) {
    this.name = name;
    this.arn = arn;
    this.handler = handler;
    this.memorySize = memorySize;
    this.timeout = timeout;
    this.durationModel = durationModel;
    this.durations = durations;
    this.scaling = scaling;
    this.dimensions = Dimensions.of("FunctionName", name);
    this.codeSha256 = codeSha256;
    this.revisionIds = revisionIds;
    this.revisionId = nextRevisionId();
  }

  /** A fresh {@code RevisionId}. */
  String nextRevisionId() {
    return dev.awssim.internal.RandomIds.uuid(revisionIds).toString();
  }

  /** Records a change to {@code $LATEST}: a new {@code RevisionId}, and no longer published. */
  void changed() {
    configRevision++;
    revisionId = nextRevisionId();
  }

  /** The settings an invocation of {@code version} ({@code $LATEST} or a number) runs with. */
  Version settings(String version) {
    if (VERSION_NUMBER.matcher(version).matches()) {
      int n = Integer.parseInt(version);
      if (n >= 1 && n <= versions.size()) {
        return versions.get(n - 1);
      }
    }
    return new Version(memorySize, timeout, description, revisionId, configRevision);
  }

  private static final java.util.regex.Pattern VERSION_NUMBER =
      java.util.regex.Pattern.compile("[0-9]{1,9}");

  /**
   * The memory, timeout and description one version runs with, its {@code RevisionId}, and the
   * {@link #configRevision} of {@code $LATEST} it was published from.
   */
  record Version(
      int memorySize, Duration timeout, String description, String revisionId, long publishedFrom) {
    long timeoutNanos() {
      return timeout.toNanos();
    }
  }

  /** One qualifier's asynchronous invocation settings and when they were last written. */
  record EventInvokeSetting(EventInvokeConfig config, long lastModifiedNanos) {}

  /** Provisioned concurrency configured on all versions of this function. */
  int provisionedTotal() {
    int total = 0;
    for (Provisioned p : provisioned.values()) {
      total += p.requested;
    }
    return total;
  }

  /** Invocations running now on provisioned environments. */
  int provisionedInFlight() {
    int total = 0;
    for (Provisioned p : provisioned.values()) {
      total += p.inFlight;
    }
    return total;
  }

  /** One version's provisioned concurrency. */
  static final class Provisioned {
    final int requested;
    boolean ready;
    int inFlight;

    Provisioned(int requested) {
      this.requested = requested;
    }
  }

  /** One alias: a version, and optionally a second version taking a share of invocations. */
  static final class Alias {
    final String name;
    final RandomGenerator routing;
    String functionVersion;
    String description = "";

    /** The second version of {@code RoutingConfig}, or null. */
    String additionalVersion;

    double additionalWeight;

    Alias(String name, String functionVersion, RandomGenerator routing) {
      this.name = name;
      this.functionVersion = functionVersion;
      this.routing = routing;
    }
  }

  boolean hasReservation() {
    return reserved >= 0;
  }

  /** Environments created so far (busy or idle). */
  int environments() {
    return inFlight + idle;
  }
}
