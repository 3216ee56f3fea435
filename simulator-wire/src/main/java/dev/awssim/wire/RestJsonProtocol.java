package dev.awssim.wire;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.protocols.json.StructuredJsonGenerator;
import software.amazon.awssdk.protocols.json.internal.AwsStructuredPlainJsonFactory;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * AWS's REST-JSON protocol (restJson1), as Lambda and API Gateway speak it: the operation is the
 * request's method and path ({@link RestRoutes}); members travel in path labels, query parameters,
 * headers and a JSON body, or, for an operation with a payload member, the body is that member (a
 * blob as raw bytes, such as Invoke's {@code Payload}). Where each member goes is the SDK's field
 * metadata ({@code SdkField.location()}, its location name, {@link PayloadTrait}); nothing is
 * written per operation. https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
 *
 * <p>Responses: the status is the model's (201, 202, 204 for some operations, see {@link
 * RestService}) or a {@code StatusCode} member's; header members become headers ({@code
 * X-Amz-Function-Error}, {@code X-Amz-Executed-Version}). Errors carry the code in {@code
 * x-amzn-ErrorType} and {@code {"message": ...}} in the body, with the modelled exception's members
 * ({@code Type}, {@code Reason}) and header members ({@code Retry-After}).
 */
final class RestJsonProtocol {
  static final String CONTENT_TYPE = "application/json";

  /** Timestamps in headers are HTTP dates (restJson1's default for the header location). */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private RestJsonProtocol() {}

  /** A request routed to a REST-JSON service: the service and, if found, the operation. */
  record Routed(RestService service, RestRoutes.Match match) {}

  /**
   * The REST-JSON service and operation of {@code request}: the service its credential scope names
   * (with a null match when no operation of it has that method and path), or, for an unsigned
   * request, the first service with a matching operation; null when it is none of these.
   *
   * @throws WireException SerializationException (400) for a malformed query or path
   */
  static Routed route(WireRequest request) {
    CredentialScope scope = CredentialScope.of(request);
    Map<String, List<String>> query = query(request.query());
    if (scope != null) {
      RestService service = RestService.bySigningName(scope.service());
      if (service != null) {
        return new Routed(service, service.routes().match(request.method(), request.path(), query));
      }
    }
    for (RestService s : RestService.values()) {
      RestRoutes.Match m = s.routes().match(request.method(), request.path(), query);
      if (m != null) {
        return new Routed(s, m);
      }
    }
    return null;
  }

  /**
   * Serves {@code request}, routed to {@code routed}, with {@code client}, the simulated client of
   * its service, after {@code prepare} has seen the decoded SDK request. A request signed for
   * another Region than {@code region} is refused (403 {@code InvalidSignatureException}); one
   * whose method and path name no operation is 404 {@code UnknownOperationException}.
   */
  static CompletableFuture<WireResponse> handle(
      Routed routed,
      WireRequest request,
      String region,
      Object client,
      UnaryOperator<Object> prepare) {
    RestService service = routed.service();
    try {
      CredentialScope.checkRegion(request, region, "InvalidSignatureException", 403);
      if (routed.match() == null) {
        throw new WireException(
            "UnknownOperationException",
            404,
            "No operation of "
                + service.signingName()
                + " is "
                + request.method()
                + " "
                + request.path());
      }
      Operations.Operation op = service.routes().operations().get(routed.match().operation());
      Object sdkRequest = prepare.apply(decode(op, routed.match(), request));
      return op.call(client, sdkRequest)
          .handle(
              (r, e) ->
                  e == null
                      ? encode(service, op.name(), (SdkPojo) r)
                      : failure(service, Operations.unwrap(e)));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(failure(service, e));
    }
  }

  // ---------------------------------------------------------------- requests

  /**
   * The SDK request of {@code op} from {@code request}: path labels, query parameters, headers and
   * body, each member where its field's location says.
   *
   * @throws WireException SerializationException (400) for a value that does not fit its member
   */
  static Object decode(Operations.Operation op, RestRoutes.Match match, WireRequest request) {
    SdkPojo builder = op.requestBuilder().get();
    Map<String, List<String>> query = query(request.query());
    SdkField<?> payload = null;
    boolean bodyMembers = false;
    for (SdkField<?> f : builder.sdkFields()) {
      MarshallLocation location = f.location();
      String name = f.locationName();
      if (location == MarshallLocation.PATH || location == MarshallLocation.GREEDY_PATH) {
        String v = match.labels().get(name);
        if (v != null) {
          f.set(builder, scalar(f, v, false));
        }
      } else if (location == MarshallLocation.QUERY_PARAM) {
        Object v = queryValue(f, query);
        if (v != null) {
          f.set(builder, v);
        }
      } else if (location == MarshallLocation.HEADER) {
        Object v = headerValue(f, request);
        if (v != null) {
          f.set(builder, v);
        }
      } else if (location == MarshallLocation.PAYLOAD) {
        if (f.containsTrait(PayloadTrait.class)) {
          payload = f;
        } else {
          bodyMembers = true;
        }
      }
    }
    byte[] body = request.body();
    if (payload != null) {
      if (body.length > 0) {
        payload.set(builder, payloadValue(payload, body));
      }
      return ((SdkBuilder<?, ?>) builder).build();
    }
    if (!bodyMembers) {
      return ((SdkBuilder<?, ?>) builder).build();
    }
    return StructuredCodec.JSON.decode(body, () -> builder);
  }

