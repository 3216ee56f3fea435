package dev.awssim.lambda;

import static com.google.common.base.Preconditions.checkNotNull;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.google.common.collect.ImmutableMap;
import dev.awssim.AwsSimulator;
import dev.awssim.SimulatedRegion;
import dev.awssim.engine.AwsAccount;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.RandomIds;
import dev.awssim.internal.SimulationContext;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.internal.throttle.ThrottleDecision;
import dev.awssim.internal.throttle.TokenBucket;
import dev.awssim.sns.DeliveryStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Simulated AWS Lambda on the simulation's virtual clock: users' real {@link RequestHandler} and
 * {@link RequestStreamHandler} objects run with AWS's concurrency pools, per-function scaling rate,
 * invocation request rate, throttles, timeouts, and the asynchronous event queue with its retries,
 * maximum event age and destinations. How it works is in the package essay.
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.withSeed(42);
 * Lambda lambda = Lambda.create(sim);
 * lambda.createFunction(FunctionConfig.of("orders", new OrderHandler())
 *     .withDuration(DurationModel.fixed(Duration.ofMillis(200))));
 * InvokeResult r = lambda.invoke("orders", InvocationType.REQUEST_RESPONSE, event); // t += 200 ms
 * }</pre>
 *
 * <p>Every public method holds the simulation's lock. A synchronous {@link #invoke(String,
 * InvocationType, Object)} from test code advances virtual time to the invocation's end; code that
 * runs inside scheduled tasks uses {@link #invoke(String, Object, Consumer)}, which completes later
 * through a callback.
 */
public final class Lambda {
  /** The CloudWatch namespace of Lambda's metrics. */
  public static final String NAMESPACE = "AWS/Lambda";

  private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final String LATEST = "$LATEST";
  private static final Pattern ALIAS_NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
  private static final Pattern VERSION_NUMBER = Pattern.compile("[0-9]+");
  private static final String UNHANDLED = "Unhandled";

  private final SimulationContext ctx;
  private final LambdaLimits limits;
  private final Map<String, FunctionState> functions = new LinkedHashMap<>();
  private final TokenBucket requestRate;
  private final RandomGenerator requestIds;
  private final SimulatedRegion region;
  private final EventSourceMappings mappings;
  private final Destinations destinations;
  private int totalReserved;

  /** Reserved plus provisioned-outside-reservations concurrency: what the account has allocated. */
  private int allocated;

  private int unreservedInFlight;
  private int totalInFlight;

  /**
   * A Lambda model on a simulation's context.
   *
   * @throws NullPointerException if an argument is null
   */
  public Lambda(SimulationContext context, LambdaLimits limits) {
    this(context, limits, null);
  }

  private Lambda(SimulationContext context, LambdaLimits limits, SimulatedRegion region) {
    this.ctx = checkNotNull(context, "context");
    this.region = region;
    this.mappings = new EventSourceMappings(this, context);
    this.destinations = new Destinations(region);
    this.limits = checkNotNull(limits, "limits");
    long rate = limits.invocationRatePerSecond();
    this.requestRate = TokenBucket.perSecond(rate, rate);
    this.requestIds = context.random().stream("lambda/requestIds");
  }

  /** The account and Region the functions live in (their ARNs name them). */
  public AwsAccount account() {
    return ctx.account();
  }

  /**
   * The function a {@code FunctionName} parameter names, as this model's methods take it ({@code
   * orders} or {@code orders:qualifier}): the parameter is a name, a partial ARN ({@code
   * 123456789012:function:orders}) or a full ARN ({@code
   * arn:aws:lambda:us-east-1:123456789012:function:orders}), each with an optional {@code
   * :qualifier} (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
   *
   * <p>Functions are regional: a full ARN of another Region names no function here, and AWS answers
   * 404 {@code ResourceNotFoundException} "Functions from 'eu-west-1' are not reachable in this
   * region ('us-east-1')" (the error AWS returns to SDK users, as reported in their issue threads;
   * the API reference lists {@code ResourceNotFoundException} without the message).
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for a full ARN of another
   *     Region
   * @throws NullPointerException if {@code functionName} is null
   */
  public String functionName(String functionName) {
    checkNotNull(functionName, "functionName");
    int at = functionName.indexOf("function:");
    if (!functionName.startsWith("arn:")
        && at != 0
        && !(at > 0 && functionName.charAt(at - 1) == ':')) {
      return functionName;
    }
    if (functionName.startsWith("arn:")) {
      String[] parts = functionName.split(":", 5);
      String here = ctx.account().region();
      if (parts.length == 5 && !parts[3].isEmpty() && !parts[3].equals(here)) {
        throw LambdaErrors.notFound(
            "Functions from '" + parts[3] + "' are not reachable in this region ('" + here + "')");
      }
    }
    return functionName.substring(at + "function:".length());
  }

  /**
   * A Lambda model with AWS's default limits in {@code simulator}'s default Region, on its clock
   * and scheduler: as {@link #create(SimulatedRegion)} of that Region.
   */
  public static Lambda create(AwsSimulator simulator) {
    return create(simulator, LambdaLimits.defaults());
  }

  /** A Lambda model with the given limits in {@code simulator}'s default Region. */
  public static Lambda create(AwsSimulator simulator, LambdaLimits limits) {
    checkNotNull(simulator, "simulator");
    return create(simulator.region(simulator.account().region()), limits);
  }

  /**
   * A Lambda model with AWS's default limits in {@code region}, on its simulation's clock and
   * scheduler. Lambda is a regional service: functions, versions, aliases, event source mappings
   * and the concurrency quotas belong to one Region, so each Region's model has its own {@link
   * LambdaLimits#accountConcurrency()} pool (1,000 by default, "per Region",
   * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), its functions' ARNs
   * name the Region, their metrics are {@code region}'s {@link SimulatedRegion#metrics()}, and an
   * event source mapping reads a queue or stream of {@code region}. A model per Region is the
   * caller's to keep: [SIM] two models of one Region would be two independent Lambdas.
   *
   * <pre>{@code
   * Lambda eu = Lambda.create(sim.region("eu-west-1"));
   * eu.createFunction(FunctionConfig.of("orders", handler)); // arn:aws:lambda:eu-west-1:...
   * }</pre>
   *
   * @throws NullPointerException if {@code region} is null
   */
  public static Lambda create(SimulatedRegion region) {
    return create(region, LambdaLimits.defaults());
  }

  /**
   * A Lambda model with the given limits in {@code region}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Lambda create(SimulatedRegion region, LambdaLimits limits) {
    return new Lambda(SimulatorAccess.context(checkNotNull(region, "region")), limits, region);
  }

  /** The limits in force. */
  public LambdaLimits limits() {
    return limits;
  }

  // ---------------------------------------------------------------- functions

  /**
   * {@code CreateFunction}: registers a user's handler object under a name.
   *
   * @return the function's ARN
   * @throws LambdaException {@code InvalidParameterValueException} (400) for a bad name, handler,
   *     memory size or timeout; {@code ResourceConflictException} (409) if the name is taken
   */
  public String createFunction(FunctionConfig config) {
    checkNotNull(config, "config");
    synchronized (ctx.lock()) {
      String name = config.functionName();
      if (!FUNCTION_NAME.matcher(name).matches()) {
        throw LambdaErrors.invalidParameterValue(
            "FunctionName must be 1-64 letters, numbers, hyphens or underscores: " + name);
      }
      if (!(config.handler() instanceof RequestHandler<?, ?>)
          && !(config.handler() instanceof RequestStreamHandler)) {
        throw LambdaErrors.invalidParameterValue(
            "The handler must implement RequestHandler or RequestStreamHandler: "
                + config.handler().getClass().getName());
      }
      int memory = config.memorySize() == 0 ? limits.defaultMemorySize() : config.memorySize();
      checkMemorySize(memory);
      Duration timeout = config.timeout() == null ? limits.defaultTimeout() : config.timeout();
      checkTimeout(timeout);
      if (functions.containsKey(name)) {
        throw LambdaErrors.resourceConflict("Function already exist: " + name);
      }
      String arn =
          "arn:aws:lambda:"
              + ctx.account().region()
              + ":"
              + ctx.account().accountId()
              + ":function:"
              + name;
      FunctionState f =
          new FunctionState(
              name,
              arn,
              config.handler(),
              memory,
              timeout,
              config.duration(),
              ctx.random().stream("lambda/duration/" + name),
              TokenBucket.of(limits.scalingBurst(), limits.scalingRefill(), limits.scalingPeriod()),
              codeSha256(config.handler()),
              ctx.random().stream("lambda/revisions/" + name));
      functions.put(name, f);
      ctx.trace().record(LambdaEventType.FUNCTION_CREATED, name);
      if (region != null) {
        // SNS invokes a subscribed function asynchronously with the SNS event; an AWS service's
        // async invoke is not subject to the invocation request rate
        // (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html).
        region.sns().registerFunction(arn, json -> fromSns(name, json));
      }
      return arn;
    }
  }

  /**
   * {@code CodeSha256} of a handler object: base64 of the SHA-256 of its class name. A simulator
   * choice [SIM]: AWS hashes the deployment package, which a handler object does not have.
   */
  private static String codeSha256(Object handler) {
    return java.util.Base64.getEncoder()
        .encodeToString(
            com.google.common.hash.Hashing.sha256()
                .hashString(handler.getClass().getName(), StandardCharsets.UTF_8)
                .asBytes());
  }

  private static void checkDescription(String description) {
    if (description != null && description.length() > LambdaLimits.DESCRIPTION_MAXIMUM_LENGTH) {
      throw LambdaErrors.validation(
          "1 validation error detected: Value at 'description' failed to satisfy constraint:"
              + " Member must have length less than or equal to "
              + LambdaLimits.DESCRIPTION_MAXIMUM_LENGTH);
    }
  }

  private void checkMemorySize(int memory) {
    if (memory < limits.minimumMemorySize() || memory > limits.maximumMemorySize()) {
      throw LambdaErrors.invalidParameterValue(
          "MemorySize must be between "
              + limits.minimumMemorySize()
              + " and "
              + limits.maximumMemorySize()
              + " MB: "
              + memory);
    }
  }

  private void checkTimeout(Duration timeout) {
    if (timeout.compareTo(LambdaLimits.MINIMUM_TIMEOUT) < 0
        || timeout.compareTo(limits.maximumTimeout()) > 0) {
      throw LambdaErrors.invalidParameterValue(
          "Timeout must be between "
              + LambdaLimits.MINIMUM_TIMEOUT.toSeconds()
              + " and "
              + limits.maximumTimeout().toSeconds()
              + " seconds: "
              + timeout.toSeconds());
    }
  }

  /**
   * {@code GetFunction}: the function's configuration ({@code $LATEST}).
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public FunctionConfiguration getFunction(String functionName) {
    synchronized (ctx.lock()) {
      return describeVersion(function(functionName), LATEST);
    }
  }

  /**
   * {@code GetFunctionConfiguration}: the settings of {@code $LATEST}, of a published version
   * ({@code name:3}) or of the version an alias points to ({@code name:live}); a version keeps the
   * settings it had when it was published
   * (https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html).
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function,
   *     version or alias
   */
  public FunctionConfiguration getFunctionConfiguration(String functionName) {
    synchronized (ctx.lock()) {
      String[] target = qualified(functionName);
      FunctionState f = function(target[0]);
      return describeVersion(f, provisionedVersion(f, qualifier(f, target[1])));
    }
  }

  /**
   * {@code UpdateFunctionConfiguration}: new memory, timeout, description or {@code
   * DeadLetterConfig.TargetArn} for {@code $LATEST} (null keeps the current value; an empty target
   * removes the dead-letter queue). Published versions keep theirs; invocations in flight finish
   * with the settings they started with
   * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html).
   *
   * @return the function's configuration after the update
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function; {@code
   *     InvalidParameterValueException} (400) for memory outside 128-10,240 MB, a timeout outside
   *     1-900 s or a dead-letter target that is not an SQS queue or SNS topic of the simulation;
   *     {@code ValidationException} (400) for a description over 256 characters; nothing changes
   *     then
   */
  public FunctionConfiguration updateFunctionConfiguration(
      String functionName,
      Integer memorySize,
      Duration timeout,
      String description,
      String deadLetterTargetArn) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      if (deadLetterTargetArn != null
          && !deadLetterTargetArn.isEmpty()
          && !destinations.exists(deadLetterTargetArn)) {
        throw LambdaErrors.invalidParameterValue(
            "The provided target ARN is not an existing SQS queue or SNS topic: "
                + deadLetterTargetArn);
      }
      if (memorySize != null) {
        checkMemorySize(memorySize);
      }
      if (timeout != null) {
        checkTimeout(timeout);
      }
      checkDescription(description);
      if (memorySize != null) {
        f.memorySize = memorySize;
      }
      if (timeout != null) {
        f.timeout = timeout;
      }
      if (description != null) {
        f.description = description;
      }
      if (deadLetterTargetArn != null) {
        f.deadLetterTargetArn = deadLetterTargetArn.isEmpty() ? null : deadLetterTargetArn;
      }
      f.changed();
      return describeVersion(f, LATEST);
    }
  }

  /**
   * {@code ListVersionsByFunction}: {@code $LATEST}, then each published version in order, with the
   * settings it froze
   * (https://docs.aws.amazon.com/lambda/latest/api/API_ListVersionsByFunction.html).
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public List<FunctionConfiguration> listVersionsByFunction(String functionName) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      List<FunctionConfiguration> out = new ArrayList<>(f.publishedVersions + 1);
      out.add(describeVersion(f, LATEST));
      for (int v = 1; v <= f.publishedVersions; v++) {
        out.add(describeVersion(f, Integer.toString(v)));
      }
      return out;
    }
  }

  private FunctionConfiguration describeVersion(FunctionState f, String version) {
    FunctionState.Version v = f.settings(version);
    return new FunctionConfiguration(
        f.name,
        f.arn,
        v.memorySize(),
        v.timeout(),
        f.reserved,
        f.publishedVersions,
        version,
        v.description(),
        f.deadLetterTargetArn,
        f.codeSha256,
        v.revisionId());
  }

  /**
   * {@code DeleteFunction}: removes the function with its versions, provisioned concurrency
   * configurations and reservation, which go back to the account at once. As in AWS, nothing that
   * uses the function stops the deletion
   * (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html): invocations in flight
   * finish on their environments; event source mappings stay (delete them with {@link
   * #deleteEventSourceMapping}) and their batches fail until a function of the same name exists
   * again; events still in the function's asynchronous queue are discarded.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public void deleteFunction(String functionName) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      if (f.hasReservation()) {
        // In-flight invocations finish; from now on they count as unreserved concurrency.
        totalReserved -= f.reserved;
        f.reserved = -1;
        unreservedInFlight += f.inFlight;
      }
      f.provisioned.clear();
      f.deleted = true;
      functions.remove(f.name);
      allocationChanged();
      ctx.trace().record(LambdaEventType.FUNCTION_DELETED, f.name);
    }
  }

  /** The names of the functions, in creation order. */
  public List<String> listFunctions() {
    synchronized (ctx.lock()) {
      return List.copyOf(functions.keySet());
    }
  }

  // ---------------------------------------------------------------- concurrency

  /**
   * {@code PutFunctionConcurrency}: reserves concurrency for a function. It is both the function's
   * maximum and a share no other function may use; 0 throttles every invocation.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function; {@code
   *     InvalidParameterValueException} (400) for a negative value or one that would leave the
   *     unreserved pool below its minimum (100)
   */
  public void putFunctionConcurrency(String functionName, int reservedConcurrentExecutions) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      if (reservedConcurrentExecutions < 0) {
        throw LambdaErrors.invalidParameterValue(
            "ReservedConcurrentExecutions must not be negative: " + reservedConcurrentExecutions);
      }
      if (reservedConcurrentExecutions < f.provisionedTotal()) {
        throw LambdaErrors.invalidParameterValue(
            "ReservedConcurrentExecutions must be at least the function's provisioned concurrency: "
                + f.provisionedTotal());
      }
      int newTotal = totalReserved - Math.max(0, f.reserved) + reservedConcurrentExecutions;
      if (limits.accountConcurrency() - newTotal - provisionedOutsideReservations(f)
          < limits.unreservedConcurrencyMinimum()) {
        throw LambdaErrors.invalidParameterValue(
            "Specified ReservedConcurrentExecutions for function decreases account's"
                + " UnreservedConcurrentExecution below its minimum value of ["
                + limits.unreservedConcurrencyMinimum()
                + "].");
      }
      if (!f.hasReservation()) {
        unreservedInFlight -= f.inFlight;
      }
      totalReserved = newTotal;
      f.reserved = reservedConcurrentExecutions;
      allocationChanged();
      ctx.trace()
          .record(
              LambdaEventType.CONCURRENCY_CHANGED,
              functionName,
              ImmutableMap.of("reserved", Integer.toString(reservedConcurrentExecutions)));
    }
  }

  /**
   * {@code GetFunctionConcurrency}: the function's reserved concurrency, empty if it has none.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public OptionalInt getFunctionConcurrency(String functionName) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      return f.hasReservation() ? OptionalInt.of(f.reserved) : OptionalInt.empty();
    }
  }

  /**
   * {@code DeleteFunctionConcurrency}: returns the function to the unreserved pool.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public void deleteFunctionConcurrency(String functionName) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      if (!f.hasReservation()) {
        return;
      }
      totalReserved -= f.reserved;
      f.reserved = -1;
      unreservedInFlight += f.inFlight;
      allocationChanged();
      ctx.trace()
          .record(
              LambdaEventType.CONCURRENCY_CHANGED,
              functionName,
              ImmutableMap.of("reserved", "none"));
    }
  }

  /**
   * {@code GetAccountSettings}' {@code AccountLimit.UnreservedConcurrentExecutions}: the account's
   * concurrency quota minus the concurrency reserved for functions
   * (https://docs.aws.amazon.com/lambda/latest/api/API_AccountLimit.html).
   */
  public int unreservedConcurrentExecutions() {
    synchronized (ctx.lock()) {
      return limits.accountConcurrency() - totalReserved;
    }
  }

  /** Invocations running now across the account. */
  public int concurrentExecutions() {
    synchronized (ctx.lock()) {
      return totalInFlight;
    }
  }

  /**
   * Invocations of {@code functionName} running now.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public int concurrentExecutions(String functionName) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      return f.inFlight + f.provisionedInFlight();
    }
  }

  /**
   * Execution environments {@code functionName} has created (busy or idle).
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public int environments(String functionName) {
    synchronized (ctx.lock()) {
      return function(functionName).environments();
    }
  }

  /**
   * {@code PublishVersion} without preconditions or description: as {@link #publishVersion(String,
   * String, String, String)} with all three null.
   *
   * @return the version published, or the latest one when nothing changed since it
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public String publishVersion(String functionName) {
    return publishVersion(functionName, null, null, null);
  }

  /**
   * {@code PublishVersion}: a numbered version ("1", "2", ...) of the function. A version shares
   * the handler of {@code $LATEST} and freezes its memory, timeout and description (or {@code
   * description}, which overrides it for the version); invoke one as {@code name:version}. "Lambda
   * doesn't publish a version if the function's configuration and code haven't changed since the
   * last version" (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html): then the
   * answer is that last version, as AWS gives it (observed by LocalStack's AWS-validated tests),
   * and {@code description} is ignored. Any successful UpdateFunctionConfiguration counts as a
   * change. A new version also gives {@code $LATEST} a new {@code RevisionId}, as AWS does.
   *
   * @param codeSha256 publish only if the function's {@code CodeSha256} is this; null for any
   * @param revisionId publish only if {@code $LATEST}'s {@code RevisionId} is this; null for any
   * @param description the version's description, or null for that of {@code $LATEST}
   * @return the version published, or the latest one when nothing changed since it
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function; {@code
   *     PreconditionFailedException} (412) for another {@code RevisionId}; {@code
   *     InvalidParameterValueException} (400) for another {@code CodeSha256}; {@code
   *     ValidationException} (400) for a description over 256 characters; nothing changes then
   */
  public String publishVersion(
      String functionName, String codeSha256, String revisionId, String description) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      // The order of the checks is AWS's, as LocalStack's AWS-validated provider makes them.
      if (revisionId != null && !revisionId.equals(f.revisionId)) {
        throw LambdaErrors.preconditionFailed(
            "The Revision Id provided does not match the latest Revision Id. Call the"
                + " GetFunction/GetAlias API to retrieve the latest Revision Id");
      }
      if (codeSha256 != null && !codeSha256.equals(f.codeSha256)) {
        throw LambdaErrors.invalidParameterValue(
            "CodeSHA256 ("
                + codeSha256
                + ") is different from current CodeSHA256 in $LATEST ("
                + f.codeSha256
                + "). Please try again with the CodeSHA256 in $LATEST.");
      }
      checkDescription(description);
      if (!f.versions.isEmpty()
          && f.versions.get(f.versions.size() - 1).publishedFrom() == f.configRevision) {
        return Integer.toString(f.publishedVersions);
      }
      f.versions.add(
          new FunctionState.Version(
              f.memorySize,
              f.timeout,
              description == null ? f.description : description,
              f.nextRevisionId(),
              f.configRevision));
      f.publishedVersions++;
      f.revisionId = f.nextRevisionId();
      return Integer.toString(f.publishedVersions);
    }
  }

  // ---------------------------------------------------------------- aliases

  /**
   * {@code CreateAlias}: a name for a version of the function, optionally routing a share of
   * invocations to a second version ({@code RoutingConfig.AdditionalVersionWeights}, drawn from the
   * seeded stream {@code lambda/alias/<function>/<alias>})
   * (https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html,
   * https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html). Invoke it as
   * {@code name:alias}.
   *
   * @param additionalVersionWeights the second version and its share (0.0-1.0), or null or empty
   * @param description the description, or null
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function or
   *     version; {@code ResourceConflictException} (409) for an alias name already taken; {@code
   *     ValidationException} (400) for a bad name; {@code InvalidParameterValueException} (400) for
   *     a routing configuration AWS refuses
   */
  public AliasConfiguration createAlias(
      String functionName,
      String name,
      String functionVersion,
      String description,
      Map<String, Double> additionalVersionWeights) {
    checkNotNull(name, "name");
    checkNotNull(functionVersion, "functionVersion");
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      if (!ALIAS_NAME.matcher(name).matches()
          || name.length() > LambdaLimits.ALIAS_NAME_MAXIMUM_LENGTH) {
        throw LambdaErrors.validation(
            "1 validation error detected: Value '"
                + name
                + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression"
                + " pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
      }
      if (f.aliases.containsKey(name)) {
        throw LambdaErrors.resourceConflict("Alias already exists: " + f.arn + ":" + name);
      }
      String version = version(f, functionVersion);
      FunctionState.Alias alias =
          new FunctionState.Alias(
              name, version, ctx.random().stream("lambda/alias/" + f.name + "/" + name));
      routing(f, alias, version, additionalVersionWeights);
      alias.description = description == null ? "" : description;
      f.aliases.put(name, alias);
      return describe(f, alias);
    }
  }

  /**
   * {@code GetAlias}.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function or
   *     alias
   */
  public AliasConfiguration getAlias(String functionName, String name) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      return describe(f, alias(f, name));
    }
  }

  /**
   * {@code UpdateAlias}: another version, description or routing; null keeps the current value, an
   * empty weight map removes the routing.
   *
   * @throws LambdaException as {@link #createAlias}, and {@code ResourceNotFoundException} (404)
   *     for an unknown alias
   */
  public AliasConfiguration updateAlias(
      String functionName,
      String name,
      String functionVersion,
      String description,
      Map<String, Double> additionalVersionWeights) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      FunctionState.Alias alias = alias(f, name);
      String version =
          functionVersion == null ? alias.functionVersion : version(f, functionVersion);
      Map<String, Double> weights = additionalVersionWeights;
      if (weights == null && alias.additionalVersion != null) {
        weights = Map.of(alias.additionalVersion, alias.additionalWeight);
      }
      // Checked on a copy first, so that a refused update changes nothing.
      FunctionState.Alias checked = new FunctionState.Alias(name, version, alias.routing);
      routing(f, checked, version, weights);
      if (f.provisioned.containsKey(name) && !version.equals(alias.functionVersion)) {
        checkProvisionedVersionFree(f, name, version);
      }
      alias.functionVersion = version;
      alias.additionalVersion = checked.additionalVersion;
      alias.additionalWeight = checked.additionalWeight;
      if (description != null) {
        alias.description = description;
      }
      return describe(f, alias);
    }
  }

  /**
   * {@code DeleteAlias}, with its provisioned concurrency configuration. Event source mappings on
   * the alias stay and fail until an alias of that name exists again, as with DeleteFunction. An
   * alias that does not exist is no error: AWS answers 204 then (observed by LocalStack's
   * AWS-validated test, https://github.com/localstack/localstack/pull/11878;
   * https://docs.aws.amazon.com/lambda/latest/api/API_DeleteAlias.html lists no error for it).
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public void deleteAlias(String functionName, String name) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      if (f.aliases.remove(name) != null) {
        f.provisioned.remove(name);
        allocationChanged();
      }
    }
  }

  /**
   * {@code ListAliases}: the function's aliases in creation order, optionally only those pointing
   * to {@code functionVersion} (null for all).
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public List<AliasConfiguration> listAliases(String functionName, String functionVersion) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      List<AliasConfiguration> out = new ArrayList<>();
      for (FunctionState.Alias a : f.aliases.values()) {
        if (functionVersion == null
            || a.functionVersion.equals(functionVersion)
            || functionVersion.equals(a.additionalVersion)) {
          out.add(describe(f, a));
        }
      }
      return out;
    }
  }

  private AliasConfiguration describe(FunctionState f, FunctionState.Alias a) {
    return new AliasConfiguration(
        f.arn + ":" + a.name,
        a.name,
        a.functionVersion,
        a.description,
        a.additionalVersion == null ? Map.of() : Map.of(a.additionalVersion, a.additionalWeight));
  }

  private static FunctionState.Alias alias(FunctionState f, String name) {
    FunctionState.Alias a = name == null ? null : f.aliases.get(name);
    if (a == null) {
      throw LambdaErrors.resourceNotFound(f.arn + ":" + name, "Alias");
    }
    return a;
  }

  /** {@code $LATEST} or a published version of {@code f}; aliases are not versions. */
  private static String version(FunctionState f, String version) {
    if (f.aliases.containsKey(version)) {
      throw LambdaErrors.resourceNotFound(f.arn + ":" + version, "Function");
    }
    return qualifier(f, version);
  }

  /** Checks and sets the routing of {@code alias} (primary {@code version}). */
  private static void routing(
      FunctionState f, FunctionState.Alias alias, String version, Map<String, Double> weights) {
    alias.additionalVersion = null;
    alias.additionalWeight = 0;
    if (weights == null || weights.isEmpty()) {
      return;
    }
    if (weights.size() > LambdaLimits.ALIAS_MAXIMUM_ADDITIONAL_VERSIONS) {
      throw LambdaErrors.invalidParameterValue(
          "Number of items in AdditionalVersionWeights cannot be greater than "
              + LambdaLimits.ALIAS_MAXIMUM_ADDITIONAL_VERSIONS);
    }
    Map.Entry<String, Double> e = weights.entrySet().iterator().next();
    Double weight = e.getValue();
    if (weight == null || !(weight >= 0.0 && weight <= 1.0)) {
      throw LambdaErrors.invalidParameterValue(
          "Invalid function version weight: " + weight + ". Weights must be between 0.0 and 1.0");
    }
    if (version.equals(LATEST)) {
      throw LambdaErrors.invalidParameterValue(
          "$LATEST is not supported for an alias pointing to more than 1 version");
    }
    if (!VERSION_NUMBER.matcher(e.getKey()).matches()) {
      throw LambdaErrors.invalidParameterValue(
          "Invalid version in AdditionalVersionWeights: " + e.getKey());
    }
    String second = qualifier(f, e.getKey());
    if (second.equals(version)) {
      throw LambdaErrors.invalidParameterValue(
          "Cannot set a function version's weight in AdditionalVersionWeights when it is the"
              + " alias's primary version: "
              + second);
    }
    alias.additionalVersion = second;
    alias.additionalWeight = weight;
  }

  /**
   * The version an invocation of {@code qualifier} runs: the qualifier itself, or an alias's
   * version (the second one with its routing weight); null when the alias no longer exists.
   */
  private static String executedVersion(FunctionState f, String qualifier) {
    if (qualifier.equals(LATEST) || VERSION_NUMBER.matcher(qualifier).matches()) {
      return qualifier;
    }
    FunctionState.Alias a = f.aliases.get(qualifier);
    if (a == null) {
      return null;
    }
    if (a.additionalVersion != null && a.routing.nextDouble() < a.additionalWeight) {
      return a.additionalVersion;
    }
    return a.functionVersion;
  }

  /** Whether {@code qualifier} still names a version or alias of {@code f}. */
  private static boolean exists(FunctionState f, String qualifier) {
    try {
      qualifier(f, qualifier);
      return true;
    } catch (LambdaException e) {
      return false;
    }
  }

  /** The version a qualifier's provisioned concurrency serves: an alias's primary version. */
  private static String provisionedVersion(FunctionState f, String qualifier) {
    FunctionState.Alias a = f.aliases.get(qualifier);
    return a == null ? qualifier : a.functionVersion;
  }

  /**
   * One provisioned concurrency configuration per version: refuses one for {@code qualifier} when
   * another version or alias already provisions {@code version}
   * (https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html).
   */
  private static void checkProvisionedVersionFree(
      FunctionState f, String qualifier, String version) {
    for (String other : f.provisioned.keySet()) {
      if (!other.equals(qualifier) && provisionedVersion(f, other).equals(version)) {
        throw LambdaErrors.resourceConflict(
            "Alias or version "
                + other
                + " already has provisioned concurrency on version "
                + version
                + " of function "
                + f.name);
      }
    }
  }

  /**
   * {@code PutProvisionedConcurrencyConfig}: pre-initialized environments for a published version.
   * They count against the function's reservation or the unreserved pool at once, and serve
   * invocations once READY, after {@link LambdaLimits#provisionedAllocationDelay()}; when all are
   * busy, invocations spill over to on-demand concurrency.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function or
   *     version; {@code InvalidParameterValueException} (400) for {@code $LATEST}, a value below 1,
   *     more than the function's reservation, or one leaving the unreserved pool below 100
   */
  public void putProvisionedConcurrencyConfig(
      String functionName, String qualifier, int provisionedConcurrentExecutions) {
    checkNotNull(qualifier, "qualifier");
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      if (qualifier.equals(LATEST)) {
        throw LambdaErrors.invalidParameterValue(
            "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
      }
      String key = qualifier(f, qualifier);
      if (provisionedConcurrentExecutions < 1) {
        throw LambdaErrors.invalidParameterValue(
            "ProvisionedConcurrentExecutions must be at least 1: "
                + provisionedConcurrentExecutions);
      }
      checkProvisionedVersionFree(f, key, provisionedVersion(f, key));
      FunctionState.Provisioned old = f.provisioned.get(key);
      int newTotal =
          f.provisionedTotal()
              - (old == null ? 0 : old.requested)
              + provisionedConcurrentExecutions;
      boolean tooMuch =
          f.hasReservation()
              ? newTotal > f.reserved
              : limits.accountConcurrency()
                      - totalReserved
                      - provisionedOutsideReservations(f)
                      - newTotal
                  < limits.unreservedConcurrencyMinimum();
      if (tooMuch) {
        throw LambdaErrors.invalidParameterValue(
            "Requested Provisioned Concurrency exceeds the function's reserved concurrency or"
                + " leaves the account's unreserved concurrency below its minimum value of ["
                + limits.unreservedConcurrencyMinimum()
                + "].");
      }
      FunctionState.Provisioned p = new FunctionState.Provisioned(provisionedConcurrentExecutions);
      f.provisioned.put(key, p);
      allocationChanged();
      ctx.scheduler().after(limits.provisionedAllocationDelay(), () -> p.ready = true);
    }
  }

  /**
   * {@code DeleteProvisionedConcurrencyConfig}: removes the provisioned concurrency of a version or
   * alias; its environments go back to the function's reservation or the unreserved pool at once
   * (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteProvisionedConcurrencyConfig.html).
   * Invocations running on them finish, outside every concurrency count [SIM]; later invocations of
   * that qualifier run on demand.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function,
   *     version or alias, or one without a configuration
   */
  public void deleteProvisionedConcurrencyConfig(String functionName, String qualifier) {
    checkNotNull(qualifier, "qualifier");
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      if (f.provisioned.remove(qualifier(f, qualifier)) == null) {
        throw LambdaErrors.notFound("No Provisioned Concurrency Config found for this function");
      }
      allocationChanged();
    }
  }

  /**
   * {@code GetProvisionedConcurrencyConfig}'s {@code Status}: {@code IN_PROGRESS} or {@code READY}.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function or a
   *     version without a configuration
   */
  public String getProvisionedConcurrencyConfigStatus(String functionName, String qualifier) {
    synchronized (ctx.lock()) {
      FunctionState.Provisioned p = function(functionName).provisioned.get(qualifier);
      if (p == null) {
        throw LambdaErrors.resourceNotFound(functionName + ":" + qualifier);
      }
      return p.ready ? "READY" : "IN_PROGRESS";
    }
  }

  // ---------------------------------------------------------------- async configuration

  /**
   * {@code PutFunctionEventInvokeConfig} on the unqualified function ({@code $LATEST}): as {@link
   * #putFunctionEventInvokeConfig(String, String, EventInvokeConfig)} with no qualifier.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function; {@code
   *     InvalidParameterValueException} (400) for retries outside 0-2, an age outside 60 s - 6 h or
   *     a destination that is not an SQS queue or SNS topic of the simulation
   */
  public void putFunctionEventInvokeConfig(String functionName, EventInvokeConfig config) {
    putFunctionEventInvokeConfig(functionName, null, config);
  }

  /**
   * {@code PutFunctionEventInvokeConfig}: retries, maximum event age and destinations of
   * asynchronous invocations of a function ({@code qualifier} null or {@code $LATEST}), a version
   * or an alias, replacing any settings it had
   * (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html). An event
   * uses the settings of the qualifier it was invoked with, else those of the unqualified function,
   * else AWS's defaults (a simulator decision: AWS does not say whether a version without settings
   * falls back to the function's).
   *
   * @return the settings as stored
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function,
   *     version or alias; {@code InvalidParameterValueException} (400) for retries outside 0-2, an
   *     age outside 60 s - 6 h or a destination that is not an SQS queue or SNS topic of the
   *     simulation, and then nothing changes
   */
  public FunctionEventInvokeConfig putFunctionEventInvokeConfig(
      String functionName, String qualifier, EventInvokeConfig config) {
    checkNotNull(config, "config");
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      String key = qualifier(f, qualifier == null ? LATEST : qualifier);
      checkEventInvokeConfig(config);
      f.eventConfigs.put(key, new FunctionState.EventInvokeSetting(config, ctx.clock().nanos()));
      return describeEventInvokeConfig(f, key);
    }
  }

  /**
   * {@code UpdateFunctionEventInvokeConfig}: changes the existing settings of a function ({@code
   * qualifier} null or {@code $LATEST}), version or alias; {@code change} receives the settings
   * stored now and returns the new ones, which are checked as by Put.
   *
   * @return the settings as stored
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function,
   *     version or alias, or one without settings; {@code InvalidParameterValueException} (400) as
   *     for Put, and then nothing changes
   */
  public FunctionEventInvokeConfig updateFunctionEventInvokeConfig(
      String functionName,
      String qualifier,
      java.util.function.UnaryOperator<EventInvokeConfig> change) {
    checkNotNull(change, "change");
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      String key = qualifier(f, qualifier == null ? LATEST : qualifier);
      EventInvokeConfig updated = change.apply(eventInvokeSetting(f, key).config());
      checkNotNull(updated, "updated config");
      checkEventInvokeConfig(updated);
      f.eventConfigs.put(key, new FunctionState.EventInvokeSetting(updated, ctx.clock().nanos()));
      return describeEventInvokeConfig(f, key);
    }
  }

  /**
   * {@code GetFunctionEventInvokeConfig} of a function ({@code qualifier} null or {@code $LATEST}),
   * version or alias.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function,
   *     version or alias, or one without settings
   */
  public FunctionEventInvokeConfig getFunctionEventInvokeConfig(
      String functionName, String qualifier) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      String key = qualifier(f, qualifier == null ? LATEST : qualifier);
      eventInvokeSetting(f, key);
      return describeEventInvokeConfig(f, key);
    }
  }

  /**
   * {@code DeleteFunctionEventInvokeConfig}: events invoked with that qualifier go back to the
   * function's settings, or AWS's defaults.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function,
   *     version or alias, or one without settings
   */
  public void deleteFunctionEventInvokeConfig(String functionName, String qualifier) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      String key = qualifier(f, qualifier == null ? LATEST : qualifier);
      eventInvokeSetting(f, key);
      f.eventConfigs.remove(key);
    }
  }

  /**
   * {@code ListFunctionEventInvokeConfigs}: the settings of the function, its versions and aliases,
   * in the order they were first configured.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public List<FunctionEventInvokeConfig> listFunctionEventInvokeConfigs(String functionName) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      List<FunctionEventInvokeConfig> out = new ArrayList<>(f.eventConfigs.size());
      for (String key : f.eventConfigs.keySet()) {
        out.add(describeEventInvokeConfig(f, key));
      }
      return out;
    }
  }

  private void checkEventInvokeConfig(EventInvokeConfig config) {
    if (config.maximumRetryAttempts() < 0
        || config.maximumRetryAttempts() > limits.maximumRetryAttempts()) {
      throw LambdaErrors.invalidParameterValue(
          "MaximumRetryAttempts must be between 0 and " + limits.maximumRetryAttempts());
    }
    Duration age = config.maximumEventAge();
    if (age == null
        || age.compareTo(limits.minimumEventAge()) < 0
        || age.compareTo(limits.maximumEventAge()) > 0) {
      throw LambdaErrors.invalidParameterValue(
          "MaximumEventAgeInSeconds must be between "
              + limits.minimumEventAge().toSeconds()
              + " and "
              + limits.maximumEventAge().toSeconds());
    }
    for (String arn : new String[] {config.onSuccessDestination(), config.onFailureDestination()}) {
      if (arn != null && !destinations.exists(arn)) {
        throw LambdaErrors.invalidParameterValue(
            "The destination ARN "
                + arn
                + " is not an existing standard SQS queue or SNS topic of this simulation");
      }
    }
  }

  private static FunctionState.EventInvokeSetting eventInvokeSetting(FunctionState f, String key) {
    FunctionState.EventInvokeSetting s = f.eventConfigs.get(key);
    if (s == null) {
      throw LambdaErrors.notFound(
          "The function " + f.arn + ":" + key + " has no EventInvokeConfig");
    }
    return s;
  }

  private FunctionEventInvokeConfig describeEventInvokeConfig(FunctionState f, String key) {
    FunctionState.EventInvokeSetting s = f.eventConfigs.get(key);
    return new FunctionEventInvokeConfig(
        f.arn + ":" + key, ctx.clock().toInstant(s.lastModifiedNanos()), s.config());
  }

  /** The settings an async event invoked with {@code qualifier} follows. */
  private static EventInvokeConfig eventConfig(FunctionState f, String qualifier) {
    FunctionState.EventInvokeSetting s = f.eventConfigs.get(qualifier);
    if (s == null) {
      s = f.eventConfigs.get(LATEST);
    }
    return s == null ? EventInvokeConfig.defaults() : s.config();
  }

  /**
   * {@code DeadLetterConfig} of {@code UpdateFunctionConfiguration}: the SQS queue that receives
   * asynchronous events discarded after their retries or maximum age, or null to remove it
   * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html), or an SNS topic, which
   * publishes it with the same attributes.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function; {@code
   *     InvalidParameterValueException} (400) for a target that is not an existing standard SQS
   *     queue or SNS topic
   */
  public void putDeadLetterConfig(String functionName, String targetArn) {
    synchronized (ctx.lock()) {
      FunctionState f = function(functionName);
      if (targetArn != null && !destinations.exists(targetArn)) {
        throw LambdaErrors.invalidParameterValue(
            "The provided target ARN is not an existing SQS queue or SNS topic: " + targetArn);
      }
      f.deadLetterTargetArn = targetArn;
      f.changed();
    }
  }

  /**
   * The asynchronous invocation settings in force for the unqualified function: those put last, or
   * AWS's defaults when none were put.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function
   */
  public EventInvokeConfig getFunctionEventInvokeConfig(String functionName) {
    synchronized (ctx.lock()) {
      return eventConfig(function(functionName), LATEST);
    }
  }

  // ---------------------------------------------------------------- invoke

  /**
   * {@code Invoke}. {@code RequestResponse} runs the handler and, when called from test code,
   * advances virtual time to the invocation's end before it returns; {@code Event} queues the event
   * and returns 202 at once; {@code DryRun} checks the function exists and returns 204.
   *
   * @param payload the event object handed to a {@link RequestHandler} (such as an {@code
   *     SQSEvent}), or the bytes (or UTF-8 string) for a {@link RequestStreamHandler}
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function; {@code
   *     TooManyRequestsException} (429) when a limit refuses the call
   * @throws IllegalStateException for {@code RequestResponse} called from inside a scheduled task
   *     (use {@link #invoke(String, Object, Consumer)} there)
   */
  public InvokeResult invoke(String functionName, InvocationType type, Object payload) {
    checkNotNull(type, "type");
    checkPayloadSize(type, payloadBytes(payload));
    synchronized (ctx.lock()) {
      String[] target = qualified(functionName);
      FunctionState f = function(target[0]);
      String qualifier = qualifier(f, target[1]);
      switch (type) {
        case DRY_RUN:
          return new InvokeResult(type.statusCode(), null, null, null, null, Duration.ZERO, null);
        case EVENT:
          return enqueue(f, qualifier, payload);
        case REQUEST_RESPONSE:
        default:
          if (ctx.scheduler().isRunningTask()) {
            throw new IllegalStateException(
                "a synchronous invoke inside a scheduled task cannot wait on virtual time;"
                    + " use invoke(name, payload, callback)");
          }
          List<InvokeResult> done = new ArrayList<>(1);
          long end = startSync(f, qualifier, payload, done::add);
          ctx.scheduler().advanceUntil(() -> !done.isEmpty(), end);
          return done.get(0);
      }
    }
  }

  /**
   * A synchronous ({@code RequestResponse}) invocation that completes later: admission and the
   * handler run now, and {@code onComplete} receives the result at the invocation's end on virtual
   * time. For simulated callers inside scheduled tasks, and for tests that need many invocations in
   * flight at once.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function; {@code
   *     TooManyRequestsException} (429) when a limit refuses the call (nothing changes then)
   */
  public void invoke(String functionName, Object payload, Consumer<InvokeResult> onComplete) {
    checkNotNull(onComplete, "onComplete");
    checkPayloadSize(InvocationType.REQUEST_RESPONSE, payloadBytes(payload));
    synchronized (ctx.lock()) {
      String[] target = qualified(functionName);
      FunctionState f = function(target[0]);
      startSync(f, qualifier(f, target[1]), payload, onComplete);
    }
  }

  /**
   * Checks the size of an {@code Invoke} request's payload: at most 6 MB for {@code
   * RequestResponse} and {@code DryRun}, 1 MB for {@code Event}
   * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). {@link #invoke(String,
   * InvocationType, Object)} checks payloads given as bytes or text itself; a caller that decodes
   * the payload into an event object first (such as the SDK client) checks its bytes here.
   *
   * @throws LambdaException {@code RequestTooLargeException} (413) for a larger payload
   */
  public static void checkPayloadSize(InvocationType type, long bytes) {
    int maximum =
        type == InvocationType.EVENT
            ? LambdaLimits.ASYNCHRONOUS_PAYLOAD_MAXIMUM_BYTES
            : LambdaLimits.SYNCHRONOUS_PAYLOAD_MAXIMUM_BYTES;
    if (bytes > maximum) {
      throw LambdaErrors.requestTooLarge(
          "Request must be smaller than "
              + maximum
              + " bytes for the "
              + (type == InvocationType.EVENT ? "InvokeAsync" : "InvokeFunction")
              + " operation");
    }
  }

  /** The size of a payload given as bytes or text (UTF-8); 0 for an event object. */
  private static long payloadBytes(Object payload) {
    if (payload instanceof byte[] bytes) {
      return bytes.length;
    }
    if (payload instanceof String text) {
      // UTF-8 takes at most 3 bytes per char: only a long text needs counting.
      return (long) text.length() * 3 <= LambdaLimits.ASYNCHRONOUS_PAYLOAD_MAXIMUM_BYTES
          ? text.length()
          : text.getBytes(StandardCharsets.UTF_8).length;
    }
    return 0;
  }

  private long startSync(
      FunctionState f, String qualifier, Object payload, Consumer<InvokeResult> onComplete) {
    long now = ctx.clock().nanos();
    ThrottleReason reason = admissionRefusal(f, qualifier, now, true);
    if (reason != null) {
      throw throttled(f, reason, now);
    }
    requestRate.tryConsume(1, now);
    return run(f, qualifier, nextRequestId(), payload, onComplete);
  }

  /** An SNS delivery to function {@code name}: queued as an async event, or a client error. */
  private DeliveryStatus fromSns(String name, String json) {
    synchronized (ctx.lock()) {
      FunctionState f = functions.get(name);
      if (f == null) {
        return DeliveryStatus.CLIENT_ERROR; // deleted: SNS does not retry
      }
      SNSEvent event;
      try {
        event = SnsSubscriptions.event(json);
      } catch (RuntimeException e) {
        return DeliveryStatus.SERVER_ERROR;
      }
      queue(f, LATEST, event, ctx.clock().nanos());
      return DeliveryStatus.DELIVERED;
    }
  }

  private InvokeResult enqueue(FunctionState f, String qualifier, Object payload) {
    long now = ctx.clock().nanos();
    ThrottleDecision rate = requestRate.estimate(1, now);
    if (rate.isRejected()) {
      throw throttled(f, rateReason(f), now);
    }
    requestRate.tryConsume(1, now);
    return queue(f, qualifier, payload, now);
  }

  private InvokeResult queue(FunctionState f, String qualifier, Object payload, long now) {
    String requestId = nextRequestId();
    AsyncEvent event = new AsyncEvent(f, qualifier, requestId, payload, now);
    ctx.metrics().record(NAMESPACE, "AsyncEventsReceived", f.dimensions, 1);
    ctx.trace()
        .record(LambdaEventType.EVENT_QUEUED, f.name, ImmutableMap.of("requestId", requestId));
    ctx.scheduler().atNanos(now, () -> tryAsync(event));
    return new InvokeResult(
        InvocationType.EVENT.statusCode(), requestId, null, null, null, Duration.ZERO, null);
  }

  // ---------------------------------------------------------------- admission

  /**
   * Why an invocation of {@code f} would be refused at {@code now}, or null if it is admitted.
   * Reads state only: the caller commits by running the invocation.
   */
  private ThrottleReason admissionRefusal(
      FunctionState f, String qualifier, long now, boolean rateLimited) {
    if (rateLimited && requestRate.estimate(1, now).isRejected()) {
      return rateReason(f);
    }
    if (idleProvisioned(f, qualifier) != null) {
      return null; // provisioned environments are already claimed from the pools
    }
    if (f.hasReservation()) {
      if (f.inFlight >= f.reserved - f.provisionedTotal()) {
        return ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded;
      }
    } else if (unreservedInFlight
        >= limits.accountConcurrency() - totalReserved - provisionedOutsideReservations(null)) {
      return ThrottleReason.ConcurrentInvocationLimitExceeded;
    }
    if (f.idle == 0 && f.scaling.estimate(1, now).isRejected()) {
      return rateReason(f);
    }
    return null;
  }

  private static FunctionState.Provisioned idleProvisioned(FunctionState f, String qualifier) {
    FunctionState.Provisioned p = f.provisioned.get(qualifier);
    return p != null && p.ready && p.inFlight < p.requested ? p : null;
  }

  /** Provisioned concurrency of functions without a reservation, except {@code excluded}. */
  private int provisionedOutsideReservations(FunctionState excluded) {
    int total = 0;
    for (FunctionState f : functions.values()) {
      if (f != excluded && !f.hasReservation()) {
        total += f.provisionedTotal();
      }
    }
    return total;
  }

  private static ThrottleReason rateReason(FunctionState f) {
    return f.hasReservation()
        ? ThrottleReason.ReservedFunctionInvocationRateLimitExceeded
        : ThrottleReason.FunctionInvocationRateLimitExceeded;
  }

  private LambdaException throttled(FunctionState f, ThrottleReason reason, long now) {
    recordThrottle(f, reason);
    long waitNanos =
        switch (reason) {
          case FunctionInvocationRateLimitExceeded, ReservedFunctionInvocationRateLimitExceeded ->
              Math.max(
                  f.scaling.estimate(1, now).waitNanos(), requestRate.estimate(1, now).waitNanos());
          default -> 0L;
        };
    long seconds =
        waitNanos == ThrottleDecision.NEVER ? 1 : (waitNanos + 999_999_999L) / 1_000_000_000L;
    return LambdaErrors.tooManyRequests(reason, seconds);
  }

  private void recordThrottle(FunctionState f, ThrottleReason reason) {
    ctx.metrics().record(NAMESPACE, "Throttles", f.dimensions, 1);
    ctx.trace().record(LambdaEventType.THROTTLED, f.name, ImmutableMap.of("reason", reason.name()));
  }

  // ---------------------------------------------------------------- running

  /** Takes an environment, runs the handler now, and schedules the end; returns the end time. */
  private long run(
      FunctionState f,
      String qualifier,
      String requestId,
      Object payload,
      Consumer<InvokeResult> onComplete) {
    long now = ctx.clock().nanos();
    String executed = executedVersion(f, qualifier);
    FunctionState.Provisioned provisioned = idleProvisioned(f, qualifier);
    // A cold start creates the environment; provisioned ones were initialized beforehand.
    boolean coldStart = provisioned == null && f.idle == 0;
    if (provisioned != null) {
      provisioned.inFlight++;
      ctx.metrics().record(NAMESPACE, "ProvisionedConcurrencyInvocations", f.dimensions, 1);
    } else {
      if (f.provisioned.containsKey(qualifier)) {
        ctx.metrics()
            .record(NAMESPACE, "ProvisionedConcurrencySpilloverInvocations", f.dimensions, 1);
      }
      if (f.idle > 0) {
        f.idle--;
      } else {
        f.scaling.tryConsume(1, now);
      }
      f.inFlight++;
      if (!f.hasReservation()) {
        unreservedInFlight++;
      }
    }
    totalInFlight++;
    recordConcurrency(f);
    ctx.metrics().record(NAMESPACE, "Invocations", f.dimensions, 1);
    ctx.trace().record(LambdaEventType.STARTED, f.name, ImmutableMap.of("requestId", requestId));

    FunctionState.Version settings = f.settings(executed == null ? LATEST : executed);
    long timeoutNanos = settings.timeoutNanos();
    LambdaContext context =
        new LambdaContext(
            requestId,
            f.name,
            qualifier.equals(LATEST) ? f.arn : f.arn + ":" + qualifier,
            executed,
            settings.memorySize(),
            settings.timeout());
    Object response;
    InvokeResult.FunctionError error = null;
    try {
      response = callHandler(f.handler, payload, context);
    } catch (RuntimeException | IOException e) {
      response = null;
      error = new InvokeResult.FunctionError(e.getClass().getName(), e.getMessage());
    }
    Duration declared =
        context.declaredDuration() != null
            ? context.declaredDuration()
            : f.durationModel.next(f.durations);
    long declaredNanos = saturatedNanos(declared);
    // A duration equal to the timeout is a timeout: the function had not returned before it.
    boolean timedOut = declaredNanos >= timeoutNanos;
    long took = timedOut ? timeoutNanos : declaredNanos;
    String timeoutSeconds =
        timedOut ? String.format(java.util.Locale.ROOT, "%.2f", timeoutNanos / 1e9) : null;
    if (timedOut) {
      response = null;
      error =
          new InvokeResult.FunctionError(
              "Sandbox.Timedout", "Task timed out after " + timeoutSeconds + " seconds");
    }
    String outcome = timedOut ? "TIMEOUT" : error != null ? "ERROR" : "SUCCESS";
    long end = now + took;
    ExecutionLog log =
        new ExecutionLog(
            requestId,
            executed == null ? LATEST : executed,
            context.messages(),
            took,
            settings.memorySize(),
            context.maxMemoryUsed(),
            coldStart,
            ctx.clock().toInstant(end),
            timeoutSeconds,
            error);
    InvokeResult result =
        new InvokeResult(
            InvocationType.REQUEST_RESPONSE.statusCode(),
            requestId,
            error == null ? null : UNHANDLED,
            error == null ? response : error,
            executed,
            Duration.ofNanos(took),
            log);
    ctx.scheduler()
        .atNanos(
            end,
            () -> {
              if (provisioned != null) {
                provisioned.inFlight--;
              } else {
                f.inFlight--;
                f.idle++;
                if (!f.hasReservation()) {
                  unreservedInFlight--;
                }
              }
              totalInFlight--;
              recordConcurrency(f);
              ctx.metrics().record(NAMESPACE, "Duration", f.dimensions, took / 1e6);
              if (result.isFunctionError()) {
                ctx.metrics().record(NAMESPACE, "Errors", f.dimensions, 1);
              }
              ctx.trace()
                  .record(
                      LambdaEventType.FINISHED,
                      f.name,
                      ImmutableMap.of("requestId", requestId, "outcome", outcome));
              onComplete.accept(result);
            });
    return end;
  }

  @SuppressWarnings("unchecked")
  private static Object callHandler(Object handler, Object payload, LambdaContext context)
      throws IOException {
    if (handler instanceof RequestStreamHandler stream) {
      byte[] in =
          payload instanceof byte[] bytes
              ? bytes.clone()
              : payload == null ? new byte[0] : payload.toString().getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      stream.handleRequest(new ByteArrayInputStream(in), out, context);
      return out.toByteArray();
    }
    // A payload of the wrong type fails inside the handler with ClassCastException, which is a
    // function error, as a payload the runtime cannot deserialize is in AWS.
    return ((RequestHandler<Object, Object>) handler).handleRequest(payload, context);
  }

  private void recordConcurrency(FunctionState f) {
    ctx.metrics()
        .record(
            NAMESPACE, "ConcurrentExecutions", f.dimensions, f.inFlight + f.provisionedInFlight());
    ctx.metrics().record(NAMESPACE, "ConcurrentExecutions", Dimensions.none(), totalInFlight);
    ctx.metrics()
        .record(NAMESPACE, "UnreservedConcurrentExecutions", Dimensions.none(), unreservedInFlight);
    // ClaimedAccountConcurrency "is equal to UnreservedConcurrentExecutions plus the amount of
    // allocated concurrency (i.e. the total reserved concurrency plus total provisioned
    // concurrency)"
    // (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-concurrency.html); provisioned
    // concurrency of a function with a reservation is part of that reservation, so it counts once.
    ctx.metrics()
        .record(
            NAMESPACE,
            "ClaimedAccountConcurrency",
            Dimensions.none(),
            unreservedInFlight + allocated);
  }

  private void allocationChanged() {
    allocated = totalReserved + provisionedOutsideReservations(null);
  }

  // ---------------------------------------------------------------- async queue

  private void tryAsync(AsyncEvent event) {
    FunctionState f = event.function;
    EventInvokeConfig config = eventConfig(f, event.qualifier);
    long now = ctx.clock().nanos();
    if (f.deleted || !exists(f, event.qualifier)) {
      ctx.trace()
          .record(
              LambdaEventType.EVENT_DROPPED,
              f.name,
              ImmutableMap.of("requestId", event.requestId, "condition", "FunctionDeleted"));
      return;
    }
    if (now - event.enqueuedNanos >= saturatedNanos(config.maximumEventAge())) {
      drop(event, "EventAgeExceeded", 429, null, null);
      return;
    }
    if (f.reserved == 0) {
      // Reserved concurrency 0: events go to the failure targets without retries.
      recordThrottle(f, ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded);
      drop(event, "RetriesExhausted", 429, null, null);
      return;
    }
    ThrottleReason reason = admissionRefusal(f, event.qualifier, now, false);
    if (reason != null) {
      recordThrottle(f, reason);
      event.throttles++;
      long initial = saturatedNanos(limits.throttleRetryInitialDelay());
      long max = saturatedNanos(limits.throttleRetryMaximumDelay());
      int shift = Math.min(event.throttles - 1, 40);
      long delay = Math.min(max, initial > (max >> shift) ? max : initial << shift);
      scheduleRetry(event, now + delay);
      return;
    }
    ctx.metrics()
        .record(NAMESPACE, "AsyncEventAge", f.dimensions, (now - event.enqueuedNanos) / 1e6);
    event.attempts++;
    run(
        f,
        event.qualifier,
        event.requestId,
        event.payload,
        result -> {
          event.executedVersion = result.executedVersion();
          asyncAttemptEnded(event, result);
        });
  }

  private void asyncAttemptEnded(AsyncEvent event, InvokeResult result) {
    FunctionState f = event.function;
    EventInvokeConfig config = eventConfig(f, event.qualifier);
    if (!result.isFunctionError()) {
      deliver(
          config.onSuccess(),
          config.onSuccessDestination(),
          event,
          "Success",
          200,
          null,
          result.payload());
      return;
    }
    if (event.attempts > config.maximumRetryAttempts()) {
      drop(event, "RetriesExhausted", 200, UNHANDLED, result.payload());
      return;
    }
    Duration wait = event.attempts == 1 ? limits.firstRetryDelay() : limits.secondRetryDelay();
    scheduleRetry(event, ctx.clock().nanos() + saturatedNanos(wait));
  }

  private void scheduleRetry(AsyncEvent event, long at) {
    ctx.trace()
        .record(
            LambdaEventType.EVENT_RETRY_SCHEDULED,
            event.function.name,
            ImmutableMap.of(
                "requestId", event.requestId, "at", ctx.clock().toInstant(at).toString()));
    ctx.scheduler().atNanos(at, () -> tryAsync(event));
  }

  private void drop(
      AsyncEvent event, String condition, int status, String functionError, Object response) {
    FunctionState f = event.function;
    sendToDeadLetterQueue(event, status, response);
    ctx.metrics().record(NAMESPACE, "AsyncEventsDropped", f.dimensions, 1);
    ctx.trace()
        .record(
            LambdaEventType.EVENT_DROPPED,
            f.name,
            ImmutableMap.of("requestId", event.requestId, "condition", condition));
    EventInvokeConfig config = eventConfig(f, event.qualifier);
    deliver(
        config.onFailure(),
        config.onFailureDestination(),
        event,
        condition,
        status,
        functionError,
        response);
  }

  /**
   * Sends a discarded event to the function's dead-letter queue as it is, with the message
   * attributes {@code RequestID}, {@code ErrorCode} (the status) and {@code ErrorMessage} (its
   * first 1 KB) (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html); a failed send
   * counts in {@code DeadLetterErrors}.
   */
  private void sendToDeadLetterQueue(AsyncEvent event, int status, Object response) {
    FunctionState f = event.function;
    if (f.deadLetterTargetArn == null) {
      return;
    }
    String message =
        response instanceof InvokeResult.FunctionError error
            ? error.errorMessage()
            : status == 429 ? "Rate Exceeded." : "";
    if (message == null) {
      message = "";
    }
    if (message.length() > LambdaLimits.DEAD_LETTER_ERROR_MESSAGE_LENGTH) {
      message = message.substring(0, LambdaLimits.DEAD_LETTER_ERROR_MESSAGE_LENGTH);
    }
    Object payload = event.payload;
    String body =
        payload instanceof byte[] bytes
            ? new String(bytes, StandardCharsets.UTF_8)
            : String.valueOf(payload);
    Map<String, String[]> attributes = new LinkedHashMap<>();
    attributes.put("RequestID", new String[] {"String", event.requestId});
    attributes.put("ErrorCode", new String[] {"Number", Integer.toString(status)});
    attributes.put("ErrorMessage", new String[] {"String", message.isEmpty() ? " " : message});
    if (!destinations.send(f.deadLetterTargetArn, body, attributes)) {
      ctx.metrics().record(NAMESPACE, "DeadLetterErrors", f.dimensions, 1);
    }
  }

  private void deliver(
      Consumer<InvocationRecord> callback,
      String arn,
      AsyncEvent event,
      String condition,
      int status,
      String functionError,
      Object response) {
    if (callback == null && arn == null) {
      return;
    }
    FunctionState f = event.function;
    InvocationRecord record =
        new InvocationRecord(
            ctx.clock().now(),
            event.requestId,
            f.arn,
            condition,
            event.attempts,
            event.payload,
            status,
            event.executedVersion != null
                ? event.executedVersion
                : provisionedVersion(f, event.qualifier),
            functionError,
            response);
    ctx.trace()
        .record(
            LambdaEventType.DESTINATION_DELIVERED,
            f.name,
            ImmutableMap.of("requestId", event.requestId, "condition", condition));
    if (callback != null) {
      callback.accept(record);
    }
    if (arn != null && !destinations.send(arn, record.toJson(), Map.of())) {
      ctx.metrics().record(NAMESPACE, "DestinationDeliveryFailures", f.dimensions, 1);
    }
  }

  // ---------------------------------------------------------------- event source mappings

  /**
   * {@code CreateEventSourceMapping}: connects an SQS queue, a Kinesis stream or a DynamoDB stream
   * of this model's Region to a function, which then receives batches on virtual time (see the
   * package essay). Needs a model made by {@link #create(AwsSimulator)} or {@link
   * #create(SimulatedRegion)}, which knows the other services.
   *
   * @return the mapping, with AWS's defaults filled in
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown function or
   *     event source; {@code InvalidParameterValueException} (400) for a parameter outside AWS's
   *     ranges or one that does not apply to the source
   */
  public EventSourceMapping createEventSourceMapping(EventSourceMappingConfig config) {
    checkNotNull(config, "config");
    synchronized (ctx.lock()) {
      String[] target = qualified(config.functionName());
      FunctionState f = function(target[0]);
      String qualifier = qualifier(f, target[1]);
      if (region == null) {
        throw LambdaErrors.invalidParameterValue(
            "Event source mappings need a Lambda model made by Lambda.create(AwsSimulator)"
                + " or Lambda.create(SimulatedRegion)");
      }
      return mappings.create(region, f, qualifier, config);
    }
  }

  /**
   * {@code GetEventSourceMapping}.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown UUID
   */
  public EventSourceMapping getEventSourceMapping(String uuid) {
    synchronized (ctx.lock()) {
      return mappings.get(uuid);
    }
  }

  /**
   * {@code ListEventSourceMappings}: the mappings in creation order, optionally only those of one
   * function or one event source (either may be null).
   */
  public List<EventSourceMapping> listEventSourceMappings(
      String functionName, String eventSourceArn) {
    synchronized (ctx.lock()) {
      return mappings.list(functionName, eventSourceArn);
    }
  }

  /**
   * {@code UpdateEventSourceMapping}: new parameters, or another function, for an existing mapping
   * (its source and starting position stay). The answer is in state {@code Updating}; the new
   * parameters apply {@link LambdaLimits#MAPPING_UPDATE_DELAY} later, when the state becomes {@code
   * Enabled} or {@code Disabled}. Disabling stops polling (batches in flight finish); enabling
   * again resumes a stream from its checkpoint.
   *
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown UUID or
   *     function; {@code InvalidParameterValueException} (400) as for create, or for a different
   *     source or starting position; {@code ResourceInUseException} (400) while the mapping is
   *     {@code Updating}; {@code ResourceConflictException} (409) if the function already has a
   *     mapping of that source
   */
  public EventSourceMapping updateEventSourceMapping(String uuid, EventSourceMappingConfig config) {
    checkNotNull(config, "config");
    synchronized (ctx.lock()) {
      String[] target = qualified(config.functionName());
      FunctionState f = function(target[0]);
      String qualifier = qualifier(f, target[1]);
      return mappings.update(uuid, f, qualifier, config);
    }
  }

  /**
   * {@code DeleteEventSourceMapping}: stops polling; batches in flight finish.
   *
   * @return the mapping, in state {@code Deleting}
   * @throws LambdaException {@code ResourceNotFoundException} (404) for an unknown UUID
   */
  public EventSourceMapping deleteEventSourceMapping(String uuid) {
    synchronized (ctx.lock()) {
      return mappings.delete(uuid);
    }
  }

  /**
   * A synchronous invocation by an event source mapping: concurrency and scaling apply, the account
   * request rate does not. Returns true when the invocation started ({@code onComplete} receives
   * its result at its end); false when it was throttled (recorded in {@code Throttles}) or the
   * function no longer exists (a mapping outlives its function, and finds a function created again
   * under the same name).
   */
  boolean invokeForMapping(
      FunctionState mapped, String qualifier, Object payload, Consumer<InvokeResult> onComplete) {
    FunctionState f = mapped.deleted ? functions.get(mapped.name) : mapped;
    if (f == null || !exists(f, qualifier)) {
      ctx.trace()
          .record(
              LambdaEventType.MAPPING_INVOKE_FAILED,
              mapped.name,
              ImmutableMap.of("errorCode", "ResourceNotFoundException"));
      return false;
    }
    long now = ctx.clock().nanos();
    ThrottleReason reason = admissionRefusal(f, qualifier, now, false);
    if (reason != null) {
      recordThrottle(f, reason);
      return false;
    }
    run(f, qualifier, nextRequestId(), payload, onComplete);
    return true;
  }

  // ---------------------------------------------------------------- helpers

  /** Where records and dead-letter events go (SQS queues, SNS topics). */
  Destinations destinations() {
    return destinations;
  }

  /** Splits {@code name:qualifier}; AWS accepts a qualified name as FunctionName. */
  private static String[] qualified(String functionName) {
    checkNotNull(functionName, "functionName");
    int colon = functionName.indexOf(':');
    return colon < 0
        ? new String[] {functionName, LATEST}
        : new String[] {functionName.substring(0, colon), functionName.substring(colon + 1)};
  }

  private static String qualifier(FunctionState f, String qualifier) {
    if (qualifier.equals(LATEST) || f.aliases.containsKey(qualifier)) {
      return qualifier;
    }
    try {
      int version = Integer.parseInt(qualifier);
      if (version >= 1 && version <= f.publishedVersions) {
        return qualifier;
      }
    } catch (NumberFormatException e) {
      // not a version number: not found below
    }
    throw LambdaErrors.resourceNotFound(f.name + ":" + qualifier);
  }

  private FunctionState function(String functionName) {
    checkNotNull(functionName, "functionName");
    FunctionState f = functions.get(functionName);
    if (f == null) {
      throw LambdaErrors.resourceNotFound(functionName);
    }
    return f;
  }

  private String nextRequestId() {
    return RandomIds.uuid(requestIds).toString();
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
