package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.engine.time.Cancellable;
import dev.awssim.internal.RandomIds;
import dev.awssim.internal.SimulationContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The simulated Amazon API Gateway of one account in one Region: REST APIs (resources, methods,
 * deployments, stages, caching, canaries, usage plans and API keys) and HTTP APIs (routes, stages,
 * route throttling), with AWS's token-bucket throttling on the virtual clock. See the package
 * documentation for the model.
 *
 * <pre>{@code
 * ApiGateway gateway = sim.apiGateway();
 * RestApi api = gateway.createRestApi("pets");
 * String pets = gateway.createResource(api.id(), api.rootResourceId(), "pets");
 * gateway.putMethod(api.id(), pets, "GET", Integration.mock(200, "[]"));
 * String deployment = gateway.createDeployment(api.id());
 * gateway.createStage(api.id(), "prod", deployment, StageSettings.defaults()
 *     .withDefaultMethodSettings(MethodSettings.defaults().withThrottle(new ThrottleSettings(10, 5))));
 * ApiResponse r = gateway.invoke(api.id(), "prod", "GET", "/pets");
 * }</pre>
 *
 * <p>Management calls throw {@link ApiGatewayException} ({@code BadRequestException}, {@code
 * NotFoundException}, {@code ConflictException}, {@code LimitExceededException}) and change nothing
 * when they do. Requests never throw for throttling: they return a 429 {@link ApiResponse}.
 */
public final class ApiGateway {
  private final SimulationContext context;
  private final ApiGatewayLimits limits;
  private final RandomGenerator ids;
  private final LevelBucket account;
  private final RestApis rest;
  private final HttpApis http;
  private final UsagePlans plans;
  private final RequestHandler handler;

  /**
   * The stage the last request named, with its API id and stage name (guarded by the simulation's
   * lock). A simulated client sends many requests to one stage, and an API id and stage name, once
   * they name a stage, name that stage for good (no API or stage is ever deleted), so the next
   * request to it skips the two or three map lookups.
   */
  private String lastApiId;

  private String lastStageName;
  private Stage lastStage;

  /**
   * Creates the API Gateway of a simulation.
   *
   * @throws NullPointerException if an argument is null
   */
  public ApiGateway(SimulationContext context, ApiGatewayLimits limits) {
    this.context = checkNotNull(context, "context");
    this.limits = checkNotNull(limits, "limits");
    this.ids = context.random().stream("apigateway/ids");
    this.account =
        new LevelBucket(
            ThrottleLevel.ACCOUNT,
            new ThrottleSettings(limits.accountRateLimit(), limits.accountBurstLimit()));
    this.rest = new RestApis(context, this::newId);
    this.http = new HttpApis(context, this::newId);
    this.plans =
        new UsagePlans(
            context.lock(),
            context.clock(),
            limits,
            ids,
            this::newId,
            (apiId, stageName) -> rest.stage(apiId, stageName));
    this.handler =
        new RequestHandler(context.clock(), context.trace(), account, plans.keysByValue());
  }

  /** The limits this gateway enforces. */
  public ApiGatewayLimits limits() {
    return limits;
  }

  // ---------------------------------------------------------------- REST APIs

  /**
   * Creates a REST API with its root resource {@code /}.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public RestApi createRestApi(String name) {
    return rest.createRestApi(name);
  }

  /**
   * Creates a child resource of {@code parentId} with one path part such as {@code pets}, {@code
   * {id}} or {@code {proxy+}}, and returns its id.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or parent; {@code
   *     BadRequestException} for an invalid path part; {@code ConflictException} if the resource
   *     exists
   * @throws NullPointerException if {@code pathPart} is null
   */
  public String createResource(String apiId, String parentId, String pathPart) {
    return rest.createResource(apiId, parentId, pathPart);
  }

  /**
   * Creates the resources of {@code path} (such as {@code /pets/{id}}) that do not exist yet and
   * returns the id of the last one.
   *
   * @throws ApiGatewayException as {@link #createResource}
   * @throws NullPointerException if {@code path} is null
   */
  public String createResourcePath(String apiId, String path) {
    return rest.createResourcePath(apiId, path);
  }

