package dev.awssim.wire;

import dev.awssim.awssdk.SimulatedAws;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The AWS Query protocol (form parameters in, XML out) of SQS, SNS and CloudWatch ({@link
 * QueryService}): {@code Action=Publish&Version=2010-03-31&TopicArn=...}. Requests become the same
 * SDK request objects as the JSON protocol, walked through their field metadata, and go to the same
 * simulated clients.
 *
 * <p>SNS's and CloudWatch's SDK models are Query models: their traits carry the Query names (a list
 * is {@code Name.member.N}, a map {@code Name.entry.N.key} / {@code Name.entry.N.value}, and the
 * XML answer nests the same way). SQS's SDK model is now AWS JSON and no longer carries them, so
 * they are derived by the 2012-11-05 Query model's rules, which older AWS CLIs (such as Debian's
 * packaged AWS CLI 2.9) still send: a list or map is flattened under the singular of its member
 * name ({@code AttributeNames} becomes {@code AttributeName.1}, {@code Attributes} becomes {@code
 * Attribute.1.Name} / {@code Attribute.1.Value}); a list of structures under the structure's name
 * ({@code SendMessageBatchRequestEntry.1.Id}, {@code <Message>}); tags use {@code Key}/{@code
 * Value}.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-making-api-requests-xml.html
 */
final class QueryProtocol {
  /** Query names that are not the singular of the member name (AddPermission). */
  private static final Map<String, String> IRREGULAR = Map.of("Actions", "ActionName");

  private QueryProtocol() {}

  /** The {@code Action} of a form-encoded request, or null when it is not a Query request. */
  static String action(WireRequest request) {
    return form(request).get("Action");
  }

