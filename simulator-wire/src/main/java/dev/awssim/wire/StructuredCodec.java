package dev.awssim.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.protocols.cbor.internal.AwsStructuredCborFactory;
import software.amazon.awssdk.protocols.json.BaseAwsStructuredJsonFactory;
import software.amazon.awssdk.protocols.json.SdkJsonGenerator;
import software.amazon.awssdk.protocols.json.StructuredJsonGenerator;
import software.amazon.awssdk.protocols.json.internal.AwsStructuredPlainJsonFactory;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The AWS JSON 1.0 / 1.1 and CBOR 1.1 body codec, driven only by the SDK's field metadata ({@link
 * SdkPojo#sdkFields()}): member names, marshalling types, list and map traits. No request or
 * response shape is written by hand, so every operation an SDK model defines is covered.
 *
 * <p>JSON timestamps are epoch seconds with a fraction; CBOR timestamps are epoch milliseconds (tag
 * 1) and blobs are CBOR byte strings, as the SDK's {@code SdkCborGenerator} writes them. Members
 * absent from the body stay absent (unset) in the built request; unset lists and maps of a response
 * are not written.
 */
final class StructuredCodec {
  /** AWS JSON (1.0 and 1.1 share the body format). */
  static final StructuredCodec JSON =
      new StructuredCodec(
          AwsStructuredPlainJsonFactory.SDK_JSON_FACTORY,
          false,
          () ->
              AwsStructuredPlainJsonFactory.SDK_JSON_FACTORY.createWriter(
                  "application/octet-stream"));

  /** AWS CBOR 1.1 (Kinesis' default in the Java SDK v2): timestamps in epoch milliseconds. */
  static final StructuredCodec CBOR =
      new StructuredCodec(
          AwsStructuredCborFactory.SDK_CBOR_FACTORY,
          true,
          () -> AwsStructuredCborFactory.SDK_CBOR_FACTORY.createWriter("application/octet-stream"));

  /**
   * Smithy RPC v2 CBOR: the body format of CBOR 1.1, but timestamps in epoch seconds (tag 1 with a
   * fraction). https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html
   */
  static final StructuredCodec RPC_V2_CBOR =
      new StructuredCodec(
          AwsStructuredCborFactory.SDK_CBOR_FACTORY,
          false,
          () ->
              new EpochSecondsCborGenerator(
                  AwsStructuredCborFactory.SDK_CBOR_FACTORY.getJsonFactory()));

  private final Supplier<StructuredJsonGenerator> writers;
  private final JsonNodeParser parser;
  private final boolean millis;

  private StructuredCodec(
      BaseAwsStructuredJsonFactory factory,
      boolean millis,
      Supplier<StructuredJsonGenerator> writers) {
    this.writers = writers;
    this.parser =
        JsonNodeParser.builder()
            .jsonFactory(factory.getJsonFactory())
            .removeErrorLocations(true)
            .build();
    this.millis = millis;
  }

  /** A CBOR generator that writes timestamps as tag 1 with epoch seconds, as RPC v2 wants. */
  private static final class EpochSecondsCborGenerator extends SdkJsonGenerator {
    EpochSecondsCborGenerator(JsonFactory factory) {
      super(factory, "application/cbor");
    }

