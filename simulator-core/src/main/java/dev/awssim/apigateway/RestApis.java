package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.apigateway.ApiGatewayErrors.require;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.SimulationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The REST APIs of the gateway: resources, methods, deployments, stages with their method settings,
 * caches and canaries. {@link ApiGateway} documents each operation; this class holds the state and
 * the rules, under the simulation's lock.
 */
final class RestApis {
  private static final Pattern CACHE_KEY_PARAMETER =
      Pattern.compile("method\\.request\\.(querystring|header|path)\\.[^.]+");

  private final SimulationContext context;
  private final Supplier<String> newId;
  private final Map<String, RestApiModel> restApis = new LinkedHashMap<>();

  RestApis(SimulationContext context, Supplier<String> newId) {
    this.context = context;
    this.newId = newId;
  }

  /** The API with {@code apiId}, or null. */
  RestApiModel find(String apiId) {
    return restApis.get(apiId);
  }

  Stage stage(String apiId, String stageName) {
    return restStage(restApi(apiId), stageName);
  }

  RestApi createRestApi(String name) {
    checkNotNull(name, "name");
    synchronized (context.lock()) {
      RestApi info = new RestApi(newId.get(), name, newId.get());
      restApis.put(info.id(), new RestApiModel(info));
      return info;
    }
  }

