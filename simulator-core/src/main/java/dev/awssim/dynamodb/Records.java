package dev.awssim.dynamodb;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the request records share: the defensive copies of their collections, and the {@code
 * with...} methods, which copy a record with one component replaced through its canonical
 * constructor. A request gains a parameter by gaining a record component (and, for callers who set
 * it, a one-line {@code with...} method): no builder to keep in step.
 */
final class Records {
  private Records() {}

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return new Shape(type);
        }
      };

  /** A copy of {@code record} whose component {@code name} is {@code value}. */
  static <R extends Record> R with(R record, String name, Object value) {
    Shape shape = SHAPES.get(record.getClass());
    Object[] args = new Object[shape.accessors.length];
    boolean found = false;
    try {
      for (int i = 0; i < args.length; i++) {
        if (shape.names[i].equals(name)) {
          args[i] = value;
          found = true;
        } else {
          args[i] = shape.accessors[i].invoke(record);
        }
      }
      if (!found) {
        throw new IllegalStateException(record.getClass().getSimpleName() + " has no " + name);
      }
      @SuppressWarnings("unchecked")
      R copy = (R) shape.constructor.newInstance(args);
      return copy;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unmodifiable insertion-ordered copy; null becomes empty. */
  static <V> Map<String, V> copy(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** An unmodifiable insertion-ordered copy; null stays null (an absent parameter). */
  static <V> Map<String, V> copyOrNull(Map<String, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** An unmodifiable copy; null becomes empty. */
  static <V> List<V> copy(List<V> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static final class Shape {
    final String[] names;
    final Method[] accessors;
    final Constructor<?> constructor;

    Shape(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      names = new String[components.length];
      accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        names[i] = components[i].getName();
        accessors[i] = components[i].getAccessor();
        types[i] = components[i].getType();
      }
      try {
        constructor = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