  private static Object payloadValue(SdkField<?> f, byte[] body) {
    MarshallingType<?> type = f.marshallingType();
    if (type == MarshallingType.SDK_BYTES) {
      return SdkBytes.fromByteArray(body);
    } else if (type == MarshallingType.STRING) {
      return new String(body, StandardCharsets.UTF_8);
    } else if (type == MarshallingType.SDK_POJO) {
      return StructuredCodec.JSON.decode(body, f.constructor());
    }
    throw WireException.serialization(
        "awssim cannot decode a payload member of type " + type + ": " + f.memberName());
  }

  private static Object queryValue(SdkField<?> f, Map<String, List<String>> query) {
    MarshallingType<?> type = f.marshallingType();
    if (type == MarshallingType.MAP) {
      // httpQueryParams: every parameter no other member binds.
      SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> q : query.entrySet()) {
        out.put(
            q.getKey(),
            value.marshallingType() == MarshallingType.LIST ? q.getValue() : q.getValue().get(0));
      }
      return out.isEmpty() ? null : out;
    }
    List<String> values = query.get(f.locationName());
    if (values == null) {
      return null;
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>(values.size());
      for (String v : values) {
        out.add(scalar(member, v, false));
      }
      return out;
    }
    return scalar(f, values.get(0), false);
  }

  private static Object headerValue(SdkField<?> f, WireRequest request) {
    MarshallingType<?> type = f.marshallingType();
    if (type == MarshallingType.MAP) {
      // A prefix-headers map (x-amz-meta-*): the location name is the prefix.
      String prefix = f.locationName().toLowerCase(java.util.Locale.ROOT);
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, String> h : request.headers().entrySet()) {
        if (h.getKey().startsWith(prefix)) {
          out.put(h.getKey().substring(prefix.length()), h.getValue());
        }
      }
      return out.isEmpty() ? null : out;
    }
    String v = request.header(f.locationName());
    if (v == null) {
      return null;
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>();
      for (String part : v.split(",", -1)) {
        out.add(scalar(member, part.trim(), true));
      }
      return out;
    }
    return scalar(f, v, true);
  }

  /** A path, query or header value as its member's type. */
  private static Object scalar(SdkField<?> f, String v, boolean header) {
    MarshallingType<?> type = f.marshallingType();
    try {
      if (type == MarshallingType.STRING) {
        return v;
      } else if (type == MarshallingType.INTEGER) {
        return Integer.valueOf(v);
      } else if (type == MarshallingType.LONG) {
        return Long.valueOf(v);
      } else if (type == MarshallingType.SHORT) {
        return Short.valueOf(v);
      } else if (type == MarshallingType.DOUBLE) {
        return Double.valueOf(v);
      } else if (type == MarshallingType.FLOAT) {
        return Float.valueOf(v);
      } else if (type == MarshallingType.BIG_DECIMAL) {
        return new BigDecimal(v);
      } else if (type == MarshallingType.BOOLEAN) {
        if (v.equals("true") || v.equals("false")) {
          return Boolean.valueOf(v);
        }
      } else if (type == MarshallingType.INSTANT) {
        return instant(v, header);
      } else if (type == MarshallingType.SDK_BYTES) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(v));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // a mismatch, answered below
    }
    throw WireException.serialization(
        "Value '" + v + "' of " + f.locationName() + " is not a valid " + type);
  }

  /** An HTTP date in a header, ISO 8601 elsewhere; epoch seconds accepted in either. */
  private static Instant instant(String v, boolean header) {
    if (!v.isEmpty() && (Character.isDigit(v.charAt(v.length() - 1)) && v.indexOf(':') < 0)) {
      BigDecimal millis = new BigDecimal(v).movePointRight(3);
      return Instant.ofEpochMilli(millis.longValue());
    }
    return header ? HTTP_DATE.parse(v, Instant::from) : Instant.parse(v);
  }

  /**
   * The parameters of a query string, percent-decoded, each with its values in order; empty for
   * none.
   *
   * @throws WireException SerializationException (400) for a malformed escape
   */
  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      } catch (IllegalArgumentException e) {
        throw WireException.serialization("Malformed query string: " + e.getMessage());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- responses

  /** The HTTP response of {@code response}, a successful {@code operation} of {@code service}. */
  static WireResponse encode(RestService service, String operation, SdkPojo response) {
    int status = service.successStatus(operation);
    Map<String, String> headers = new LinkedHashMap<>();
    SdkField<?> payload = null;
    for (SdkField<?> f : response.sdkFields()) {
      Object v = f.getValueOrDefault(response);
      if (f.location() == MarshallLocation.STATUS_CODE) {
        if (v instanceof Integer code) {
          status = code;
        }
      } else if (f.location() == MarshallLocation.HEADER) {
        putHeader(headers, f, v);
      } else if (f.location() == MarshallLocation.PAYLOAD && f.containsTrait(PayloadTrait.class)) {
        payload = f;
      }
    }
    String contentType = CONTENT_TYPE;
    byte[] body;
    if (payload == null) {
      body = StructuredCodec.JSON.encode(response);
    } else {
      Object v = payload.getValueOrDefault(response);
      if (v instanceof SdkBytes b) {
        body = b.asByteArray();
      } else if (v instanceof String s) {
        body = s.getBytes(StandardCharsets.UTF_8);
        contentType = "text/plain";
      } else if (v instanceof SdkPojo p) {
        body = StructuredCodec.JSON.encode(p);
      } else {
        body = new byte[0];
      }
    }
    if (status == 204) {
      body = new byte[0];
    }
    return new WireResponse(status, contentType, ImmutableMap.copyOf(headers), body);
  }

  private static void putHeader(Map<String, String> headers, SdkField<?> f, Object v) {
    if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
      return;
    }
    if (v instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        headers.put(f.locationName() + e.getKey(), headerText(e.getValue()));
      }
    } else if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>(list.size());
      for (Object e : list) {
        parts.add(headerText(e));
      }
      headers.put(f.locationName(), String.join(",", parts));
    } else {
      headers.put(f.locationName(), headerText(v));
    }
  }

  private static String headerText(Object v) {
    if (v instanceof Instant t) {
      return HTTP_DATE.format(t);
    }
    if (v instanceof SdkBytes b) {
      return Base64.getEncoder().encodeToString(b.asByteArrayUnsafe());
    }
    return String.valueOf(v);
  }

  // ---------------------------------------------------------------- errors

  /** The error response AWS sends for {@code e}. */
  static WireResponse failure(RestService service, RuntimeException e) {
    if (e instanceof WireException w) {
      return error(service, w.errorCode(), w.statusCode(), w.getMessage(), null);
    }
    if (e instanceof AwsServiceException a) {
      String code =
          a.getCause() instanceof dev.awssim.engine.AwsServiceException sim
              ? sim.errorCode()
              : a.awsErrorDetails().errorCode();
      return error(service, code, a.statusCode(), a.awsErrorDetails().errorMessage(), a);
    }
    if (e instanceof UnsupportedOperationException) {
      return error(service, "UnknownOperationException", 400, e.getMessage(), null);
    }
    // A missing required member (SdkClientException), or the simulated client failing on input it
    // should have rejected: answered as AWS answers invalid input, never with a 5xx that clients
    // would retry.
    String message =
        e instanceof SdkClientException ? e.getMessage() : "awssim rejected the request: " + e;
    return error(service, "ValidationException", 400, message, null);
  }

  /**
   * {@code x-amzn-ErrorType: code} with {@code {"message": ...}} and the exception's string body
   * members (Lambda's and API Gateway's exceptions have no others); its header members become
   * headers.
   */
  private static WireResponse error(
      RestService service, String code, int status, String message, SdkPojo members) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-ErrorType", code);
    StructuredJsonGenerator gen =
        AwsStructuredPlainJsonFactory.SDK_JSON_FACTORY.createWriter(CONTENT_TYPE);
    gen.writeStartObject();
    boolean typeWritten = false;
    if (members != null) {
      for (SdkField<?> f : members.sdkFields()) {
        Object v = f.getValueOrDefault(members);
        if (f.location() == MarshallLocation.HEADER) {
          putHeader(headers, f, v);
        } else if (f.location() == MarshallLocation.PAYLOAD
            && !f.locationName().equalsIgnoreCase("message")
            && v instanceof String text) {
          gen.writeFieldName(f.locationName()).writeValue(text);
          typeWritten |= f.locationName().equals("Type");
        }
      }
    }
    if (service.typeMember() && !typeWritten) {
      gen.writeFieldName("Type").writeValue(status >= 500 ? "Service" : "User");
    }
    gen.writeFieldName("message");
    if (message == null) {
      gen.writeNull();
    } else {
      gen.writeValue(message);
    }
    gen.writeEndObject();
    return new WireResponse(status, CONTENT_TYPE, ImmutableMap.copyOf(headers), gen.getBytes());
  }
}
