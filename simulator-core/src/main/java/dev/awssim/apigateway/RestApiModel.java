package dev.awssim.apigateway;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A REST API: resources and their methods, deployments (snapshots of them) and stages. */
final class RestApiModel {
  final RestApi info;
  final Map<String, Resource> resources = new LinkedHashMap<>();
  final Map<String, ImmutableList<RouteSpec>> deployments = new LinkedHashMap<>();
  final Map<String, Stage> stages = new LinkedHashMap<>();

  RestApiModel(RestApi info) {
    this.info = info;
    resources.put(info.rootResourceId(), new Resource(info.rootResourceId(), null, null, "/"));
  }

  /**
   * Every method of every resource, as a deployment freezes them: a MOCK integration is resolved
   * against the method's integration responses now.
   *
   * @throws ApiGatewayException {@code BadRequestException} if a method has no integration
   */
  ImmutableList<RouteSpec> snapshot() {
    ImmutableList.Builder<RouteSpec> routes = ImmutableList.builder();
    for (Resource r : resources.values()) {
      for (Method m : r.methods.values()) {
        routes.add(m.route(r.path));
      }
    }
    return routes.build();
  }

  /** Rebuilds {@code stage} from its deployment and canary deployment. */
  void rebuild(Stage stage) {
    List<RouteSpec> canary =
        stage
            .settings
            .canary()
            .map(c -> (List<RouteSpec>) deployments.get(c.deploymentId()))
            .orElse(ImmutableList.of());
    stage.rebuildRest(deployments.get(stage.deploymentId), canary);
  }

  /** A resource: its full path and methods by HTTP method. */
  static final class Resource {
    final String id;
    final String parentId;
    final String pathPart;
    final String path;
    final Map<String, Method> methods = new LinkedHashMap<>();

    Resource(String id, String parentId, String pathPart, String path) {
      this.id = id;
      this.parentId = parentId;
      this.pathPart = pathPart;
      this.path = path;
    }

    String childPath(String pathPart) {
      return path.equals("/") ? "/" + pathPart : path + "/" + pathPart;
    }

    ResourceDescription describe() {
      return new ResourceDescription(
          id, parentId, pathPart, path, ImmutableList.copyOf(methods.keySet()));
    }
  }

  /** One integration response of a method: the status it answers and its body template. */
  record IntegrationResponseRule(int statusCode, Pattern selectionPattern, String body) {}

  /**
   * A method as PutMethod, PutIntegration, PutMethodResponse and PutIntegrationResponse build it:
   * the integration is null until PutIntegration.
   */
  static final class Method {
    final String httpMethod;
    final boolean apiKeyRequired;
    ImmutableList<String> cacheKeyParameters;
    Integration integration;
    final Set<Integer> methodResponses = new LinkedHashSet<>();
    final Map<Integer, IntegrationResponseRule> integrationResponses = new LinkedHashMap<>();

    Method(String httpMethod, boolean apiKeyRequired, ImmutableList<String> cacheKeyParameters) {
      this.httpMethod = httpMethod;
      this.apiKeyRequired = apiKeyRequired;
      this.cacheKeyParameters = cacheKeyParameters;
    }

    RouteSpec route(String path) {
      if (integration == null) {
        throw ApiGatewayErrors.badRequest("No integration defined for method");
      }
      Integration deployed =
          integration.selectsIntegrationResponse()
              ? integration.resolved(selectResponse(integration.selectedStatus()))
              : integration;
      return new RouteSpec(path, httpMethod, apiKeyRequired, deployed, cacheKeyParameters);
    }

    /**
     * The integration response a MOCK integration answers with: the first (in the order they were
     * put) whose selection pattern matches the status the request template returned, else the
     * default one (no selection pattern), else null.
     */
    private IntegrationResponse selectResponse(int status) {
      IntegrationResponseRule chosen = null;
      if (status != Integration.NO_STATUS) {
        String code = Integer.toString(status);
        for (IntegrationResponseRule rule : integrationResponses.values()) {
          if (rule.selectionPattern() != null && rule.selectionPattern().matcher(code).matches()) {
            chosen = rule;
            break;
          }
        }
      }
      if (chosen == null) {
        for (IntegrationResponseRule rule : integrationResponses.values()) {
          if (rule.selectionPattern() == null) {
            chosen = rule;
            break;
          }
        }
      }
      return chosen == null ? null : IntegrationResponse.of(chosen.statusCode(), chosen.body());
    }
  }
}