  /**
   * Puts a method without API key or cache key parameters.
   *
   * @throws ApiGatewayException as {@link #putMethod(String, String, String, Integration, boolean,
   *     List)}
   */
  public void putMethod(
      String apiId, String resourceId, String httpMethod, Integration integration) {
    rest.putMethod(apiId, resourceId, httpMethod, integration);
  }

  /**
   * Puts a method ({@code GET}, {@code POST}, ..., or {@code ANY}) on a resource, with its
   * integration, whether it requires an API key, and its cache key parameters (such as {@code
   * method.request.querystring.id}, {@code method.request.header.Accept}, {@code
   * method.request.path.id}).
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or resource; {@code
   *     BadRequestException} for an unknown HTTP method or a bad cache key parameter; {@code
   *     ConflictException} if the method exists
   * @throws NullPointerException if {@code httpMethod} or {@code integration} is null
   */
  public void putMethod(
      String apiId,
      String resourceId,
      String httpMethod,
      Integration integration,
      boolean apiKeyRequired,
      List<String> cacheKeyParameters) {
    rest.putMethod(apiId, resourceId, httpMethod, integration, apiKeyRequired, cacheKeyParameters);
  }

  /**
   * Puts a method without an integration yet, as AWS's {@code PutMethod} does
   * (https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html); {@link #putIntegration}
   * gives it one, and the API cannot be deployed before.
   *
   * @throws ApiGatewayException as {@link #putMethod(String, String, String, Integration, boolean,
   *     List)}
   * @throws NullPointerException if {@code httpMethod} is null
   */
  public void putMethod(
      String apiId,
      String resourceId,
      String httpMethod,
      boolean apiKeyRequired,
      List<String> cacheKeyParameters) {
    rest.putMethod(apiId, resourceId, httpMethod, apiKeyRequired, cacheKeyParameters);
  }

  /**
   * Sets (or replaces) a method's integration, as {@code PutIntegration} does
   * (https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html), with the cache key
   * parameters AWS takes on the integration (null keeps none). Replacing an integration drops its
   * integration responses. Stages serve the change only after the next deployment.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or resource, or
   *     "Invalid Method identifier specified" for a method not put; {@code BadRequestException} for
   *     a bad cache key parameter
   * @throws NullPointerException if {@code httpMethod} or {@code integration} is null
   */
  public void putIntegration(
      String apiId,
      String resourceId,
      String httpMethod,
      Integration integration,
      List<String> cacheKeyParameters) {
    rest.putIntegration(apiId, resourceId, httpMethod, integration, cacheKeyParameters);
  }

  /**
   * Declares a status code the method can answer, as {@code PutMethodResponse} does
   * (https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethodResponse.html); an integration
   * response needs its method response.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API, resource or method;
   *     {@code BadRequestException} unless the status code is 100 to 599; {@code ConflictException}
   *     if the method already has a response for it
   * @throws NullPointerException if {@code httpMethod} is null
   */
  public void putMethodResponse(
      String apiId, String resourceId, String httpMethod, int statusCode) {
    rest.putMethodResponse(apiId, resourceId, httpMethod, statusCode);
  }

  /**
   * Sets the integration response for {@code statusCode}, as {@code PutIntegrationResponse} does
   * (https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegrationResponse.html): a {@link
   * Integration#mock()} or {@link Integration#mock(int)} integration answers with the response
   * whose {@code selectionPattern} (a regular expression on the status code) matches, else the one
   * without a pattern (the default). {@code body} is the response mapping template, served as it is
   * written: mapping templates (VTL) are not evaluated [SIM]. Java functions and fixed mocks answer
   * for themselves and ignore integration responses.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API, resource or method,
   *     "Invalid Integration identifier specified" before {@link #putIntegration}, or "Invalid
   *     Response status code specified" without the {@link #putMethodResponse method response};
   *     {@code BadRequestException} for a status code outside 100 to 599 or a selection pattern
   *     that is not a regular expression
   * @throws NullPointerException if {@code httpMethod} or {@code body} is null
   */
  public void putIntegrationResponse(
      String apiId,
      String resourceId,
      String httpMethod,
      int statusCode,
      String selectionPattern,
      String body) {
    rest.putIntegrationResponse(apiId, resourceId, httpMethod, statusCode, selectionPattern, body);
  }