  /** The form parameters of the body (POST) or the query string (GET), in their order. */
  static Map<String, String> form(WireRequest request) {
    String contentType = request.header("content-type");
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      return parse(new String(request.body(), StandardCharsets.UTF_8));
    }
    if (request.query() != null && "GET".equals(request.method())) {
      return parse(request.query());
    }
    return Map.of();
  }

  /** The parameters of a URL-encoded form, in their order; empty if it is not well-formed. */
  static Map<String, String> parse(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.put(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return Map.of();
      }
    }
    return out;
  }

  /**
   * Serves {@code request}. With {@code park}, an SQS {@code ReceiveMessage} goes to the async
   * client, whose future completes on virtual time (a long poll holds no thread), as over AWS JSON;
   * without it, every request is answered before this returns.
   */
  static CompletableFuture<WireResponse> handle(
      SimulatedAws aws, WireRequest request, String requestId, boolean park) {
    Map<String, String> params = form(request);
    String action = params.get("Action");
    CredentialScope scope = CredentialScope.of(request);
    QueryService service = QueryService.of(params.get("Version"), scope);
    try {
      // AWS answers a credential scoped to another Region's endpoint with 403
      // SignatureDoesNotMatch.
      CredentialScope.checkRegion(request, aws.region().name(), "SignatureDoesNotMatch", 403);
    } catch (WireException e) {
      return done(failure(service, e, requestId));
    }
    Operations.Operation op = service.operations().get(action);
    if (op == null) {
      return done(
          error(
              service,
              400,
              "InvalidAction",
              "The action " + action + " is not valid for this endpoint.",
              requestId));
    }
    CompletableFuture<Object> response;
    try {
      Object sdkRequest =
          LocalQueueUrls.canonical(
              structure(service, params, "", op.requestBuilder()), request, aws.region().name());
      response =
          park && sdkRequest instanceof ReceiveMessageRequest receive
              ? aws.sqsAsyncClient().receiveMessage(receive).thenApply(r -> r)
              : op.call(service.client(aws), sdkRequest);
    } catch (RuntimeException e) {
      return done(failure(service, e, requestId));
    }
    return response.handle(
        (r, e) ->
            e == null
                ? success(service, action, (SdkPojo) r, requestId)
                : failure(service, Operations.unwrap(e), requestId));
  }

  private static CompletableFuture<WireResponse> done(WireResponse r) {
    return CompletableFuture.completedFuture(r);
  }

  private static WireResponse success(
      QueryService service, String action, SdkPojo sdkResponse, String requestId) {
    StringBuilder xml = new StringBuilder(256);
    xml.append("<?xml version=\"1.0\"?><")
        .append(action)
        .append("Response xmlns=\"")
        .append(service.xmlns())
        .append("\"><")
        .append(action)
        .append("Result>");
    writeMembers(service, xml, sdkResponse);
    xml.append("</")
        .append(action)
        .append("Result><ResponseMetadata><RequestId>")
        .append(requestId)
        .append("</RequestId></ResponseMetadata></")
        .append(action)
        .append("Response>");
    return WireResponse.of(200, "text/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static WireResponse failure(QueryService service, RuntimeException e, String requestId) {
    if (e instanceof WireException w) {
      return w.errorCode().equals("SerializationException")
          ? error(service, 400, "InvalidParameterValue", e.getMessage(), requestId)
          : error(service, w.statusCode(), w.errorCode(), e.getMessage(), requestId);
    }
    if (e instanceof AwsServiceException a) {
      return error(
          service,
          a.statusCode(),
          a.awsErrorDetails().errorCode(),
          a.awsErrorDetails().errorMessage(),
          requestId);
    }
    if (e instanceof UnsupportedOperationException) {
      return error(service, 400, "InvalidAction", e.getMessage(), requestId);
    }
    // Input the simulated client should have rejected: AWS's answer to invalid input.
    return error(
        service, 400, "InvalidParameterValue", "awssim rejected the request: " + e, requestId);
  }

  private static WireResponse error(
      QueryService service, int status, String code, String message, String requestId) {
    String xml =
        "<?xml version=\"1.0\"?><ErrorResponse xmlns=\""
            + service.xmlns()
            + "\"><Error><Type>"
            + (status >= 500 ? "Receiver" : "Sender")
            + "</Type><Code>"
            + escape(code)
            + "</Code><Message>"
            + escape(message == null ? "" : message)
            + "</Message><Detail/></Error><RequestId>"
            + requestId
            + "</RequestId></ErrorResponse>";
    return WireResponse.of(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  /** The Query (and XML) name of member {@code f}. */
  private static String queryName(QueryService service, SdkField<?> f) {
    if (!service.derivedNames()) {
      return f.locationName();
    }
    String name = f.locationName();
    name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    MarshallingType<?> type = f.marshallingType();
    if (type == MarshallingType.LIST) {
      SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
      if (member.marshallingType() == MarshallingType.SDK_POJO) {
        return structureName(member);
      }
      return IRREGULAR.getOrDefault(name, singular(name));
    }
    if (type == MarshallingType.MAP) {
      return singular(name);
    }
    return name;
  }

  private static String structureName(SdkField<?> member) {
    Class<?> builder = member.constructor().get().getClass();
    Class<?> model = builder.getEnclosingClass();
    return (model != null ? model : builder).getSimpleName();
  }

  private static String singular(String name) {
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }

  private static String keyName(String mapName) {
    return mapName.equals("Tag") ? "Key" : "Name";
  }

  /** The element name of a list's members in a Query model ({@code member} unless renamed). */
  private static String listMemberName(SdkField<?> list) {
    String name = list.getRequiredTrait(ListTrait.class).memberLocationName();
    return name == null ? "member" : name;
  }

  /**
   * The path of element {@code i} (from 1) of list {@code f} at {@code name}: flattened ({@code
   * Name.1}) or under its member name ({@code Name.member.1}).
   */
  private static String listPath(QueryService service, SdkField<?> f, String name, int i) {
    ListTrait list = f.getRequiredTrait(ListTrait.class);
    if (service.derivedNames() || list.isFlattened()) {
      return name + "." + i;
    }
    return name + "." + listMemberName(f) + "." + i;
  }

  /** The path of entry {@code i} (from 1) of map {@code f} at {@code name}. */
  private static String entryPath(QueryService service, SdkField<?> f, String name, int i) {
    if (service.derivedNames() || f.getRequiredTrait(MapTrait.class).isFlattened()) {
      return name + "." + i;
    }
    return name + ".entry." + i;
  }

  private static String mapKeyName(QueryService service, SdkField<?> f, String name) {
    if (service.derivedNames()) {
      return keyName(name.substring(name.lastIndexOf('.') + 1));
    }
    String k = f.getRequiredTrait(MapTrait.class).keyLocationName();
    return k == null ? "key" : k;
  }

  private static String mapValueName(QueryService service, SdkField<?> f) {
    if (service.derivedNames()) {
      return "Value";
    }
    String v = f.getRequiredTrait(MapTrait.class).valueLocationName();
    return v == null ? "value" : v;
  }

  private static Object structure(
      QueryService service,
      Map<String, String> params,
      String prefix,
      Supplier<SdkPojo> constructor) {
    SdkPojo builder = constructor.get();
    for (SdkField<?> f : builder.sdkFields()) {
      if (f.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      Object v = member(service, params, prefix + queryName(service, f), f);
      if (v != null) {
        f.set(builder, v);
      }
    }
    return ((SdkBuilder<?, ?>) builder).build();
  }

  /** The value of {@code f} at {@code name}, or null when absent. */
  private static Object member(
      QueryService service, Map<String, String> params, String name, SdkField<?> f) {
    MarshallingType<?> type = f.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      String prefix = name + ".";
      boolean any = params.keySet().stream().anyMatch(k -> k.startsWith(prefix));
      return any ? structure(service, params, prefix, f.constructor()) : null;
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>();
      for (int i = 1; ; i++) {
        Object e = member(service, params, listPath(service, f, name, i), member);
        if (e == null) {
          break;
        }
        out.add(e);
      }
      // "Name=" is how the Query protocol sends an empty list.
      return out.isEmpty() ? (params.containsKey(name) ? out : null) : out;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
      String key = mapKeyName(service, f, name);
      String valueName = mapValueName(service, f);
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 1; ; i++) {
        String entry = entryPath(service, f, name, i);
        String k = params.get(entry + "." + key);
        if (k == null) {
          break;
        }
        out.put(k, member(service, params, entry + "." + valueName, value));
      }
      return out.isEmpty() ? null : out;
    }
    String raw = params.get(name);
    if (raw == null) {
      return null;
    }
    try {
      if (type == MarshallingType.STRING) {
        return raw;
      } else if (type == MarshallingType.INTEGER) {
        return Integer.valueOf(raw);
      } else if (type == MarshallingType.LONG) {
        return Long.valueOf(raw);
      } else if (type == MarshallingType.BOOLEAN) {
        if (!raw.equals("true") && !raw.equals("false")) {
          throw new IllegalArgumentException("not a boolean");
        }
        return Boolean.valueOf(raw);
      } else if (type == MarshallingType.DOUBLE) {
        return Double.valueOf(raw);
      } else if (type == MarshallingType.BIG_DECIMAL) {
        return new BigDecimal(raw);
      } else if (type == MarshallingType.SDK_BYTES) {
        return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(raw));
      } else if (type == MarshallingType.INSTANT) {
        return instant(raw);
      }
    } catch (RuntimeException e) {
      throw WireException.serialization("Value " + raw + " for parameter " + name + " is invalid.");
    }
    throw WireException.serialization(
        "Parameter " + name + " of type " + type + " is not supported.");
  }

  /** An ISO 8601 timestamp ({@code 2026-12-02T05:00:00Z}, an offset allowed) or epoch seconds. */
  private static Instant instant(String raw) {
    if (!raw.isEmpty() && Character.isDigit(raw.charAt(raw.length() - 1)) && !raw.contains("T")) {
      BigDecimal millis = new BigDecimal(raw).movePointRight(3);
      return Instant.ofEpochMilli(millis.longValueExact());
    }
    return OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  private static void writeMembers(QueryService service, StringBuilder xml, SdkPojo pojo) {
    for (SdkField<?> f : pojo.sdkFields()) {
      if (f.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      Object v = f.getValueOrDefault(pojo);
      if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
        continue;
      }
      String name = service.derivedNames() ? queryName(service, f) : f.unmarshallLocationName();
      writeValue(service, xml, name, f, v);
    }
  }

  private static void writeValue(
      QueryService service, StringBuilder xml, String name, SdkField<?> f, Object v) {
    if (v instanceof List<?> list) {
      SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
      boolean wrapped =
          !service.derivedNames() && !f.getRequiredTrait(ListTrait.class).isFlattened();
      if (wrapped) {
        xml.append('<').append(name).append('>');
      }
      for (Object e : list) {
        writeValue(service, xml, wrapped ? listMemberName(f) : name, member, e);
      }
      if (wrapped) {
        xml.append("</").append(name).append('>');
      }
      return;
    }
    if (v instanceof Map<?, ?> map) {
      SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
      boolean wrapped =
          !service.derivedNames() && !f.getRequiredTrait(MapTrait.class).isFlattened();
      String key = mapKeyName(service, f, name);
      String valueName = mapValueName(service, f);
      String entry = wrapped ? "entry" : name;
      if (wrapped) {
        xml.append('<').append(name).append('>');
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        xml.append('<').append(entry).append("><").append(key).append('>');
        xml.append(escape(String.valueOf(e.getKey())));
        xml.append("</").append(key).append('>');
        writeValue(service, xml, valueName, value, e.getValue());
        xml.append("</").append(entry).append('>');
      }
      if (wrapped) {
        xml.append("</").append(name).append('>');
      }
      return;
    }
    xml.append('<').append(name).append('>');
    if (v instanceof SdkPojo p) {
      writeMembers(service, xml, p);
    } else if (v instanceof SdkBytes b) {
      xml.append(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
    } else if (v != null) {
      xml.append(escape(String.valueOf(v)));
    }
    xml.append("</").append(name).append('>');
  }

  /**
   * {@code s} escaped for XML text; characters XML 1.0 cannot carry become character references.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\r' -> b.append("&#xD;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
