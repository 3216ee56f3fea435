package dev.awssim.apigateway;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.awssim.apigateway.ApiGatewayErrors.require;

import com.google.common.collect.ImmutableList;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.internal.SimulationContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP APIs of the gateway: routes (auto-deployed to every stage) and stages with route
 * throttling. {@link ApiGateway} documents each operation; this class holds the state and the
 * rules, under the simulation's lock.
 */
final class HttpApis {
  private final SimulationContext context;
  private final Supplier<String> newId;
  private final Map<String, HttpApiModel> httpApis = new LinkedHashMap<>();

  HttpApis(SimulationContext context, Supplier<String> newId) {
    this.context = context;
    this.newId = newId;
  }

  /** The API with {@code apiId}, or null. */
  HttpApiModel find(String apiId) {
    return httpApis.get(apiId);
  }

  String createApi(String name) {
    checkNotNull(name, "name");
    synchronized (context.lock()) {
      String id = newId.get();
      httpApis.put(id, new HttpApiModel(id, name));
      return id;
    }
  }

  void createRoute(String apiId, String routeKey, Integration integration) {
    checkNotNull(routeKey, "routeKey");
    checkNotNull(integration, "integration");
    synchronized (context.lock()) {
      HttpApiModel api = httpApi(apiId);
      RouteSpec route = parseRouteKey(routeKey, integration.forHttpApi());
      if (api.routes.containsKey(route.routeKey())) {
        throw ApiGatewayErrors.conflict("Route with key " + routeKey + " already exists");
      }
      api.routes.put(route.routeKey(), route);
      api.stages.values().forEach(api::rebuild);
    }
  }

  private static RouteSpec parseRouteKey(String routeKey, Integration integration) {
    if (RouteSpec.DEFAULT_ROUTE.equals(routeKey)) {
      return new RouteSpec(RouteSpec.DEFAULT_ROUTE, "ANY", false, integration, ImmutableList.of());
    }
    int space = routeKey.indexOf(' ');
    String method = space < 0 ? "" : routeKey.substring(0, space);
    String path = space < 0 ? "" : routeKey.substring(space + 1);
    boolean validPath = path.equals("/");
    if (path.startsWith("/") && !validPath) {
      validPath = true;
      for (String part : Router.segments(path)) {
        validPath &= Router.PATH_PART.matcher(part).matches();
      }
    }
    require(
        Router.isKnownMethod(method) && validPath,
        "Invalid route key: " + routeKey + ". Expected '$default' or 'METHOD /path'.");
    return new RouteSpec(path, method, false, integration, ImmutableList.of());
  }

  void createStage(String apiId, String stageName, HttpStageSettings settings) {
    checkNotNull(stageName, "stageName");
    checkNotNull(settings, "settings");
    synchronized (context.lock()) {
      HttpApiModel api = httpApi(apiId);
      require(
          Stage.NAME.matcher(stageName).matches() || "$default".equals(stageName),
          "Invalid stage name: " + stageName);
      if (api.stages.containsKey(stageName)) {
        throw ApiGatewayErrors.conflict("Stage " + stageName + " already exists");
      }
      requireRoutes(api, settings);
      Stage stage =
          Stage.create(
              context, apiId, stageName, Dimensions.of("ApiId", apiId, "Stage", stageName));
      stage.httpSettings = settings;
      api.rebuild(stage);
      api.stages.put(stageName, stage);
    }
  }

  void updateStage(String apiId, String stageName, HttpStageSettings settings) {
    checkNotNull(settings, "settings");
    synchronized (context.lock()) {
      HttpApiModel api = httpApi(apiId);
      Stage stage = api.stages.get(stageName);
      if (stage == null) {
        throw ApiGatewayErrors.notFound("Invalid stage identifier specified");
      }
      requireRoutes(api, settings);
      stage.httpSettings = settings;
      api.rebuild(stage);
    }
  }

  private static void requireRoutes(HttpApiModel api, HttpStageSettings settings) {
    for (String routeKey : settings.routeThrottles().keySet()) {
      if (!api.routes.containsKey(routeKey)) {
        throw ApiGatewayErrors.notFound(
            "Unable to find Route by key " + routeKey + " within the provided RouteSettings");
      }
    }
  }

  private HttpApiModel httpApi(String apiId) {
    HttpApiModel api = apiId == null ? null : httpApis.get(apiId);
    if (api == null) {
      throw ApiGatewayErrors.notFound("Invalid API identifier specified");
    }
    return api;
  }
}