  /**
   * The resources of a REST API, in the order they were created (the root {@code /} first).
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API
   */
  public List<ResourceDescription> getResources(String apiId) {
    return rest.getResources(apiId);
  }

  /**
   * Snapshots the API's resources and methods into a new deployment and returns its id.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API; {@code
   *     BadRequestException} if the API has no methods, or "No integration defined for method" if a
   *     method has no integration
   */
  public String createDeployment(String apiId) {
    return rest.createDeployment(apiId);
  }

  /**
   * Snapshots the API into a new deployment and points {@code stageName} at it, as CreateDeployment
   * with a {@code stageName} does: the stage is created (with {@code variables}) if it does not
   * exist, else it serves the new deployment with {@code variables} added to its own. Returns the
   * deployment's id.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API; {@code
   *     BadRequestException} if the API has no methods, for an invalid stage name or variable, or
   *     if the stage has a canary (canary-release.html); nothing changes then
   * @throws NullPointerException if {@code stageName} or {@code variables} is null
   */
  public String createDeployment(String apiId, String stageName, Map<String, String> variables) {
    return rest.createDeployment(apiId, stageName, variables);
  }

  /**
   * Creates a stage on {@code deploymentId} with default settings.
   *
   * @throws ApiGatewayException as {@link #createStage(String, String, String, StageSettings)}
   */
  public void createStage(String apiId, String stageName, String deploymentId) {
    rest.createStage(apiId, stageName, deploymentId);
  }

  /**
   * Creates a stage on {@code deploymentId}.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or deployment
   *     (including the canary's); {@code BadRequestException} for an invalid stage name; {@code
   *     ConflictException} if the stage exists
   * @throws NullPointerException if {@code stageName} or {@code settings} is null
   */
  public void createStage(
      String apiId, String stageName, String deploymentId, StageSettings settings) {
    rest.createStage(apiId, stageName, deploymentId, settings);
  }

  /**
   * Replaces a stage's settings. Stage buckets whose settings did not change keep their tokens, and
   * a bucket whose settings changed keeps its tokens up to its new burst (see {@link
   * #updateStage(String, String, List)}); changing the cache size (or disabling the cache) drops
   * every cached entry.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API, stage or canary
   *     deployment
   * @throws NullPointerException if {@code settings} is null
   */
  public void updateStage(String apiId, String stageName, StageSettings settings) {
    rest.updateStage(apiId, stageName, settings);
  }

  /**
   * Applies UpdateStage's patch operations to a REST stage, in order, and returns the stage as it
   * is afterwards ({@code https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateStage.html}).
   * The paths, such as {@code /~1pets/GET/throttling/rateLimit}, {@code /variables/version} or
   * {@code /cacheClusterSize}, are listed on {@link PatchOperation}'s documentation and in the
   * package documentation. A changed throttle applies to the stage's buckets from this instant of
   * virtual time: AWS documents no propagation delay for stage settings, so the simulator applies
   * them at once (a simulator reading). A bucket whose rate or burst changes keeps the tokens it
   * holds, up to the new burst, and refills at the new rate (AWS does not say; a simulator
   * reading), so lowering the rate throttles at once rather than after a fresh burst.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API, stage or deployment;
   *     {@code BadRequestException} for an unknown path, an operation the path does not take, or a
   *     value AWS refuses (a negative rate or burst, a TTL over 3,600 s, an unknown cache size);
   *     the stage is then unchanged
   * @throws NullPointerException if {@code patchOperations} or one of them is null
   */
  public StageDescription updateStage(
      String apiId, String stageName, List<PatchOperation> patchOperations) {
    return rest.patchStage(apiId, stageName, patchOperations, account.settings);
  }

  /** Every REST API of the account, in the order they were created. */
  public List<RestApi> getRestApis() {
    return rest.getRestApis();
  }

  /**
   * A REST API.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API
   */
  public RestApi getRestApi(String apiId) {
    return rest.getRestApi(apiId);
  }

  /**
   * The stages of a REST API, in the order they were created.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API
   */
  public List<StageDescription> getStages(String apiId) {
    return rest.getStages(apiId);
  }

