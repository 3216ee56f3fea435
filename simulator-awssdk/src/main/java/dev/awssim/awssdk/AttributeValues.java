package dev.awssim.awssdk;

import dev.awssim.dynamodb.AttributeValue;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/**
 * DynamoDB attribute values and items, both ways, for every type ({@code S N B BOOL NULL M L SS NS
 * BS}), nested to any depth. Maps keep their order.
 */
final class AttributeValues {
  private AttributeValues() {}

  static AttributeValue toCore(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
    return switch (v.type()) {
      case S -> AttributeValue.s(v.s());
      case N -> AttributeValue.n(v.n());
      case B -> AttributeValue.b(v.b().asByteArray());
      case BOOL -> AttributeValue.bool(v.bool());
      case NUL -> AttributeValue.nul();
      case M -> AttributeValue.m(toCore(v.m()));
      case L -> AttributeValue.l(Convert.list(v.l(), AttributeValues::toCore));
      case SS -> AttributeValue.ss(v.ss());
      case NS -> AttributeValue.ns(v.ns());
      case BS -> AttributeValue.bs(Convert.list(v.bs(), SdkBytes::asByteArray));
      case UNKNOWN_TO_SDK_VERSION ->
          throw DynamoDbRequests.validation(
              "Supplied AttributeValue is empty, must contain exactly one of the supported"
                  + " datatypes");
    };
  }

  static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
    var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
    switch (v.type()) {
      case S -> b.s(v.s());
      case N -> b.n(v.n());
      case B -> b.b(SdkBytes.fromByteArray(v.b()));
      case BOOL -> b.bool(v.bool());
      case NULL -> b.nul(true);
      case M -> b.m(toSdk(v.m()));
      case L -> b.l(Convert.list(v.l(), AttributeValues::toSdk));
      case SS -> b.ss(v.ss());
      case NS -> b.ns(v.ns());
      case BS -> b.bs(Convert.list(v.bs(), SdkBytes::fromByteArray));
    }
    return b.build();
  }

  /** An item or key to the simulator's form. */
  static Map<String, AttributeValue> toCore(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    return Convert.values(item, AttributeValues::toCore);
  }

  /** An item or key to the SDK's form; null stays null (absent in the response). */
  static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
      Map<String, AttributeValue> item) {
    return item == null ? null : Convert.values(item, AttributeValues::toSdk);
  }

  static List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>>
      itemsToSdk(List<Map<String, AttributeValue>> items) {
    return Convert.list(items, AttributeValues::toSdk);
  }

  static List<Map<String, AttributeValue>> itemsToCore(
      List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items) {
    return Convert.list(items, AttributeValues::toCore);
  }
}
