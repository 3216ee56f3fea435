package dev.awssim.apigateway;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP API: routes by route key and auto-deploying stages. */
final class HttpApiModel {
  final String id;
  final String name;
  final Map<String, RouteSpec> routes = new LinkedHashMap<>();
  final Map<String, Stage> stages = new LinkedHashMap<>();

  HttpApiModel(String id, String name) {
    this.id = id;
    this.name = name;
  }

  void rebuild(Stage stage) {
    stage.rebuildHttp(ImmutableList.copyOf(routes.values()));
  }
}