  /**
   * A REST stage: its name, deployment and settings.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or stage
   */
  public StageDescription getStageDescription(String apiId, String stageName) {
    return rest.getStageDescription(apiId, stageName);
  }

  /**
   * Points a stage at another deployment.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API, stage or deployment;
   *     {@code BadRequestException} while the stage has a canary (canary-release.html)
   */
  public void updateStageDeployment(String apiId, String stageName, String deploymentId) {
    rest.updateStageDeployment(apiId, stageName, deploymentId);
  }

  /**
   * A stage's settings.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or stage
   */
  public StageSettings getStage(String apiId, String stageName) {
    return rest.getStage(apiId, stageName);
  }

  /**
   * The deployment a stage serves (not counting its canary).
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or stage
   */
  public String getStageDeploymentId(String apiId, String stageName) {
    return rest.getStageDeploymentId(apiId, stageName);
  }

  /**
   * Promotes a stage's canary: the stage serves the canary deployment, with the canary's stage
   * variable overrides merged into its variables, and the canary is removed.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or stage; {@code
   *     BadRequestException} if the stage has no canary
   */
  public void promoteCanary(String apiId, String stageName) {
    rest.promoteCanary(apiId, stageName);
  }

  /**
   * Removes a stage's canary; all traffic goes to the stage's deployment.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or stage
   */
  public void deleteCanary(String apiId, String stageName) {
    rest.deleteCanary(apiId, stageName);
  }

  /**
   * Drops every entry of a stage's cache.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or stage
   */
  public void flushStageCache(String apiId, String stageName) {
    rest.flushStageCache(apiId, stageName);
  }

  // ---------------------------------------------------------------- HTTP APIs

  /**
   * Creates an HTTP API and returns its id.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public String createApi(String name) {
    return http.createApi(name);
  }

  /**
   * Creates a route such as {@code GET /pets/{id}}, {@code ANY /{proxy+}} or {@code $default};
   * every stage of the API serves it at once (auto-deploy).
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API; {@code
   *     BadRequestException} for a malformed route key or an integration timeout over 30 s; {@code
   *     ConflictException} if it exists
   * @throws NullPointerException if {@code routeKey} or {@code integration} is null
   */
  public void createRoute(String apiId, String routeKey, Integration integration) {
    http.createRoute(apiId, routeKey, integration);
  }

  /**
   * Creates an HTTP API stage.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API or a route setting for
   *     an unknown route; {@code BadRequestException} for an invalid stage name; {@code
   *     ConflictException} if it exists
   * @throws NullPointerException if {@code stageName} or {@code settings} is null
   */
  public void createStage(String apiId, String stageName, HttpStageSettings settings) {
    http.createStage(apiId, stageName, settings);
  }

  /**
   * Replaces an HTTP API stage's settings; route buckets whose settings did not change keep their
   * tokens.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API, stage or route
   * @throws NullPointerException if {@code settings} is null
   */
  public void updateStage(String apiId, String stageName, HttpStageSettings settings) {
    http.updateStage(apiId, stageName, settings);
  }

  // ---------------------------------------------------------------- usage plans and keys

  /**
   * Creates a usage plan and returns its id.
   *
   * @throws ApiGatewayException {@code NotFoundException} if a stage of the plan does not exist;
   *     {@code BadRequestException} if a method throttle names no method of the stage
   * @throws NullPointerException if {@code settings} is null
   */
  public String createUsagePlan(UsagePlanSettings settings) {
    return plans.createUsagePlan(settings);
  }

  /**
   * Creates an enabled API key with a generated 40-character value.
   *
   * @throws ApiGatewayException {@code LimitExceededException} over 10,000 keys
   * @throws NullPointerException if {@code name} is null
   */
  public ApiKey createApiKey(String name) {
    return plans.createApiKey(name);
  }

  /**
   * Creates an API key with {@code value} (20 to 128 letters and digits), or a generated
   * 40-character value when {@code value} is null.
   *
   * @throws ApiGatewayException {@code BadRequestException} for an invalid value or a name over
   *     1,024 characters; {@code ConflictException} if the value is taken; {@code
   *     LimitExceededException} over the account's key limit
   * @throws NullPointerException if {@code name} is null
   */
  public ApiKey createApiKey(String name, String value, boolean enabled) {
    return plans.createApiKey(name, value, enabled);
  }

