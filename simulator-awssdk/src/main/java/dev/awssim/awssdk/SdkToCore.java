package dev.awssim.awssdk;

import dev.awssim.dynamodb.AttributeValue;
import dev.awssim.dynamodb.GlobalSecondaryIndexUpdate;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * SDK DynamoDB request shapes to the simulator's request records, by name: each record component is
 * read from the SDK member of the same name ({@code conditionExpression} from {@code
 * ConditionExpression}), through the SDK's own field metadata, and converted by its type. A
 * component with no member of its name that is itself a record (the {@code WriteCondition} of the
 * write requests) is read from the same SDK object. So a new request parameter is one record
 * component in simulator-core and nothing here.
 *
 * <p>Absent members (null, or the SDK's auto-constructed empty list or map) become null; {@code
 * ExpressionAttributeNames} or {@code ExpressionAttributeValues} present but empty is a
 * ValidationException, as in DynamoDB. Each (SDK class, record) pair is planned once.
 */
final class SdkToCore {
  private SdkToCore() {}

  private record Key(Class<?> sdk, Class<?> core) {}

  private static final Map<Key, Plan> PLANS = new ConcurrentHashMap<>();

  /** {@code sdk} as the record {@code type}. */
  static <R extends Record> R convert(SdkPojo sdk, Class<R> type) {
    Plan plan = PLANS.computeIfAbsent(new Key(sdk.getClass(), type), k -> new Plan(sdk, type));
    return type.cast(plan.apply(sdk));
  }

  /** Whether the SDK carries {@code value} (the SDK's auto-constructed collections are absent). */
  static boolean present(Object value) {
    return value != null
        && !(value instanceof SdkAutoConstructList)
        && !(value instanceof SdkAutoConstructMap);
  }

  private static final class Plan {
    private final Constructor<?> constructor;
    private final List<Function<SdkPojo, Object>> readers = new ArrayList<>();

    Plan(SdkPojo sample, Class<?> type) {
      Map<String, SdkField<?>> fields = new LinkedHashMap<>();
      sample.sdkFields().forEach(f -> fields.put(f.memberName(), f));
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        types[i] = c.getType();
        String member = Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1);
        SdkField<?> field = fields.get(member);
        readers.add(reader(field, member, c.getType(), c.getGenericType()));
      }
      try {
        constructor = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }

    Object apply(SdkPojo sdk) {
      Object[] args = new Object[readers.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = readers.get(i).apply(sdk);
      }
      try {
        return constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @SuppressWarnings("unchecked")
    private static Function<SdkPojo, Object> reader(
        SdkField<?> field, String member, Class<?> type, Type generic) {
      if (field == null) {
        if (type.isRecord()) {
          Class<? extends Record> nested = (Class<? extends Record>) type;
          return sdk -> convert(sdk, nested);
        }
        Object absent = absent(type);
        return sdk -> absent;
      }
      Function<Object, Object> value = converter(member, type, generic);
      Object absent = absent(type);
      return sdk -> {
        Object v = field.getValueOrDefault(sdk);
        return present(v) ? value.apply(v) : absent;
      };
    }

    private static Object absent(Class<?> type) {
      if (type == boolean.class) {
        return false;
      }
      if (type == long.class) {
        return 0L;
      }
      return type == int.class ? 0 : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<Object, Object> converter(String member, Class<?> type, Type generic) {
      if (type == GlobalSecondaryIndexUpdate.class) {
        return v ->
            DynamoDbTables.gsiUpdate(
                (software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate) v);
      }
      if (type.isEnum()) {
        Class<? extends Enum> e = (Class<? extends Enum>) type;
        return v -> DynamoDbRequests.enumOf(e, v.toString());
      }
      if (type.isRecord()) {
        Class<? extends Record> nested = (Class<? extends Record>) type;
        return v -> convert((SdkPojo) v, nested);
      }
      if (type == List.class) {
        Type element = argument(generic, 0);
        Function<Object, Object> each = converter(member, raw(element), element);
        return v -> Convert.list((List<Object>) v, e -> e == null ? null : each.apply(e));
      }
      if (type == Map.class) {
        Type valueType = argument(generic, 1);
        if (valueType == AttributeValue.class) {
          return v -> AttributeValues.toCore(nonEmpty(member, (Map) v));
        }
        Function<Object, Object> each = converter(member, raw(valueType), valueType);
        return v -> Convert.values(nonEmpty(member, (Map<String, Object>) v), each);
      }
      if (type == String.class
          || type == Boolean.class
          || type == boolean.class
          || type == Integer.class
          || type == Long.class
          || type == long.class) {
        return v -> v;
      }
      throw new IllegalStateException("no conversion to " + type + " for " + member);
    }

    /** The placeholder maps may be absent but not empty (DynamoDB's ValidationException). */
    private static <M extends Map<?, ?>> M nonEmpty(String member, M map) {
      if (map.isEmpty() && member.startsWith("ExpressionAttribute")) {
        throw DynamoDbRequests.validation(member + " must not be empty");
      }
      return map;
    }

    private static Type argument(Type generic, int i) {
      return ((ParameterizedType) generic).getActualTypeArguments()[i];
    }

    private static Class<?> raw(Type t) {
      return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }
  }
}
