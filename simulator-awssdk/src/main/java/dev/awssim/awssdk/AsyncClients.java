package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.awssim.engine.time.Cancellable;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.sqs.Sqs;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbAsyncWaiter;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardRequest;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Builds the async SDK clients on top of the sync adapters: an async operation runs the sync
 * adapter's same-named operation (its request and response translation, its error mapping) as one
 * attempt, and {@link RetryExecutor#callAsync} supplies the retries, backoffs and injected faults
 * on virtual time. So every operation, error and conversion of a sync client is also its async
 * client's, with no second copy; only the calls that wait in AWS have their own asynchronous form
 * here (SQS long polls).
 *
 * <p>The clients are {@link Proxy} instances of the SDK's async interfaces: each request-taking
 * method that returns a {@link CompletableFuture} maps to the sync method with the same name and
 * request type; the interfaces' default methods (the {@code Consumer<Builder>} overloads and the
 * paginators' publishers) run as the SDK wrote them, over those methods.
 */
final class AsyncClients {
  private AsyncClients() {}

  /** An {@link SqsAsyncClient} over {@code sync}, whose long polls wait on virtual time. */
  static SqsAsyncClient sqs(SqsClient sync, RetryExecutor retries, Sqs sqs) {
    ImmutableMap<String, Function<SdkRequest, CompletableFuture<?>>> own =
        ImmutableMap.of(
            "receiveMessage", r -> receiveMessage((ReceiveMessageRequest) r, retries, sqs));
    return create(SqsAsyncClient.class, SqsClient.class, sync, retries, own);
  }

  /**
   * A {@link KinesisAsyncClient} over {@code sync}, whose SubscribeToShard (an event stream, which
   * the sync client does not have) runs over the simulator's enhanced fan-out ({@link
   * ShardSubscriptions}). The future SubscribeToShard returns is the proxy's return value, handed
   * to the caller.
   */
  @SuppressWarnings("FutureReturnValueIgnored")
  static KinesisAsyncClient kinesis(KinesisClient sync, RetryExecutor retries, Kinesis kinesis) {
    Method subscribe;
    try {
      subscribe =
          KinesisAsyncClient.class.getMethod(
              "subscribeToShard",
              SubscribeToShardRequest.class,
              SubscribeToShardResponseHandler.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the SDK's KinesisAsyncClient has no subscribeToShard", e);
    }
    Invocation subscribeToShard =
        args ->
            ShardSubscriptions.subscribe(
                kinesis,
                retries,
                (SubscribeToShardRequest) args[0],
                (SubscribeToShardResponseHandler) checkNotNull(args[1], "asyncResponseHandler"));
    return create(
        KinesisAsyncClient.class,
        KinesisClient.class,
        sync,
        retries,
        ImmutableMap.of(),
        ImmutableMap.of(subscribe, subscribeToShard));
  }

  /**
   * A {@link DynamoDbAsyncClient} over {@code sync}, whose {@code waiter()} is the SDK's own {@link
   * DynamoDbAsyncWaiter} with its checks scheduled on virtual time ({@link VirtualTimeExecutor}):
   * the table-exists and table-not-exists waiters complete when virtual time gets there, and no
   * thread sleeps between checks. {@code self} supplies the client the waiter calls (this one).
   */
  static DynamoDbAsyncClient dynamoDb(
      DynamoDbClient sync, RetryExecutor retries, Supplier<DynamoDbAsyncClient> self) {
    Method waiter;
    try {
      waiter = DynamoDbAsyncClient.class.getMethod("waiter");
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the SDK's DynamoDbAsyncClient has no waiter()", e);
    }
    VirtualTimeExecutor executor =
        new VirtualTimeExecutor(retries.context(), retries.completions());
    Invocation newWaiter =
        args ->
            DynamoDbAsyncWaiter.builder()
                .client(self.get())
                .scheduledExecutorService(executor)
                .build();
    return create(
        DynamoDbAsyncClient.class,
        DynamoDbClient.class,
        sync,
        retries,
        ImmutableMap.of(),
        ImmutableMap.of(waiter, newWaiter));
  }

  /**
   * An async client of type {@code asyncType} whose operations run {@code sync}'s through {@code
   * retries}, except those named in {@code own}.
   */
  static <A> A create(
      Class<A> asyncType,
      Class<?> syncType,
      Object sync,
      RetryExecutor retries,
      Map<String, Function<SdkRequest, CompletableFuture<?>>> own) {
    return create(asyncType, syncType, sync, retries, own, ImmutableMap.of());
  }

  private static <A> A create(
      Class<A> asyncType,
      Class<?> syncType,
      Object sync,
      RetryExecutor retries,
      Map<String, Function<SdkRequest, CompletableFuture<?>>> own,
      Map<Method, Invocation> special) {
    Map<Method, Invocation> table = new HashMap<>(special);
    for (Method m : asyncType.getMethods()) {
      Invocation i = invocation(m, syncType, sync, retries, own);
      if (i != null && !table.containsKey(m)) {
        table.put(m, i);
      }
    }
    InvocationHandler handler =
        (proxy, method, args) -> {
          Invocation i = table.get(method);
          if (i != null) {
            return i.invoke(args);
          }
          if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args, asyncType);
          }
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          throw new UnsupportedOperationException(
              asyncType.getSimpleName() + "." + method.getName());
        };
    return asyncType.cast(
        Proxy.newProxyInstance(asyncType.getClassLoader(), new Class<?>[] {asyncType}, handler));
  }

  /**
   * How a proxy method runs, or null when the interface's default method should. The futures the
   * invocations return are the proxy's return values, handed to the caller.
   */
  @SuppressWarnings("FutureReturnValueIgnored")
  private static Invocation invocation(
      Method m,
      Class<?> syncType,
      Object sync,
      RetryExecutor retries,
      Map<String, Function<SdkRequest, CompletableFuture<?>>> own) {
    Class<?>[] params = m.getParameterTypes();
    if (params.length == 0
        && (m.getName().equals("serviceName")
            || m.getName().equals("close")
            || m.getName().equals("serviceClientConfiguration"))) {
      Method target = syncMethod(syncType, m.getName());
      return args -> invokeSync(target, sync, null);
    }
    if (params.length != 1
        || !SdkRequest.class.isAssignableFrom(params[0])
        || m.getReturnType() != CompletableFuture.class) {
      return null;
    }
    Function<SdkRequest, CompletableFuture<?>> custom = own.get(m.getName());
    if (custom != null) {
      return args -> custom.apply((SdkRequest) checkNotNull(args[0], "request"));
    }
    Method target = syncMethod(syncType, m.getName(), params[0]);
    if (target == null) {
      return null;
    }
    String operation = Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1);
    return args -> {
      checkNotNull(args[0], "request");
      // The model answers these at once: no per-attempt futures (issue 19).
      return retries.callAsyncNow(operation, () -> invokeSync(target, sync, args));
    };
  }

  private static Method syncMethod(Class<?> syncType, String name, Class<?>... params) {
    try {
      return syncType.getMethod(name, params);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Object invokeSync(Method target, Object sync, Object[] args) {
    try {
      return target.invoke(sync, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args, Class<?> type) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "Simulated" + type.getSimpleName();
    };
  }

  /**
   * ReceiveMessage on virtual time: the core's callback form registers the long poll (no thread
   * waits); the future completes when a message becomes receivable or the wait ends. Cancelling it
   * withdraws the poll; a response that arrives as the caller cancels is given back (its messages
   * made visible again), so no message is lost.
   */
  private static CompletableFuture<?> receiveMessage(
      ReceiveMessageRequest request, RetryExecutor retries, Sqs sqs) {
    return retries.callAsync(
        "ReceiveMessage",
        () -> {
          dev.awssim.sqs.ReceiveMessageRequest converted = SqsConverters.receiveMessage(request);
          CompletableFuture<ReceiveMessageResponse> f = new CompletableFuture<>();
          Cancellable poll =
              sqs.receiveMessage(converted, r -> f.complete(SqsConverters.receiveMessage(r)));
          CompletableFuture<ReceiveMessageResponse> unused =
              f.whenComplete(
                  (v, e) -> {
                    if (f.isCancelled()) {
                      poll.cancel();
                    }
                  });
          return f;
        },
        response -> giveBack(sqs, request.queueUrl(), response));
  }

  private static void giveBack(Sqs sqs, String queueUrl, ReceiveMessageResponse response) {
    for (Message m : response.messages()) {
      try {
        sqs.changeMessageVisibility(queueUrl, m.receiptHandle(), 0);
      } catch (dev.awssim.engine.AwsServiceException e) {
        // The queue or message is gone: there is nothing left to give back.
      }
    }
  }

  /** One proxy method's behaviour. */
  @FunctionalInterface
  private interface Invocation {
    Object invoke(Object[] args);
  }
}
