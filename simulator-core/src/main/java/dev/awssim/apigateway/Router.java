package dev.awssim.apigateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the endpoint of a request: an exact path looked up in a hash map (no allocation), then
 * templates with {@code {name}} and greedy {@code {name+}} parts, most specific first, then the
 * HTTP API {@code $default} route. A method of {@code ANY} matches every method not defined
 * explicitly.
 */
final class Router {
  /** One path part: a literal, {@code {name}} or greedy {@code {name+}}. */
  static final Pattern PATH_PART = Pattern.compile("[A-Za-z0-9._~-]+|\\{[A-Za-z0-9_]+\\+?}");

  private static final String[] METHODS = {
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"
  };
  private static final int ANY = METHODS.length - 1;

  private final Map<String, Endpoint[]> exact = new HashMap<>();
  private final List<Template> templates = new ArrayList<>();
  private final Set<String> methodKeys = new HashSet<>();
  private Endpoint fallback;

  /**
   * The last request's method and path and the endpoint they resolved to (guarded by the
   * simulation's lock): a router never changes once built, so a simulated client repeating a
   * request resolves it without a lookup.
   */
  private String lastMethod;

  private String lastPath;
  private Endpoint lastEndpoint;

  Router(List<Endpoint> endpoints) {
    Map<String, Endpoint[]> byTemplate = new HashMap<>();
    for (Endpoint e : endpoints) {
      methodKeys.add(e.methodKey);
      if (RouteSpec.DEFAULT_ROUTE.equals(e.route.resourcePath())) {
        fallback = e;
        continue;
      }
      String path = e.route.resourcePath();
      Map<String, Endpoint[]> target = path.indexOf('{') < 0 ? exact : byTemplate;
      target
              .computeIfAbsent(path, p -> new Endpoint[METHODS.length])[
              methodIndex(e.route.httpMethod())] =
          e;
    }
    byTemplate.forEach((path, table) -> templates.add(new Template(segments(path), table)));
    templates.sort(Comparator.comparingInt(Template::rank).thenComparing(t -> -t.parts.length));
  }

  /** Whether a method has the key {@code resourcePath/HTTPMETHOD}. */
  boolean hasMethodKey(String methodKey) {
    return methodKeys.contains(methodKey);
  }

  /** The endpoint of {@code httpMethod path}, or null. */
  Endpoint resolve(String httpMethod, String path) {
    if (lastEndpoint != null && path.equals(lastPath) && httpMethod.equals(lastMethod)) {
      return lastEndpoint;
    }
    Endpoint found = lookUp(httpMethod, path);
    if (found != null) {
      lastMethod = httpMethod;
      lastPath = path;
      lastEndpoint = found;
    }
    return found;
  }

  private Endpoint lookUp(String httpMethod, String path) {
    int method = methodIndex(httpMethod);
    if (method < 0) {
      return fallback;
    }
    Endpoint[] table = exact.get(path);
    Endpoint found = table == null ? null : pick(table, method);
    if (found == null) {
      for (Template t : templates) {
        if (t.matches(path)) {
          found = pick(t.table, method);
          if (found != null) {
            break;
          }
        }
      }
    }
    return found == null ? fallback : found;
  }

  private static Endpoint pick(Endpoint[] table, int method) {
    return table[method] != null ? table[method] : table[ANY];
  }

  static int methodIndex(String httpMethod) {
    for (int i = 0; i < METHODS.length; i++) {
      if (METHODS[i].equals(httpMethod)) {
        return i;
      }
    }
    return -1;
  }

  static boolean isKnownMethod(String httpMethod) {
    return methodIndex(httpMethod) >= 0;
  }

  static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  private static final class Template {
    final String[] parts;
    final Endpoint[] table;

    Template(String[] parts, Endpoint[] table) {
      this.parts = parts;
      this.table = table;
    }

    /** Fewer variables first; a greedy template last. */
    int rank() {
      int rank = 0;
      for (String p : parts) {
        rank += p.endsWith("+}") ? 1000 : p.startsWith("{") ? 1 : 0;
      }
      return rank;
    }

    /** Whether {@code path} fits this template, scanning it in place (no allocation). */
    boolean matches(String path) {
      int pos = path.startsWith("/") ? 1 : 0;
      for (String part : parts) {
        if (part.endsWith("+}")) {
          return pos < path.length();
        }
        if (pos > path.length()) {
          return false;
        }
        int end = path.indexOf('/', pos);
        end = end < 0 ? path.length() : end;
        int length = end - pos;
        if (length == 0
            || (!part.startsWith("{")
                && !(part.length() == length && path.regionMatches(pos, part, 0, length)))) {
          return false;
        }
        pos = end + 1;
      }
      return pos == path.length() + 1;
    }
  }
}
