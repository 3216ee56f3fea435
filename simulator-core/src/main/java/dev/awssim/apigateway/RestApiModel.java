package dev.awssim.apigateway;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A REST API: resources and their methods, deployments (snapshots of them) and stages. */
final class RestApiModel {
  final RestApi info;
  final Map<String, Resource> resources = new LinkedHashMap<>();
  final Map<String, ImmutableList<RouteSpec>> deployments = new LinkedHashMap<>();
  final Map<String, Stage> stages = new LinkedHashMap<>();

  RestApiModel(RestApi info) {
    this.info = info;
    resources.put(info.rootResourceId(), new Resource(info.rootResourceId(), null, "/"));
  }

  /** Every method of every resource, as a deployment freezes them. */
  ImmutableList<RouteSpec> snapshot() {
    ImmutableList.Builder<RouteSpec> routes = ImmutableList.builder();
    resources.values().forEach(r -> routes.addAll(r.methods.values()));
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
    final String path;
    final Map<String, RouteSpec> methods = new LinkedHashMap<>();

    Resource(String id, String parentId, String path) {
      this.id = id;
      this.parentId = parentId;
      this.path = path;
    }

    String childPath(String pathPart) {
      return path.equals("/") ? "/" + pathPart : path + "/" + pathPart;
    }
  }
}