    @Override
    public StructuredJsonGenerator writeValue(Instant t) {
      try {
        CBORGenerator g = (CBORGenerator) getGenerator();
        g.writeTag(1);
        if (t.getNano() == 0) {
          g.writeNumber(t.getEpochSecond());
        } else {
          g.writeNumber(
              BigDecimal.valueOf(t.getEpochSecond(), 0)
                  .add(BigDecimal.valueOf(t.getNano(), 9))
                  .doubleValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }
  }

  /**
   * Builds the SDK object whose builder {@code constructor} supplies from {@code body}; an empty
   * body is an empty object.
   *
   * @throws WireException SerializationException (400) for a body that is not well-formed or whose
   *     member types do not match the model
   */
  Object decode(byte[] body, Supplier<SdkPojo> constructor) {
    JsonNode root;
    if (body.length == 0) {
      root = JsonNode.emptyObjectNode();
    } else {
      try {
        root = parser.parse(body);
      } catch (RuntimeException e) {
        throw WireException.serialization("Malformed request body: " + e.getMessage());
      }
    }
    return structure(root, constructor, "");
  }

  /** The body of {@code pojo} in this codec's format. */
  byte[] encode(SdkPojo pojo) {
    StructuredJsonGenerator gen = writers.get();
    writeStructure(gen, pojo);
    return gen.getBytes();
  }

  /**
   * An error body: {@code __type}, {@code message} and the members the modelled exception carries
   * (such as DynamoDB's {@code CancellationReasons}).
   */
  byte[] encodeError(String type, String message, SdkPojo members) {
    StructuredJsonGenerator gen = writers.get();
    gen.writeStartObject();
    gen.writeFieldName("__type").writeValue(type);
    if (message != null) {
      gen.writeFieldName("message").writeValue(message);
    }
    if (members != null) {
      for (SdkField<?> f : members.sdkFields()) {
        if (!f.locationName().equalsIgnoreCase("message")) {
          writeMember(gen, f, members);
        }
      }
    }
    gen.writeEndObject();
    return gen.getBytes();
  }

  private Object structure(JsonNode node, Supplier<SdkPojo> constructor, String path) {
    if (!node.isObject()) {
      throw mismatch(path, "a structure");
    }
    SdkPojo builder = constructor.get();
    Map<String, JsonNode> members = node.asObject();
    for (SdkField<?> f : builder.sdkFields()) {
      if (f.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      JsonNode v = members.get(f.unmarshallLocationName());
      if (v == null || v.isNull()) {
        continue;
      }
      f.set(builder, value(f, v, path + "/" + f.unmarshallLocationName()));
    }
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private Object value(SdkField<?> f, JsonNode v, String path) {
    MarshallingType<?> type = f.marshallingType();
    try {
      if (type == MarshallingType.STRING) {
        if (!v.isString()) {
          throw mismatch(path, "a string");
        }
        return v.asString();
      } else if (type == MarshallingType.BOOLEAN) {
        if (!v.isBoolean()) {
          throw mismatch(path, "a boolean");
        }
        return v.asBoolean();
      } else if (type == MarshallingType.INTEGER) {
        return Integer.valueOf(number(v, path));
      } else if (type == MarshallingType.LONG) {
        return Long.valueOf(number(v, path));
      } else if (type == MarshallingType.SHORT) {
        return Short.valueOf(number(v, path));
      } else if (type == MarshallingType.BYTE) {
        return Byte.valueOf(number(v, path));
      } else if (type == MarshallingType.FLOAT) {
        return Float.valueOf(number(v, path));
      } else if (type == MarshallingType.DOUBLE) {
        return Double.valueOf(number(v, path));
      } else if (type == MarshallingType.BIG_DECIMAL) {
        return new BigDecimal(number(v, path));
      } else if (type == MarshallingType.INSTANT) {
        return instant(v, path);
      } else if (type == MarshallingType.SDK_BYTES) {
        return bytes(v, path);
      } else if (type == MarshallingType.SDK_POJO) {
        return structure(v, f.constructor(), path);
      } else if (type == MarshallingType.LIST) {
        if (!v.isArray()) {
          throw mismatch(path, "a list");
        }
        SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : v.asArray()) {
          out.add(e.isNull() ? null : value(member, e, path + "/" + i++));
        }
        return out;
      } else if (type == MarshallingType.MAP) {
        if (!v.isObject()) {
          throw mismatch(path, "a map");
        }
        SdkField<?> member = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.asObject().entrySet()) {
          out.put(
              e.getKey(),
              e.getValue().isNull() ? null : value(member, e.getValue(), path + "/" + e.getKey()));
        }
        return out;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw mismatch(path, "a number of type " + type);
    }
    throw WireException.serialization("awssim cannot decode member " + path + " of type " + type);
  }

  private static String number(JsonNode v, String path) {
    if (!v.isNumber()) {
      throw mismatch(path, "a number");
    }
    return v.asNumber();
  }

  private Instant instant(JsonNode v, String path) {
    if (v.isNumber()) {
      BigDecimal n = new BigDecimal(v.asNumber());
      if (millis) {
        return Instant.ofEpochMilli(n.longValueExact());
      }
      BigDecimal millis = n.movePointRight(3);
      return Instant.ofEpochMilli(millis.longValue())
          .plusNanos(millis.remainder(BigDecimal.ONE).movePointRight(6).longValue());
    }
    if (v.isString()) {
      try {
        return Instant.parse(v.asString());
      } catch (RuntimeException e) {
        throw mismatch(path, "a timestamp");
      }
    }
    throw mismatch(path, "a timestamp");
  }

  private static SdkBytes bytes(JsonNode v, String path) {
    if (v.isEmbeddedObject() && v.asEmbeddedObject() instanceof byte[] b) {
      return SdkBytes.fromByteArray(b);
    }
    if (v.isString()) {
      try {
        return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(v.asString()));
      } catch (IllegalArgumentException e) {
        throw mismatch(path, "base64-encoded binary data");
      }
    }
    throw mismatch(path, "a blob");
  }

  private static WireException mismatch(String path, String expected) {
    return WireException.serialization(
        "Unexpected value at '" + (path.isEmpty() ? "/" : path) + "': expected " + expected);
  }

  private void writeStructure(StructuredJsonGenerator gen, SdkPojo pojo) {
    gen.writeStartObject();
    for (SdkField<?> f : pojo.sdkFields()) {
      writeMember(gen, f, pojo);
    }
    gen.writeEndObject();
  }

  private void writeMember(StructuredJsonGenerator gen, SdkField<?> f, SdkPojo pojo) {
    if (f.location() != MarshallLocation.PAYLOAD) {
      return;
    }
    Object v = f.getValueOrDefault(pojo);
    if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
      return;
    }
    gen.writeFieldName(f.locationName());
    writeValue(gen, f, v);
  }

  private void writeValue(StructuredJsonGenerator gen, SdkField<?> f, Object v) {
    if (v == null) {
      gen.writeNull();
    } else if (v instanceof String s) {
      gen.writeValue(s);
    } else if (v instanceof Boolean b) {
      gen.writeValue(b);
    } else if (v instanceof Integer i) {
      gen.writeValue(i);
    } else if (v instanceof Long l) {
      gen.writeValue(l);
    } else if (v instanceof Short s) {
      gen.writeValue(s);
    } else if (v instanceof Byte b) {
      gen.writeValue(b);
    } else if (v instanceof Float x) {
      gen.writeValue(x);
    } else if (v instanceof Double d) {
      gen.writeValue(d);
    } else if (v instanceof BigDecimal d) {
      gen.writeValue(d);
    } else if (v instanceof BigInteger d) {
      gen.writeValue(d);
    } else if (v instanceof Instant t) {
      gen.writeValue(t);
    } else if (v instanceof SdkBytes b) {
      gen.writeValue(ByteBuffer.wrap(b.asByteArrayUnsafe()));
    } else if (v instanceof SdkPojo p) {
      writeStructure(gen, p);
    } else if (v instanceof List<?> list) {
      SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
      gen.writeStartArray();
      for (Object e : list) {
        writeValue(gen, member, e);
      }
      gen.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      SdkField<?> member = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        gen.writeFieldName(String.valueOf(e.getKey()));
        writeValue(gen, member, e.getValue());
      }
      gen.writeEndObject();
    } else {
      throw new IllegalStateException(
          "awssim cannot encode " + v.getClass().getName() + " of member " + f.memberName());
    }
  }
}