  String createResource(String apiId, String parentId, String pathPart) {
    checkNotNull(pathPart, "pathPart");
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      RestApiModel.Resource parent = api.resources.get(parentId);
      if (parent == null) {
        throw ApiGatewayErrors.notFound("Invalid Resource identifier specified");
      }
      require(
          Router.PATH_PART.matcher(pathPart).matches(),
          "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the"
              + " end and an optional plus sign before the closing brace: "
              + pathPart);
      String path = parent.childPath(pathPart);
      for (RestApiModel.Resource r : api.resources.values()) {
        if (r.path.equals(path)) {
          throw ApiGatewayErrors.conflict(
              "Another resource with the same parent already has this name: " + pathPart);
        }
      }
      String id = newId.get();
      api.resources.put(id, new RestApiModel.Resource(id, parentId, pathPart, path));
      return id;
    }
  }

  String createResourcePath(String apiId, String path) {
    checkNotNull(path, "path");
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      String id = api.info.rootResourceId();
      for (String part : Router.segments(path)) {
        String childPath = api.resources.get(id).childPath(part);
        String existing = null;
        for (RestApiModel.Resource r : api.resources.values()) {
          if (r.path.equals(childPath)) {
            existing = r.id;
          }
        }
        id = existing != null ? existing : createResource(apiId, id, part);
      }
      return id;
    }
  }

  void putMethod(String apiId, String resourceId, String httpMethod, Integration integration) {
    putMethod(apiId, resourceId, httpMethod, integration, false, ImmutableList.of());
  }

  void putMethod(
      String apiId,
      String resourceId,
      String httpMethod,
      Integration integration,
      boolean apiKeyRequired,
      List<String> cacheKeyParameters) {
    checkNotNull(integration, "integration");
    synchronized (context.lock()) {
      putMethod(apiId, resourceId, httpMethod, apiKeyRequired, cacheKeyParameters).integration =
          integration;
    }
  }

  RestApiModel.Method putMethod(
      String apiId,
      String resourceId,
      String httpMethod,
      boolean apiKeyRequired,
      List<String> cacheKeyParameters) {
    checkNotNull(httpMethod, "httpMethod");
    synchronized (context.lock()) {
      RestApiModel.Resource resource = resource(apiId, resourceId);
      String method = httpMethod.toUpperCase(Locale.ROOT);
      require(Router.isKnownMethod(method), "Invalid HTTP method: " + httpMethod);
      ImmutableList<String> keys = cacheKeys(cacheKeyParameters);
      if (resource.methods.containsKey(method)) {
        throw ApiGatewayErrors.conflict("Method already exists for this resource");
      }
      RestApiModel.Method m = new RestApiModel.Method(method, apiKeyRequired, keys);
      resource.methods.put(method, m);
      return m;
    }
  }

  void putIntegration(
      String apiId,
      String resourceId,
      String httpMethod,
      Integration integration,
      List<String> cacheKeyParameters) {
    checkNotNull(integration, "integration");
    synchronized (context.lock()) {
      RestApiModel.Method m = method(apiId, resourceId, httpMethod);
      ImmutableList<String> keys = cacheKeys(cacheKeyParameters);
      m.integration = integration;
      m.cacheKeyParameters = keys;
      m.integrationResponses.clear();
    }
  }

  void putMethodResponse(String apiId, String resourceId, String httpMethod, int statusCode) {
    synchronized (context.lock()) {
      RestApiModel.Method m = method(apiId, resourceId, httpMethod);
      requireStatusCode(statusCode);
      if (!m.methodResponses.add(statusCode)) {
        throw ApiGatewayErrors.conflict("Response already exists for this resource");
      }
    }
  }

  void putIntegrationResponse(
      String apiId,
      String resourceId,
      String httpMethod,
      int statusCode,
      String selectionPattern,
      String body) {
    checkNotNull(body, "body");
    synchronized (context.lock()) {
      RestApiModel.Method m = method(apiId, resourceId, httpMethod);
      if (m.integration == null) {
        throw ApiGatewayErrors.notFound("Invalid Integration identifier specified");
      }
      requireStatusCode(statusCode);
      if (!m.methodResponses.contains(statusCode)) {
        throw ApiGatewayErrors.notFound("Invalid Response status code specified");
      }
      Pattern pattern = null;
      if (selectionPattern != null && !selectionPattern.isEmpty()) {
        try {
          pattern = Pattern.compile(selectionPattern);
        } catch (PatternSyntaxException e) {
          throw ApiGatewayErrors.badRequest(
              "Invalid selection pattern specified: " + selectionPattern);
        }
      }
      m.integrationResponses.put(
          statusCode, new RestApiModel.IntegrationResponseRule(statusCode, pattern, body));
    }
  }

  List<ResourceDescription> getResources(String apiId) {
    synchronized (context.lock()) {
      List<ResourceDescription> all = new ArrayList<>();
      restApi(apiId).resources.values().forEach(r -> all.add(r.describe()));
      return all;
    }
  }

  private static void requireStatusCode(int statusCode) {
    require(
        statusCode >= 100 && statusCode <= 599,
        "Invalid status code specified: " + statusCode + " (must be 100 to 599)");
  }

  private static ImmutableList<String> cacheKeys(List<String> cacheKeyParameters) {
    List<String> keys =
        cacheKeyParameters == null ? List.of() : new ArrayList<>(cacheKeyParameters);
    for (String key : keys) {
      require(
          key != null && CACHE_KEY_PARAMETER.matcher(key).matches(),
          "Invalid cache key parameter: " + key);
    }
    return ImmutableList.copyOf(keys);
  }

  private RestApiModel.Resource resource(String apiId, String resourceId) {
    RestApiModel.Resource resource = restApi(apiId).resources.get(resourceId);
    if (resource == null) {
      throw ApiGatewayErrors.notFound("Invalid Resource identifier specified");
    }
    return resource;
  }

  private RestApiModel.Method method(String apiId, String resourceId, String httpMethod) {
    checkNotNull(httpMethod, "httpMethod");
    RestApiModel.Method m =
        resource(apiId, resourceId).methods.get(httpMethod.toUpperCase(Locale.ROOT));
    if (m == null) {
      throw ApiGatewayErrors.notFound("Invalid Method identifier specified");
    }
    return m;
  }

  String createDeployment(String apiId) {
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      ImmutableList<RouteSpec> snapshot = api.snapshot();
      require(!snapshot.isEmpty(), "The REST API doesn't contain any methods");
      String id = newId.get();
      api.deployments.put(id, snapshot);
      return id;
    }
  }

  String createDeployment(String apiId, String stageName, Map<String, String> variables) {
    checkNotNull(stageName, "stageName");
    checkNotNull(variables, "variables");
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      Stage existing = api.stages.get(stageName);
      StageSettings settings;
      if (existing == null) {
        require(Stage.NAME.matcher(stageName).matches(), "Invalid stage name: " + stageName);
        settings = StageSettings.defaults().withVariables(variables);
      } else {
        require(
            existing.settings.canary().isEmpty(),
            "Stage "
                + stageName
                + " has a canary: remove or promote it before changing deployment");
        Map<String, String> merged = new LinkedHashMap<>(existing.settings.variables());
        merged.putAll(variables);
        settings = existing.settings.withVariables(merged);
      }
      String id = createDeployment(apiId);
      if (existing == null) {
        createStage(apiId, stageName, id, settings);
      } else {
        existing.deploymentId = id;
        existing.settings = settings;
        api.rebuild(existing);
      }
      return id;
    }
  }

  void createStage(String apiId, String stageName, String deploymentId) {
    createStage(apiId, stageName, deploymentId, StageSettings.defaults());
  }

  void createStage(String apiId, String stageName, String deploymentId, StageSettings settings) {
    checkNotNull(stageName, "stageName");
    checkNotNull(settings, "settings");
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      require(Stage.NAME.matcher(stageName).matches(), "Invalid stage name: " + stageName);
      if (api.stages.containsKey(stageName)) {
        throw ApiGatewayErrors.conflict("Stage already exists");
      }
      requireDeployments(api, deploymentId, settings);
      Stage stage =
          Stage.create(
              context,
              apiId,
              stageName,
              Dimensions.of("ApiName", api.info.name(), "Stage", stageName));
      stage.deploymentId = deploymentId;
      stage.settings = settings;
      stage.applyCacheSettings(StageSettings.defaults());
      api.rebuild(stage);
      api.stages.put(stageName, stage);
    }
  }

  void updateStage(String apiId, String stageName, StageSettings settings) {
    checkNotNull(settings, "settings");
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      Stage stage = restStage(api, stageName);
      requireDeployments(api, stage.deploymentId, settings);
      StageSettings old = stage.settings;
      stage.settings = settings;
      if (stage.applyCacheSettings(old)) {
        traceCacheFlushed(apiId, stageName);
      }
      api.rebuild(stage);
    }
  }

  StageDescription patchStage(
      String apiId, String stageName, List<PatchOperation> operations, ThrottleSettings account) {
    checkNotNull(operations, "patchOperations");
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      Stage stage = restStage(api, stageName);
      StagePatch.Result r =
          StagePatch.apply(stage.settings, stage.deploymentId, List.copyOf(operations), account);
      requireDeployments(api, r.deploymentId(), r.settings());
      require(
          r.deploymentId().equals(stage.deploymentId)
              || r.settings()
                  .canary()
                  .map(c -> c.deploymentId().equals(r.deploymentId()))
                  .orElse(true),
          "Stage " + stageName + " has a canary: remove or promote it before changing deployment");
      StageSettings old = stage.settings;
      stage.settings = r.settings();
      stage.deploymentId = r.deploymentId();
      if (stage.applyCacheSettings(old)) {
        traceCacheFlushed(apiId, stageName);
      }
      api.rebuild(stage);
      return describe(stage);
    }
  }

  List<RestApi> getRestApis() {
    synchronized (context.lock()) {
      List<RestApi> all = new ArrayList<>();
      restApis.values().forEach(a -> all.add(a.info));
      return all;
    }
  }

  RestApi getRestApi(String apiId) {
    synchronized (context.lock()) {
      return restApi(apiId).info;
    }
  }

  List<StageDescription> getStages(String apiId) {
    synchronized (context.lock()) {
      List<StageDescription> all = new ArrayList<>();
      restApi(apiId).stages.values().forEach(s -> all.add(describe(s)));
      return all;
    }
  }

  StageDescription getStageDescription(String apiId, String stageName) {
    synchronized (context.lock()) {
      return describe(restStage(restApi(apiId), stageName));
    }
  }

  private static StageDescription describe(Stage stage) {
    return new StageDescription(stage.name, stage.deploymentId, stage.settings);
  }

  void updateStageDeployment(String apiId, String stageName, String deploymentId) {
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      Stage stage = restStage(api, stageName);
      requireDeployments(api, deploymentId, stage.settings);
      require(
          stage.settings.canary().isEmpty() || deploymentId.equals(stage.deploymentId),
          "Stage " + stageName + " has a canary: remove or promote it before changing deployment");
      stage.deploymentId = deploymentId;
      api.rebuild(stage);
    }
  }

  StageSettings getStage(String apiId, String stageName) {
    synchronized (context.lock()) {
      return restStage(restApi(apiId), stageName).settings;
    }
  }

  String getStageDeploymentId(String apiId, String stageName) {
    synchronized (context.lock()) {
      return restStage(restApi(apiId), stageName).deploymentId;
    }
  }

  void promoteCanary(String apiId, String stageName) {
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      Stage stage = restStage(api, stageName);
      CanarySettings canary =
          stage
              .settings
              .canary()
              .orElseThrow(() -> ApiGatewayErrors.badRequest("Stage has no canary"));
      Map<String, String> variables = new LinkedHashMap<>(stage.settings.variables());
      variables.putAll(canary.stageVariableOverrides());
      stage.deploymentId = canary.deploymentId();
      stage.settings = stage.settings.withVariables(variables).withoutCanary();
      api.rebuild(stage);
      if (context.trace().isEnabled()) {
        context
            .trace()
            .record(
                ApiGatewayEventType.CANARY_PROMOTED,
                apiId + "/" + stageName,
                ImmutableMap.of("deploymentId", canary.deploymentId()));
      }
    }
  }

  void deleteCanary(String apiId, String stageName) {
    synchronized (context.lock()) {
      RestApiModel api = restApi(apiId);
      Stage stage = restStage(api, stageName);
      stage.settings = stage.settings.withoutCanary();
      api.rebuild(stage);
    }
  }

  void flushStageCache(String apiId, String stageName) {
    synchronized (context.lock()) {
      Stage stage = restStage(restApi(apiId), stageName);
      if (stage.cache != null) {
        stage.cache.flush();
      }
      traceCacheFlushed(apiId, stageName);
    }
  }

  private static void requireDeployments(
      RestApiModel api, String deploymentId, StageSettings settings) {
    if (!api.deployments.containsKey(deploymentId)) {
      throw ApiGatewayErrors.notFound("Invalid deployment identifier specified");
    }
    settings
        .canary()
        .ifPresent(
            c -> {
              if (!api.deployments.containsKey(c.deploymentId())) {
                throw ApiGatewayErrors.notFound("Invalid canary deployment identifier specified");
              }
            });
  }

  private void traceCacheFlushed(String apiId, String stageName) {
    if (context.trace().isEnabled()) {
      context.trace().record(ApiGatewayEventType.CACHE_FLUSHED, apiId + "/" + stageName);
    }
  }

  private RestApiModel restApi(String apiId) {
    RestApiModel api = apiId == null ? null : restApis.get(apiId);
    if (api == null) {
      throw ApiGatewayErrors.notFound("Invalid API identifier specified");
    }
    return api;
  }

  private static Stage restStage(RestApiModel api, String stageName) {
    Stage stage = api.stages.get(stageName);
    if (stage == null) {
      throw ApiGatewayErrors.notFound("Invalid stage identifier specified");
    }
    return stage;
  }
}
