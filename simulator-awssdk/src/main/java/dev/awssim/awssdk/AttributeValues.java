package dev.awssim.awssdk;

import dev.awssim.dynamodb.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/**
 * DynamoDB attribute values and items, both ways, for every type ({@code S N B BOOL NULL M L SS NS
 * BS}), nested to any depth. Maps keep their order.
 */
final class AttributeValues {
  private AttributeValues() {}

  /**
   * The simulator's value, or DynamoDB's ValidationException for a value AWS rejects: none or more
   * than one type set, a {@code NULL} of false, a null set member; a number that is not a DynamoDB
   * number fails as the simulator's own ValidationException, so conversion must run where the
   * client translates simulator errors.
   */
  static AttributeValue toCore(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
    if (v == null) {
      throw DynamoDbRequests.validation("The supplied Item contains a null AttributeValue");
    }
    var type = v.type();
    if (type == null) {
      // The SDK reports no type when a builder was given more than one.
      throw DynamoDbRequests.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of"
              + " the supported datatypes");
    }
    return switch (type) {
      case S -> AttributeValue.s(v.s());
      case N -> AttributeValue.n(v.n());
      // The simulator copies the bytes it is given, and hands out copies: one copy each way.
      case B -> AttributeValue.b(v.b().asByteArrayUnsafe());
      case BOOL -> AttributeValue.bool(v.bool());
      case NUL -> {
        if (!v.nul()) {
          throw DynamoDbRequests.validation(
              "One or more parameter values were invalid: Null attribute value types must have"
                  + " the value of true");
        }
        yield AttributeValue.nul();
      }
      case M -> AttributeValue.m(toCore(v.m()));
      case L -> AttributeValue.l(Convert.list(v.l(), AttributeValues::toCore));
      case SS -> AttributeValue.ss(members(v.ss()));
      case NS -> AttributeValue.ns(members(v.ns()));
      case BS -> AttributeValue.bs(Convert.list(members(v.bs()), SdkBytes::asByteArrayUnsafe));
      case UNKNOWN_TO_SDK_VERSION ->
          throw DynamoDbRequests.validation(
              "Supplied AttributeValue is empty, must contain exactly one of the supported"
                  + " datatypes");
    };
  }

  private static <T> List<T> members(List<T> members) {
    // A loop, not contains(null): immutable lists throw on a null query.
    for (T member : members) {
      if (member == null) {
        throw DynamoDbRequests.validation("The supplied set contains a null member");
      }
    }
    return members;
  }

  static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
    return toSdk(v, BUILDERS.get());
  }

  private static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(
      AttributeValue v, Builders builders) {
    return switch (v.type()) {
      case S -> builders.s.s(v.s()).build();
      case N -> builders.n.n(v.n()).build();
      case B -> builders.b.b(SdkBytes.fromByteArrayUnsafe(v.b())).build();
      case BOOL -> builders.bool.bool(v.bool()).build();
      case NULL -> builders.nul.nul(true).build();
      case M -> builders.m.m(toSdk(v.m(), builders)).build();
      case L -> builders.l.l(Convert.list(v.l(), e -> toSdk(e, builders))).build();
      case SS -> builders.ss.ss(v.ss()).build();
      case NS -> builders.ns.ns(v.ns()).build();
      case BS -> builders.bs.bs(Convert.list(v.bs(), SdkBytes::fromByteArrayUnsafe)).build();
    };
  }

  private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
      Map<String, AttributeValue> item, Builders builders) {
    return Convert.values(item, v -> toSdk(v, builders));
  }

  private static final ThreadLocal<Builders> BUILDERS = ThreadLocal.withInitial(Builders::new);

  /**
   * One SDK builder per attribute type, reused: a builder only ever given values of one type skips
   * the SDK's union bookkeeping after its first value, and {@code build()} copies the builder's
   * (immutable) fields, so reuse shares nothing mutable. A third of a Query's time went to new
   * builders.
   */
  private static final class Builders {
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder s = builder();
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder n = builder();
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder b = builder();
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder bool = builder();
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder nul = builder();
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder m = builder();
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder l = builder();
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder ss = builder();
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder ns = builder();
    final software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder bs = builder();

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder builder() {
      return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
    }
  }

  /** An item or key to the simulator's form. */
  static Map<String, AttributeValue> toCore(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    if (item == null) {
      throw DynamoDbRequests.validation("The supplied Item contains a null map");
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    item.forEach(
        (name, value) -> {
          if (name == null) {
            throw DynamoDbRequests.validation("The supplied Item contains a null attribute name");
          }
          out.put(name, toCore(value));
        });
    return out;
  }

  /**
   * An item or key in the SDK's form, for an SDK builder (which copies it): a view that converts
   * each value as the builder reads it. Null stays null (absent in the response).
   */
  static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
      Map<String, AttributeValue> item) {
    return item == null ? null : new SdkItemView(item);
  }

  static List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>>
      itemsToSdk(List<Map<String, AttributeValue>> items) {
    return Convert.list(items, SdkItemView::new);
  }

  static List<Map<String, AttributeValue>> itemsToCore(
      List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items) {
    return Convert.list(items, AttributeValues::toCore);
  }
}
