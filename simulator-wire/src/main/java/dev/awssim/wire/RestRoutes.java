package dev.awssim.wire;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.protocols.json.AwsJsonProtocol;
import software.amazon.awssdk.protocols.json.AwsJsonProtocolFactory;
import software.amazon.awssdk.protocols.json.BaseAwsJsonProtocolFactory;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The HTTP bindings of a REST-JSON service's operations ({@code POST
 * /2015-03-31/functions/{FunctionName}/invocations}), and the router from a request's method and
 * path to one of them.
 *
 * <p><b>Where the bindings come from.</b> The SDK's generated {@code FooRequestMarshaller} of each
 * operation holds its method and URI template ({@code OperationInfo}), in a private field. Rather
 * than read that field by reflection, the router asks the marshaller through its public {@code
 * marshall} method: it marshals a probe request whose path members hold markers, and reads the
 * method, the path (markers turned back into {@code {Label}}, or {@code {Label+}} for a greedy
 * label) and the fixed query parameters ({@code ?mode=import}) of what the SDK would send. So the
 * binding is exactly the SDK client's, label encoding included, through the SDK's public API only.
 *
 * <p><b>Matching</b> (https://smithy.io/2.0/spec/http-bindings.html#http-trait): the method must be
 * the binding's; literal segments match exactly, a label matches one non-empty segment, a greedy
 * label one or more; the fixed query parameters must be present. A trailing slash is ignored (the
 * AWS CLI sends {@code GET /2015-03-31/functions/}). When several bindings match, the one with the
 * most literal segments and fixed query parameters wins (then the operation name, for determinism).
 */
final class RestRoutes {
  private static final String MARKER = "awssimlabel";

  /** One operation's binding: method, path segments and fixed query parameters. */
  record Route(
      String operation,
      String method,
      ImmutableList<Segment> segments,
      ImmutableMap<String, String> fixedQuery) {
    int specificity() {
      int literals = 0;
      for (Segment s : segments) {
        if (s.label() == null) {
          literals++;
        }
      }
      return literals * 2 + fixedQuery.size();
    }

    /** The template, as AWS's models write it. */
    String template() {
      StringBuilder b = new StringBuilder();
      for (Segment s : segments) {
        b.append('/');
        if (s.label() == null) {
          b.append(s.literal());
        } else {
          b.append('{').append(s.label()).append(s.greedy() ? "+}" : "}");
        }
      }
      if (b.length() == 0) {
        b.append('/');
      }
      String sep = "?";
      for (Map.Entry<String, String> q : fixedQuery.entrySet()) {
        b.append(sep).append(q.getKey());
        if (!q.getValue().isEmpty()) {
          b.append('=').append(q.getValue());
        }
        sep = "&";
      }
      return b.toString();
    }
  }

  /** A literal path segment (encoded as sent), or a label (its member's location name). */
  record Segment(String literal, String label, boolean greedy) {}

  /** A matched request: the operation and the decoded values of its path labels. */
  record Match(String operation, ImmutableMap<String, String> labels) {}

  private final ImmutableList<Route> routes;
  private final Operations operations;

  private RestRoutes(ImmutableList<Route> routes, Operations operations) {
    this.routes = routes;
    this.operations = operations;
  }

  /**
   * The bindings of {@code operations}, read from their SDK marshallers; an operation whose
   * marshaller cannot be found or asked is left out (and so answered as unknown).
   */
  static RestRoutes of(Operations operations) {
    BaseAwsJsonProtocolFactory factory = probeFactory();
    List<Route> out = new ArrayList<>();
    for (String name : operations.names()) {
      Route r = probe(factory, operations.get(name));
      if (r != null) {
        out.add(r);
      }
    }
    out.sort(
        Comparator.comparingInt(Route::specificity).reversed().thenComparing(Route::operation));
    return new RestRoutes(ImmutableList.copyOf(out), operations);
  }

  /** The operations, by name. */
  Operations operations() {
    return operations;
  }

  /** The bindings, most specific first. */
  ImmutableList<Route> routes() {
    return routes;
  }

  /** The binding of {@code operation}, or null. */
  Route route(String operation) {
    for (Route r : routes) {
      if (r.operation().equals(operation)) {
        return r;
      }
    }
    return null;
  }

  /**
   * The operation {@code method} and {@code rawPath} (percent-encoded, as received) with {@code
   * query} (its parameters, decoded) address, or null.
   *
   * @throws WireException SerializationException (400) for a label that is not well-formed
   *     percent-encoding
   */
  Match match(String method, String rawPath, Map<String, List<String>> query) {
    List<String> parts = split(rawPath);
    for (Route r : routes) {
      if (!r.method().equals(method) || !hasFixedQuery(r, query)) {
        continue;
      }
      ImmutableMap<String, String> labels = labels(r.segments(), parts);
      if (labels != null) {
        return new Match(r.operation(), labels);
      }
    }
    return null;
  }

  private static boolean hasFixedQuery(Route r, Map<String, List<String>> query) {
    for (Map.Entry<String, String> q : r.fixedQuery().entrySet()) {
      List<String> values = query.get(q.getKey());
      if (values == null || (!q.getValue().isEmpty() && !values.contains(q.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /** The labels of {@code parts} under {@code template}, or null when it does not match. */
  static ImmutableMap<String, String> labels(List<Segment> template, List<String> parts) {
    Map<String, String> out = new LinkedHashMap<>();
    int p = 0;
    for (int t = 0; t < template.size(); t++) {
      Segment s = template.get(t);
      if (s.greedy()) {
        int rest = template.size() - t - 1;
        int take = parts.size() - p - rest;
        if (take < 1) {
          return null;
        }
        out.put(s.label(), decode(String.join("/", parts.subList(p, p + take))));
        p += take;
        continue;
      }
      if (p >= parts.size()) {
        return null;
      }
      String part = parts.get(p++);
      if (s.label() == null) {
        if (!s.literal().equals(part)) {
          return null;
        }
      } else {
        if (part.isEmpty()) {
          return null;
        }
        out.put(s.label(), decode(part));
      }
    }
    return p == parts.size() ? ImmutableMap.copyOf(out) : null;
  }

  /** The segments of a path, without the leading slash and a trailing one. */
  static List<String> split(String rawPath) {
    String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return List.of();
    }
    return List.of(p.split("/", -1));
  }

  /**
   * {@code s} percent-decoded as UTF-8; a {@code +} stays a plus (it is a space only in forms).
   *
   * @throws WireException SerializationException (400) for a malformed escape
   */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          throw WireException.serialization("Malformed percent-encoding in '" + s + "'");
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw WireException.serialization("Malformed percent-encoding in '" + s + "'");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A REST-JSON protocol factory for the probes: only the endpoint is needed to marshal. */
  @SuppressWarnings("deprecation") // ENDPOINT: the marshaller resolves the URI against it
  private static BaseAwsJsonProtocolFactory probeFactory() {
    return AwsJsonProtocolFactory.builder()
        .clientConfiguration(
            SdkClientConfiguration.builder()
                .option(SdkClientOption.ENDPOINT, URI.create("http://localhost"))
                .build())
        .protocol(AwsJsonProtocol.REST_JSON)
        .protocolVersion("1.1")
        .build();
  }

  /**
   * The binding of {@code op}, from what its SDK marshaller makes of a probe request whose path
   * labels hold markers; null when the marshaller cannot be found or asked.
   */
  private static Route probe(BaseAwsJsonProtocolFactory factory, Operations.Operation op) {
    Class<?> requestClass = op.method().getParameterTypes()[0];
    String pkg = requestClass.getPackageName();
    if (!pkg.endsWith(".model")) {
      return null;
    }
    String marshallerName =
        pkg.substring(0, pkg.length() - ".model".length())
            + ".transform."
            + requestClass.getSimpleName()
            + "Marshaller";
    SdkPojo builder = op.requestBuilder().get();
    Map<String, String> markers = new LinkedHashMap<>();
    Map<String, Boolean> greedy = new LinkedHashMap<>();
    int i = 0;
    for (SdkField<?> f : builder.sdkFields()) {
      boolean isGreedy = f.location() == MarshallLocation.GREEDY_PATH;
      if (f.location() != MarshallLocation.PATH && !isGreedy) {
        continue;
      }
      String marker = MARKER + i++ + "x";
      Object value = probeValue(f.marshallingType(), marker, i);
      if (value == null) {
        return null;
      }
      f.set(builder, value);
      markers.put(String.valueOf(value), f.locationName());
      greedy.put(f.locationName(), isGreedy);
    }
    SdkHttpFullRequest http;
    try {
      Class<?> marshallerClass = Class.forName(marshallerName, true, requestClass.getClassLoader());
      Object marshaller =
          marshallerClass.getConstructor(BaseAwsJsonProtocolFactory.class).newInstance(factory);
      Method marshall = marshallerClass.getMethod("marshall", requestClass);
      http = (SdkHttpFullRequest) marshall.invoke(marshaller, ((SdkBuilder<?, ?>) builder).build());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // no REST-JSON marshaller: the operation is not on the wire
    }
    ImmutableList.Builder<Segment> segments = ImmutableList.builder();
    for (String part : split(http.encodedPath())) {
      String label = markers.get(part);
      if (label != null) {
        segments.add(new Segment(null, label, greedy.get(label)));
      } else if (part.contains(MARKER)) {
        return null; // a label inside a segment: no AWS REST-JSON service has one
      } else {
        segments.add(new Segment(part, null, false));
      }
    }
    ImmutableMap.Builder<String, String> fixed = ImmutableMap.builder();
    for (Map.Entry<String, List<String>> q : http.rawQueryParameters().entrySet()) {
      List<String> v = q.getValue();
      fixed.put(q.getKey(), v.isEmpty() || v.get(0) == null ? "" : v.get(0));
    }
    return new Route(op.name(), http.method().name(), segments.build(), fixed.buildKeepingLast());
  }

  /** A marker of a label's type: text for strings, a distinctive number for numbers. */
  private static Object probeValue(MarshallingType<?> type, String text, int index) {
    if (type == MarshallingType.STRING) {
      return text;
    } else if (type == MarshallingType.INTEGER) {
      return 987_650_000 + index;
    } else if (type == MarshallingType.LONG) {
      return 987_650_000_000L + index;
    }
    return null;
  }
}
