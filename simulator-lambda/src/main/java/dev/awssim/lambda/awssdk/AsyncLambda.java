package dev.awssim.lambda.awssdk;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * The {@link LambdaAsyncClient} over a {@link SimulatedLambdaClient}: each operation the sync
 * client implements runs it and returns its answer as a completed future, or its exception (the
 * SDK's modelled one) as a failed future, except {@code Invoke}, whose {@code RequestResponse}
 * future completes at the invocation's virtual end ({@link SimulatedLambdaClient#invokeAsync}); the
 * interface's default methods (the {@code Consumer<Builder>} forms and the paginators) run as the
 * SDK wrote them, over those operations.
 */
final class AsyncLambda {
  private AsyncLambda() {}

  static LambdaAsyncClient over(SimulatedLambdaClient sync) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "SimulatedLambdaAsyncClient";
            };
          }
          if (method.getName().equals("invoke")
              && args != null
              && args.length == 1
              && args[0] instanceof InvokeRequest request) {
            return sync.invokeAsync(request);
          }
          Method own = syncMethod(method);
          if (own == null) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          Object result;
          try {
            result = own.invoke(sync, args);
          } catch (InvocationTargetException e) {
            if (method.getReturnType() == CompletableFuture.class) {
              return CompletableFuture.failedFuture(e.getCause());
            }
            throw e.getCause();
          }
          return method.getReturnType() == CompletableFuture.class
              ? CompletableFuture.completedFuture(result)
              : result;
        };
    return (LambdaAsyncClient)
        Proxy.newProxyInstance(
            LambdaAsyncClient.class.getClassLoader(),
            new Class<?>[] {LambdaAsyncClient.class},
            handler);
  }

  /**
   * The sync client's own implementation of {@code method} (same name and parameters, declared by
   * SimulatedLambdaClient itself rather than left to the interface's default), or null.
   */
  private static Method syncMethod(Method method) {
    try {
      Method m =
          SimulatedLambdaClient.class.getDeclaredMethod(
              method.getName(), method.getParameterTypes());
      return java.lang.reflect.Modifier.isPublic(m.getModifiers()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