  /**
   * Enables or disables an API key; a disabled key gets 403.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown key
   */
  public ApiKey updateApiKey(String keyId, boolean enabled) {
    return plans.updateApiKey(keyId, enabled);
  }

  /**
   * Applies UpdateApiKey's patch operations ({@code op=replace} of {@code /enabled} or {@code
   * /name}; {@code /description} and {@code /customerId} are accepted and not stored) and returns
   * the key. A key disabled here is refused (403) from this instant.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown key; {@code
   *     BadRequestException} for another path or operation or a bad value, and the key is unchanged
   * @throws NullPointerException if {@code patchOperations} or one of them is null
   */
  public ApiKey updateApiKey(String keyId, List<PatchOperation> patchOperations) {
    return plans.updateApiKey(keyId, patchOperations);
  }

  /** Every API key of the account, in the order they were created. */
  public List<ApiKey> getApiKeys() {
    return plans.getApiKeys();
  }

  /**
   * The keys of a usage plan, in the order they were added.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown plan
   */
  public List<ApiKey> getUsagePlanKeys(String usagePlanId) {
    return plans.getUsagePlanKeys(usagePlanId);
  }

  /** Every usage plan of the account, in the order they were created. */
  public List<UsagePlanDescription> getUsagePlans() {
    return plans.getUsagePlans();
  }

  /**
   * A usage plan.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown plan
   */
  public UsagePlanDescription getUsagePlan(String usagePlanId) {
    return plans.getUsagePlan(usagePlanId);
  }

  /**
   * Applies UpdateUsagePlan's patch operations to a plan, in order, and returns it as it is
   * afterwards ({@code
   * https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateUsagePlan.html}): {@code
   * /throttle/rateLimit}, {@code /throttle/burstLimit}, {@code /quota/limit}, {@code
   * /quota/period}, {@code /quota/offset}, {@code /apiStages} (add or remove {@code apiId:stage}),
   * {@code /apiStages/apiId:stage/throttle/~1pets/GET/rateLimit}, {@code /name}, and remove of
   * {@code /throttle} or {@code /quota}. The change applies to every key of the plan from this
   * instant of virtual time (AWS documents no delay; a simulator reading): each key's bucket keeps
   * its tokens up to the new burst and refills at the new rate, and the requests a key has made in
   * the current quota period count against the new limit (AWS does not say; a simulator reading).
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown plan or stage; {@code
   *     BadRequestException} for an unknown path, an operation the path does not take, or a value
   *     AWS refuses; {@code ConflictException} if an added stage already has one of the plan's keys
   *     in another plan; the plan is then unchanged
   * @throws NullPointerException if {@code patchOperations} or one of them is null
   */
  public UsagePlanDescription updateUsagePlan(
      String usagePlanId, List<PatchOperation> patchOperations) {
    return plans.updateUsagePlan(usagePlanId, patchOperations, account.settings);
  }

  /**
   * An API key.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown key
   */
  public ApiKey getApiKey(String keyId) {
    return plans.getApiKey(keyId);
  }

  /**
   * Adds an API key to a usage plan: from now on, the key's requests to the plan's stages pass the
   * plan's throttle and quota.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown plan or key; {@code
   *     ConflictException} if the key is already in this plan, or in another plan with one of this
   *     plan's stages (api-gateway-api-usage-plans.html)
   */
  public void createUsagePlanKey(String usagePlanId, String keyId) {
    plans.createUsagePlanKey(usagePlanId, keyId);
  }

  /**
   * The usage of every key of a plan, per UTC day from {@code startDate} to {@code endDate}
   * inclusive, with the quota remaining at the end of each day.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown plan; {@code
   *     BadRequestException} if the end is before the start
   * @throws NullPointerException if {@code startDate} or {@code endDate} is null
   */
  public Usage getUsage(String usagePlanId, LocalDate startDate, LocalDate endDate) {
    return plans.getUsage(usagePlanId, startDate, endDate);
  }

