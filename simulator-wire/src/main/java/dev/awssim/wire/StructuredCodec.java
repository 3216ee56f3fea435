package dev.awssim.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParseException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser.NumberType;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
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
 * are not written. Requests are decoded from Jackson's token stream straight into the SDK's
 * builders (no intermediate tree), with the same rules for both formats.
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
  private final JsonFactory factory;
  private final boolean millis;

  private StructuredCodec(
      BaseAwsStructuredJsonFactory factory,
      boolean millis,
      Supplier<StructuredJsonGenerator> writers) {
    this.writers = writers;
    this.factory = factory.getJsonFactory();
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
   * <p>The body is read as a stream of tokens straight into the SDK builders, members found by name
   * in a table per builder class: no tree of nodes is built, and the path of a member is only
   * spelled out when it is wrong. Members the model does not have are skipped; a member given twice
   * keeps its last value.
   *
   * @throws WireException SerializationException (400) for a body that is not well-formed or whose
   *     member types do not match the model
   */
  Object decode(byte[] body, Supplier<SdkPojo> constructor) {
    if (body.length == 0) {
      return ((SdkBuilder<?, ?>) constructor.get()).build();
    }
    try (JsonParser p = factory.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw WireException.serialization("Malformed request body: no content");
      }
      return structure(p, t, constructor);
    } catch (Mismatch m) {
      throw m.toWireException();
    } catch (JsonProcessingException e) {
      e.clearLocation();
      throw WireException.serialization("Malformed request body: " + e.getMessage());
    } catch (IOException e) {
      throw WireException.serialization("Malformed request body: " + e.getMessage());
    }
  }

  /** The payload members of each builder class by their name on the wire. */
  private static final ConcurrentHashMap<Class<?>, Map<String, SdkField<?>>> MEMBERS =
      new ConcurrentHashMap<>();

  private static Map<String, SdkField<?>> members(SdkPojo builder) {
    return MEMBERS.computeIfAbsent(
        builder.getClass(),
        c -> {
          Map<String, SdkField<?>> byName = new HashMap<>();
          for (SdkField<?> f : builder.sdkFields()) {
            if (f.location() == MarshallLocation.PAYLOAD) {
              byName.putIfAbsent(f.unmarshallLocationName(), f);
            }
          }
          return byName;
        });
  }

  private Object structure(JsonParser p, JsonToken t, Supplier<SdkPojo> constructor)
      throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw new Mismatch("a structure");
    }
    SdkPojo builder = constructor.get();
    Map<String, SdkField<?>> members = members(builder);
    JsonToken k;
    while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      SdkField<?> f = members.get(name);
      if (f == null || v == JsonToken.VALUE_NULL) {
        p.skipChildren();
        continue;
      }
      try {
        f.set(builder, value(p, v, f));
      } catch (Mismatch m) {
        throw m.under(name);
      }
    }
    if (k != JsonToken.END_OBJECT) {
      throw new JsonParseException(p, "unexpected " + k + " in an object");
    }
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private Object value(JsonParser p, JsonToken t, SdkField<?> f) throws IOException {
    MarshallingType<?> type = f.marshallingType();
    try {
      if (type == MarshallingType.STRING) {
        if (t != JsonToken.VALUE_STRING) {
          throw new Mismatch("a string");
        }
        return p.getText();
      } else if (type == MarshallingType.BOOLEAN) {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
          throw new Mismatch("a boolean");
        }
        return t == JsonToken.VALUE_TRUE;
      } else if (type == MarshallingType.INTEGER) {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == NumberType.INT) {
          return p.getIntValue();
        }
        return Integer.valueOf(number(p, t));
      } else if (type == MarshallingType.LONG) {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != NumberType.BIG_INTEGER) {
          return p.getLongValue();
        }
        return Long.valueOf(number(p, t));
      } else if (type == MarshallingType.SHORT) {
        return Short.valueOf(number(p, t));
      } else if (type == MarshallingType.BYTE) {
        return Byte.valueOf(number(p, t));
      } else if (type == MarshallingType.FLOAT) {
        return Float.valueOf(number(p, t));
      } else if (type == MarshallingType.DOUBLE) {
        return Double.valueOf(number(p, t));
      } else if (type == MarshallingType.BIG_DECIMAL) {
        return new BigDecimal(number(p, t));
      } else if (type == MarshallingType.INSTANT) {
        return instant(p, t);
      } else if (type == MarshallingType.SDK_BYTES) {
        return bytes(p, t);
      } else if (type == MarshallingType.SDK_POJO) {
        return structure(p, t, f.constructor());
      } else if (type == MarshallingType.LIST) {
        if (t != JsonToken.START_ARRAY) {
          throw new Mismatch("a list");
        }
        SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> out = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          if (e == null) {
            throw new JsonParseException(p, "unexpected end of a list");
          }
          try {
            out.add(e == JsonToken.VALUE_NULL ? null : value(p, e, member));
          } catch (Mismatch m) {
            throw m.under(Integer.toString(out.size()));
          }
        }
        return out;
      } else if (type == MarshallingType.MAP) {
        if (t != JsonToken.START_OBJECT) {
          throw new Mismatch("a map");
        }
        SdkField<?> member = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> out = new LinkedHashMap<>();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken e = p.nextToken();
          try {
            out.put(key, e == JsonToken.VALUE_NULL ? null : value(p, e, member));
          } catch (Mismatch m) {
            throw m.under(key);
          }
        }
        if (k != JsonToken.END_OBJECT) {
          throw new JsonParseException(p, "unexpected " + k + " in a map");
        }
        return out;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw new Mismatch("a number of type " + type);
    }
    throw new Mismatch(null, "awssim cannot decode member %s of type " + type);
  }

  private static String number(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new Mismatch("a number");
    }
    return p.getText();
  }

  private Instant instant(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      if (millis
          && t == JsonToken.VALUE_NUMBER_INT
          && p.getNumberType() != NumberType.BIG_INTEGER) {
        return Instant.ofEpochMilli(p.getLongValue());
      }
      BigDecimal n = new BigDecimal(p.getText());
      if (millis) {
        return Instant.ofEpochMilli(n.longValueExact());
      }
      BigDecimal ms = n.movePointRight(3);
      return Instant.ofEpochMilli(ms.longValue())
          .plusNanos(ms.remainder(BigDecimal.ONE).movePointRight(6).longValue());
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return Instant.parse(p.getText());
      } catch (RuntimeException e) {
        throw new Mismatch("a timestamp");
      }
    }
    throw new Mismatch("a timestamp");
  }

  private static SdkBytes bytes(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_EMBEDDED_OBJECT && p.getEmbeddedObject() instanceof byte[] b) {
      return SdkBytes.fromByteArray(b);
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(p.getText()));
      } catch (IllegalArgumentException e) {
        throw new Mismatch("base64-encoded binary data");
      }
    }
    throw new Mismatch("a blob");
  }

  /**
   * A member whose value does not fit the model, thrown from where it is found; each enclosing
   * structure, list and map adds its step to the path on the way out, so that a body that decodes
   * never spells a path.
   */
  private static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String format;
    private String path = "";

    Mismatch(String expected) {
      this(expected, null);
    }

    /** {@code format}: a whole message with {@code %s} for the path, instead of "expected ...". */
    Mismatch(String expected, String format) {
      super(null, null, false, false);
      this.expected = expected;
      this.format = format;
    }

    Mismatch under(String step) {
      path = "/" + step + path;
      return this;
    }

    WireException toWireException() {
      String where = path.isEmpty() ? "/" : path;
      return format != null
          ? WireException.serialization(String.format(Locale.ROOT, format, where))
          : WireException.serialization(
              "Unexpected value at '" + where + "': expected " + expected);
    }
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
