package dev.awssim.wire;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The operations of one SDK client interface, found by reflection: each method {@code
 * fooBar(FooBarRequest)} is operation {@code FooBar}, whose request builder is {@code
 * FooBarRequest.builder()}. Adding an operation to a simulated client adds it to the wire.
 */
final class Operations {
  /** One operation: the client method and its request's builder. */
  record Operation(String name, Method method, Supplier<SdkPojo> requestBuilder) {
    /** Calls the operation on {@code client}; exceptions the client throws propagate unwrapped. */
    Object invoke(Object client, Object request) {
      try {
        return method.invoke(client, request);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Calls the operation: an async client's future as it is, a sync client's result completed.
     * Exceptions a client throws (rather than completes its future with) propagate unwrapped.
     */
    CompletableFuture<Object> call(Object client, Object request) {
      Object result = invoke(client, request);
      if (result instanceof CompletableFuture<?> f) {
        return f.thenApply(r -> r);
      }
      return CompletableFuture.completedFuture(result);
    }
  }

  /** The exception a failed future holds, without its {@code CompletionException} wrapper. */
  static RuntimeException unwrap(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
  }

  private final ImmutableMap<String, Operation> byName;

  private Operations(ImmutableMap<String, Operation> byName) {
    this.byName = byName;
  }

  /** The operations of {@code clientInterface} (such as {@code SqsClient.class}). */
  static Operations of(Class<?> clientInterface) {
    ImmutableMap.Builder<String, Operation> ops = ImmutableMap.builder();
    for (Method m : clientInterface.getMethods()) {
      if (m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Class<?> param = m.getParameterTypes()[0];
      String simple = param.getSimpleName();
      if (!AwsRequest.class.isAssignableFrom(param) || !simple.endsWith("Request")) {
        continue;
      }
      String name = simple.substring(0, simple.length() - "Request".length());
      if (!m.getName().equals(decapitalize(name))) {
        continue; // paginators take the same request type
      }
      Method builder;
      try {
        builder = param.getMethod("builder");
      } catch (NoSuchMethodException e) {
        continue;
      }
      ops.put(name, new Operation(name, m, () -> newBuilder(builder)));
    }
    return new Operations(ops.buildOrThrow());
  }

  /** The operation names, as AWS spells them. */
  ImmutableSet<String> names() {
    return byName.keySet();
  }

  /** The operation named {@code name} as AWS spells it ({@code SendMessage}), or null. */
  Operation get(String name) {
    return byName.get(name);
  }

  private static SdkPojo newBuilder(Method builder) {
    try {
      return (SdkPojo) builder.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decapitalize(String name) {
    return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }
}