  /**
   * The usage of one key of a plan, as {@link #getUsage(String, LocalDate, LocalDate)}.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown plan or a key not in it;
   *     {@code BadRequestException} if the end is before the start
   * @throws NullPointerException if {@code keyId}, {@code startDate} or {@code endDate} is null
   */
  public Usage getUsage(String usagePlanId, String keyId, LocalDate startDate, LocalDate endDate) {
    return plans.getUsage(usagePlanId, keyId, startDate, endDate);
  }

  /**
   * The quota left now for a key in a plan, or empty if the plan has no quota.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown plan or a key not in it
   */
  public OptionalLong remainingQuota(String usagePlanId, String keyId) {
    return plans.remainingQuota(usagePlanId, keyId);
  }

  // ---------------------------------------------------------------- requests

  /**
   * Sends a request without key, headers or body.
   *
   * @throws ApiGatewayException as {@link #invoke(ApiRequest)}
   */
  public ApiResponse invoke(String apiId, String stage, String httpMethod, String path) {
    return invoke(ApiRequest.of(apiId, stage, httpMethod, path));
  }

  /**
   * Sends a request through the stage: route, API key, quota, throttling, cache and integration.
   * Throttling, quota, key and routing failures are gateway responses (429, 403), not exceptions.
   * An unknown stage or route gets 403 {@code MISSING_AUTHENTICATION_TOKEN}, as in AWS.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API id (AWS has no
   *     endpoint to answer)
   * @throws NullPointerException if {@code request} is null
   */
  public ApiResponse invoke(ApiRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      Stage stage = stageOf(request.apiId(), request.stage());
      if (stage == null) {
        return ApiResponse.gateway(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, null, false);
      }
      return handler.handle(request, stage, stage.resource);
    }
  }

  /**
   * Sends a request as {@link #invoke(ApiRequest)} does, and delivers the response to {@code
   * callback} after the response's latency of virtual time (at once for mocks, cache hits and
   * gateway responses), for simulated clients that run as scheduled tasks.
   *
   * <pre>{@code
   * sim.every(Duration.ofMillis(10), () -> gateway.invokeAsync(request, responses::add));
   * }</pre>
   *
   * @throws ApiGatewayException as {@link #invoke(ApiRequest)}
   * @throws NullPointerException if {@code callback} is null
   */
  public Cancellable invokeAsync(ApiRequest request, Consumer<ApiResponse> callback) {
    checkNotNull(callback, "callback");
    ApiResponse response = invoke(request);
    return context.scheduler().afterNanos(response.latencyNanos(), () -> callback.accept(response));
  }

  /**
   * The token buckets that would apply to {@code request} now, in AWS's order of evaluation (usage
   * plan, stage or method, account), with their tokens; nothing is taken. Empty when the request
   * matches no route or has no valid key where one is required.
   *
   * @throws ApiGatewayException {@code NotFoundException} for an unknown API id
   * @throws NullPointerException if {@code request} is null
   */
  public List<BucketState> throttleState(ApiRequest request) {
    checkNotNull(request, "request");
    synchronized (context.lock()) {
      return handler.throttleState(request, stageOf(request.apiId(), request.stage()));
    }
  }

  /** The account's bucket now: shared by every API of the simulated account in the Region. */
  public BucketState accountThrottleState() {
    synchronized (context.lock()) {
      return account.state(context.clock().nanos());
    }
  }

  // ---------------------------------------------------------------- helpers

  private Stage stageOf(String apiId, String stageName) {
    if (lastStage != null && apiId.equals(lastApiId) && stageName.equals(lastStageName)) {
      return lastStage;
    }
    Stage stage;
    RestApiModel restApi = rest.find(apiId);
    if (restApi != null) {
      stage = restApi.stages.get(stageName);
    } else {
      HttpApiModel httpApi = http.find(apiId);
      if (httpApi == null) {
        throw ApiGatewayErrors.notFound("Invalid API identifier specified");
      }
      stage = httpApi.stages.get(stageName);
    }
    if (stage != null) {
      lastApiId = apiId;
      lastStageName = stageName;
      lastStage = stage;
    }
    return stage;
  }

  private String newId() {
    return RandomIds.alphanumeric(ids, 10).toLowerCase(Locale.ROOT);
  }
}
