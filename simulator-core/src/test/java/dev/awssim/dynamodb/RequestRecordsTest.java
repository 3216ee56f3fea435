package dev.awssim.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestRecordsTest {
  private static final List<Class<? extends Record>> REQUESTS =
      List.of(
          PutItemRequest.class,
          DeleteItemRequest.class,
          UpdateItemRequest.class,
          GetItemRequest.class,
          QueryRequest.class,
          ScanRequest.class,
          CreateTableRequest.class,
          UpdateTableRequest.class,
          WriteCondition.class);

  /** Every {@code withX} method sets component {@code x} and keeps the others. */
  @Test
  void withMethods_eachSetsItsComponent_othersKept() throws Exception {
    for (Class<? extends Record> type : REQUESTS) {
      Method of =
          List.of(type.getMethods()).stream()
              .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getName().equals("of"))
              .findFirst()
              .orElseThrow();
      Object[] args = new Object[of.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = of.getParameterTypes()[i] == String.class ? "t" : Map.of();
      }
      Object base = of.invoke(null, args);
      for (Method with : type.getMethods()) {
        if (!with.getName().startsWith("with") || with.getParameterCount() != 1) {
          continue;
        }
        String component =
            Character.toLowerCase(with.getName().charAt(4)) + with.getName().substring(5);
        Object value = sample(with.getParameterTypes()[0]);
        Object copy = with.invoke(base, value);
        for (var c : type.getRecordComponents()) {
          if (c.getName().equals(component)) {
            assertEquals(value, c.getAccessor().invoke(copy), type + "." + with.getName());
          } else {
            assertEquals(
                c.getAccessor().invoke(base),
                c.getAccessor().invoke(copy),
                type + "." + with.getName() + " kept " + c.getName());
          }
        }
      }
    }
  }

  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "x";
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == Integer.class) {
      return 7;
    }
    if (type == Boolean.class) {
      return false;
    }
    if (type == Map.class) {
      return Map.of("#k", "v");
    }
    if (type == List.class) {
      return List.of();
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[type.getEnumConstants().length - 1];
    }
    if (type == WriteCondition.class) {
      return WriteCondition.of("attribute_exists(a)");
    }
    if (type == ProvisionedThroughput.class) {
      return new ProvisionedThroughput(3, 4);
    }
    if (type == StreamSpecification.class) {
      return new StreamSpecification(true, StreamViewType.KEYS_ONLY);
    }
    if (type == OnDemandThroughput.class) {
      return new OnDemandThroughput(5L, 6L);
    }
    if (type == WarmThroughput.class) {
      return new WarmThroughput(7L, 8L);
    }
    throw new IllegalArgumentException("no sample for " + type);
  }

  /** The AWS numbers DynamoDbLimits carries for the time rules, each from its AWS page. */
  @Test
  void limits_timeRules_areAwsNumbers() {
    assertEquals(Duration.ofMinutes(10), DynamoDbLimits.TRANSACTION_TOKEN_LIFETIME);
    assertEquals(Duration.ofMinutes(15), DynamoDbLimits.STREAM_ITERATOR_LIFETIME);
    assertEquals(Duration.ofHours(24), DynamoDbLimits.STREAM_RECORD_RETENTION);
    assertEquals(Duration.ofHours(1), DynamoDbLimits.TTL_CHANGE_INTERVAL);
  }
}
