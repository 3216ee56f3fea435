package dev.awssim.wire;

import dev.awssim.awssdk.SimulatedAws;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The AWS Query protocol for SQS (form parameters in, XML out), which older AWS CLIs (such as
 * Debian's packaged AWS CLI 2.9) still speak: {@code Action=SendMessage&QueueUrl=...}. Requests
 * become the same SDK request objects as the JSON protocol, walked through their field metadata.
 *
 * <p>The SDK's JSON-era SQS model no longer carries the Query names of its members, so they are
 * derived by the 2012-11-05 Query model's rules: a list or map is flattened under the singular of
 * its member name ({@code AttributeNames} becomes {@code AttributeName.1}, {@code Attributes}
 * becomes {@code Attribute.1.Name} / {@code Attribute.1.Value}); a list of structures under the
 * structure's name ({@code SendMessageBatchRequestEntry.1.Id}, {@code <Message>}); tags use {@code
 * Key}/{@code Value}.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-making-api-requests-xml.html
 */
final class QueryProtocol {
  private static final String XMLNS = "http://queue.amazonaws.com/doc/2012-11-05/";

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

  static WireResponse handle(SimulatedAws aws, WireRequest request, String requestId) {
    Map<String, String> params = form(request);
    String action = params.get("Action");
    Operations.Operation op = WireService.SQS.operations().get(action);
    try {
      if (op == null) {
        return error(
            400,
            "InvalidAction",
            "The action " + action + " is not valid for this endpoint.",
            requestId);
      }
      Object sdkRequest = structure(params, "", op.requestBuilder());
      Object sdkResponse = op.invoke(aws.sqsClient(), sdkRequest);
      StringBuilder xml = new StringBuilder(256);
      xml.append("<?xml version=\"1.0\"?><")
          .append(action)
          .append("Response xmlns=\"")
          .append(XMLNS)
          .append("\"><")
          .append(action)
          .append("Result>");
      writeMembers(xml, (SdkPojo) sdkResponse);
      xml.append("</")
          .append(action)
          .append("Result><ResponseMetadata><RequestId>")
          .append(requestId)
          .append("</RequestId></ResponseMetadata></")
          .append(action)
          .append("Response>");
      return WireResponse.of(200, "text/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
    } catch (WireException e) {
      return error(400, "InvalidParameterValue", e.getMessage(), requestId);
    } catch (AwsServiceException e) {
      return error(
          e.statusCode(),
          e.awsErrorDetails().errorCode(),
          e.awsErrorDetails().errorMessage(),
          requestId);
    } catch (UnsupportedOperationException e) {
      return error(400, "InvalidAction", e.getMessage(), requestId);
    } catch (RuntimeException e) {
      // Input the simulated client should have rejected: AWS's answer to invalid input.
      return error(400, "InvalidParameterValue", "awssim rejected the request: " + e, requestId);
    }
  }

  private static WireResponse error(int status, String code, String message, String requestId) {
    String xml =
        "<?xml version=\"1.0\"?><ErrorResponse xmlns=\""
            + XMLNS
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
  private static String queryName(SdkField<?> f) {
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

  private static Object structure(
      Map<String, String> params, String prefix, Supplier<SdkPojo> constructor) {
    SdkPojo builder = constructor.get();
    for (SdkField<?> f : builder.sdkFields()) {
      if (f.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      Object v = member(params, prefix + queryName(f), f);
      if (v != null) {
        f.set(builder, v);
      }
    }
    return ((SdkBuilder<?, ?>) builder).build();
  }

  /** The value of {@code f} at {@code name}, or null when absent. */
  private static Object member(Map<String, String> params, String name, SdkField<?> f) {
    MarshallingType<?> type = f.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      String prefix = name + ".";
      boolean any = params.keySet().stream().anyMatch(k -> k.startsWith(prefix));
      return any ? structure(params, prefix, f.constructor()) : null;
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>();
      for (int i = 1; ; i++) {
        Object e = member(params, name + "." + i, member);
        if (e == null) {
          break;
        }
        out.add(e);
      }
      return out.isEmpty() ? null : out;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
      String key = keyName(name.substring(name.lastIndexOf('.') + 1));
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 1; ; i++) {
        String k = params.get(name + "." + i + "." + key);
        if (k == null) {
          break;
        }
        out.put(k, member(params, name + "." + i + ".Value", value));
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
        return Instant.parse(raw);
      }
    } catch (RuntimeException e) {
      throw WireException.serialization("Value " + raw + " for parameter " + name + " is invalid.");
    }
    throw WireException.serialization(
        "Parameter " + name + " of type " + type + " is not supported.");
  }

  private static void writeMembers(StringBuilder xml, SdkPojo pojo) {
    for (SdkField<?> f : pojo.sdkFields()) {
      if (f.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      Object v = f.getValueOrDefault(pojo);
      if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
        continue;
      }
      writeValue(xml, queryName(f), f, v);
    }
  }

  private static void writeValue(StringBuilder xml, String name, SdkField<?> f, Object v) {
    if (v instanceof List<?> list) {
      SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
      for (Object e : list) {
        writeValue(xml, name, member, e);
      }
      return;
    }
    if (v instanceof Map<?, ?> map) {
      SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
      String key = keyName(name);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        xml.append('<').append(name).append("><").append(key).append('>');
        xml.append(escape(String.valueOf(e.getKey())));
        xml.append("</").append(key).append('>');
        writeValue(xml, "Value", value, e.getValue());
        xml.append("</").append(name).append('>');
      }
      return;
    }
    xml.append('<').append(name).append('>');
    if (v instanceof SdkPojo p) {
      writeMembers(xml, p);
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
