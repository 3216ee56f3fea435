package dev.awssim.lambda.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.awssim.lambda.EventSourceMapping;
import dev.awssim.lambda.EventSourceMappingConfig;
import dev.awssim.lambda.FunctionConfig;
import dev.awssim.lambda.FunctionConfiguration;
import dev.awssim.lambda.InvocationType;
import dev.awssim.lambda.InvokeResult;
import dev.awssim.lambda.Json;
import dev.awssim.lambda.Lambda;
import dev.awssim.lambda.LambdaException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaServiceClientConfiguration;
import software.amazon.awssdk.services.lambda.model.Concurrency;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.PutProvisionedConcurrencyConfigRequest;
import software.amazon.awssdk.services.lambda.model.PutProvisionedConcurrencyConfigResponse;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * An AWS SDK v2 {@link LambdaClient} backed by a simulated {@link Lambda}. A function's code is a
 * Java handler object, so it is registered on the client first ({@link #registerHandler}); {@code
 * CreateFunction} with that name then creates the function with the request's memory and timeout.
 * Operations not listed below throw {@link UnsupportedOperationException} (the interface's
 * default).
 *
 * <p>Supported: CreateFunction, GetFunction, DeleteFunction, Invoke (RequestResponse, Event,
 * DryRun), PutFunctionConcurrency, DeleteFunctionConcurrency, PublishVersion,
 * PutProvisionedConcurrencyConfig, CreateEventSourceMapping, GetEventSourceMapping,
 * ListEventSourceMappings, DeleteEventSourceMapping, ListFunctions
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html).
 *
 * <pre>{@code
 * Lambda lambda = Lambda.create(simulator);
 * SimulatedLambdaClient client = SimulatedLambdaClient.create(lambda);
 * client.registerHandler("orders", new OrderHandler());
 * client.createFunction(b -> b.functionName("orders").memorySize(512).timeout(30));
 * InvokeResponse r = client.invoke(b -> b.functionName("orders")
 *     .payload(SdkBytes.fromUtf8String("{\"id\":1}")));
 * }</pre>
 */
public final class SimulatedLambdaClient implements LambdaClient {
  private final Lambda lambda;
  private final Map<String, Registration> handlers = new LinkedHashMap<>();

  private SimulatedLambdaClient(Lambda lambda) {
    this.lambda = checkNotNull(lambda, "lambda");
  }

  /** A client over {@code lambda}. */
  public static SimulatedLambdaClient create(Lambda lambda) {
    return new SimulatedLambdaClient(lambda);
  }

  /**
   * Registers the code of the function {@code functionName}: a {@code RequestHandler} receives the
   * Invoke payload as its JSON text (a {@link String}) and its result is written as JSON (a String
   * becomes a JSON string; numbers, booleans and null as themselves; any other object as its {@code
   * toString()}, which should then be JSON); a {@link RequestStreamHandler} reads and writes the
   * bytes. Event source mappings hand it their event objects ({@code SQSEvent}, ...) as usual.
   */
  public void registerHandler(String functionName, Object handler) {
    registerHandler(functionName, handler, json -> json, SimulatedLambdaClient::toJson);
  }

  /**
   * As {@link #registerHandler(String, Object)}, with the conversions of a {@code RequestHandler}'s
   * input (from the payload's JSON text) and output (to JSON text) given, say with Jackson, and
   * invocations taking no virtual time.
   */
  public void registerHandler(
      String functionName,
      Object handler,
      Function<String, Object> eventDecoder,
      Function<Object, String> resultEncoder) {
    checkNotNull(functionName, "functionName");
    checkNotNull(handler, "handler");
    synchronized (handlers) {
      handlers.put(
          functionName,
          new Registration(
              handler,
              checkNotNull(eventDecoder, "eventDecoder"),
              checkNotNull(resultEncoder, "resultEncoder")));
    }
  }

  private record Registration(
      Object handler, Function<String, Object> decoder, Function<Object, String> encoder) {}

  @Override
  public String serviceName() {
    return LambdaSdkErrors.SERVICE_NAME;
  }

  @Override
  public void close() {
    // Nothing to release: no connection was opened.
  }

  @Override
  public LambdaServiceClientConfiguration serviceClientConfiguration() {
    return LambdaServiceClientConfiguration.builder()
        .region(Region.of(lambda.account().region()))
        .build();
  }

  // ---------------------------------------------------------------- functions

  @Override
  public CreateFunctionResponse createFunction(CreateFunctionRequest request) {
    String name = required(request.functionName(), "FunctionName");
    Registration r = registration(name);
    if (r == null) {
      throw LambdaSdkErrors.invalidParameterValue(
          "No handler is registered for function "
              + name
              + " (SimulatedLambdaClient.registerHandler)");
    }
    FunctionConfig config = FunctionConfig.of(name, r.handler());
    if (request.memorySize() != null) {
      config = config.withMemorySize(request.memorySize());
    }
    if (request.timeout() != null) {
      config = config.withTimeout(Duration.ofSeconds(request.timeout()));
    }
    FunctionConfig created = config;
    call(() -> lambda.createFunction(created));
    return copy(configuration(name, null), CreateFunctionResponse.builder()).build();
  }

  @Override
  public GetFunctionResponse getFunction(GetFunctionRequest request) {
    String name = functionName(request.functionName(), null);
    FunctionConfiguration f = call(() -> lambda.getFunction(name));
    GetFunctionResponse.Builder b =
        GetFunctionResponse.builder().configuration(configuration(name, null));
    if (f.reservedConcurrentExecutions() >= 0) {
      b.concurrency(
          Concurrency.builder()
              .reservedConcurrentExecutions(f.reservedConcurrentExecutions())
              .build());
    }
    return b.build();
  }

  /**
   * {@code ListFunctions}: every function's {@code $LATEST} configuration, in creation order, on
   * one page ({@code Marker} and {@code MaxItems} are not read).
   */
  @Override
  public ListFunctionsResponse listFunctions(ListFunctionsRequest request) {
    List<software.amazon.awssdk.services.lambda.model.FunctionConfiguration> out =
        new ArrayList<>();
    for (String name : lambda.listFunctions()) {
      out.add(configuration(name, null));
    }
    return ListFunctionsResponse.builder().functions(out).build();
  }

  @Override
  public DeleteFunctionResponse deleteFunction(DeleteFunctionRequest request) {
    String name = functionName(request.functionName(), null);
    run(() -> lambda.deleteFunction(name));
    return DeleteFunctionResponse.builder().build();
  }

  // ---------------------------------------------------------------- invoke

  @Override
  public InvokeResponse invoke(InvokeRequest request) {
    String target = functionName(request.functionName(), request.qualifier());
    InvocationType type = invocationType(request.invocationTypeAsString());
    String base = target.split(":", -1)[0];
    Registration r = registration(base);
    byte[] bytes = request.payload() == null ? new byte[0] : request.payload().asByteArray();
    Object payload;
    if (r == null || r.handler() instanceof RequestStreamHandler) {
      payload = bytes;
    } else {
      payload = r.decoder().apply(new String(bytes, StandardCharsets.UTF_8));
    }
    InvokeResult result = call(() -> lambda.invoke(target, type, payload));
    InvokeResponse.Builder b = InvokeResponse.builder().statusCode(result.statusCode());
    if (type != InvocationType.REQUEST_RESPONSE) {
      return b.payload(SdkBytes.fromByteArray(new byte[0])).build();
    }
    b.executedVersion(result.executedVersion());
    if (result.isFunctionError()) {
      InvokeResult.FunctionError e = (InvokeResult.FunctionError) result.payload();
      return b.functionError(result.functionError())
          .payload(
              SdkBytes.fromUtf8String(
                  "{\"errorMessage\":"
                      + Json.string(e.errorMessage())
                      + ",\"errorType\":"
                      + Json.string(e.errorType())
                      + "}"))
          .build();
    }
    Object out = result.payload();
    if (out instanceof byte[] raw) {
      return b.payload(SdkBytes.fromByteArray(raw)).build();
    }
    Function<Object, String> encoder = r == null ? SimulatedLambdaClient::toJson : r.encoder();
    return b.payload(SdkBytes.fromUtf8String(encoder.apply(out))).build();
  }

  private static InvocationType invocationType(String apiName) {
    if (apiName == null) {
      return InvocationType.REQUEST_RESPONSE;
    }
    for (InvocationType t : InvocationType.values()) {
      if (t.apiName().equals(apiName)) {
        return t;
      }
    }
    throw LambdaSdkErrors.invalidParameterValue(
        "1 validation error detected: Value '"
            + apiName
            + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value"
            + " set: [Event, RequestResponse, DryRun]");
  }

  // ---------------------------------------------------------------- concurrency and versions

  @Override
  public PutFunctionConcurrencyResponse putFunctionConcurrency(
      PutFunctionConcurrencyRequest request) {
    String name = functionName(request.functionName(), null);
    int value = required(request.reservedConcurrentExecutions(), "ReservedConcurrentExecutions");
    run(() -> lambda.putFunctionConcurrency(name, value));
    return PutFunctionConcurrencyResponse.builder().reservedConcurrentExecutions(value).build();
  }

  @Override
  public DeleteFunctionConcurrencyResponse deleteFunctionConcurrency(
      DeleteFunctionConcurrencyRequest request) {
    String name = functionName(request.functionName(), null);
    run(() -> lambda.deleteFunctionConcurrency(name));
    return DeleteFunctionConcurrencyResponse.builder().build();
  }

  @Override
  public PublishVersionResponse publishVersion(PublishVersionRequest request) {
    String name = functionName(request.functionName(), null);
    String version = call(() -> lambda.publishVersion(name));
    return copy(configuration(name, version), PublishVersionResponse.builder()).build();
  }

  @Override
  public PutProvisionedConcurrencyConfigResponse putProvisionedConcurrencyConfig(
      PutProvisionedConcurrencyConfigRequest request) {
    String name = functionName(request.functionName(), null);
    String qualifier = required(request.qualifier(), "Qualifier");
    int value =
        required(request.provisionedConcurrentExecutions(), "ProvisionedConcurrentExecutions");
    String status =
        call(
            () -> {
              lambda.putProvisionedConcurrencyConfig(name, qualifier, value);
              return lambda.getProvisionedConcurrencyConfigStatus(name, qualifier);
            });
    return PutProvisionedConcurrencyConfigResponse.builder()
        .requestedProvisionedConcurrentExecutions(value)
        .status(status)
        .build();
  }

  // ---------------------------------------------------------------- event source mappings

  @Override
  public CreateEventSourceMappingResponse createEventSourceMapping(
      CreateEventSourceMappingRequest request) {
    String name = functionName(request.functionName(), null);
    String source = required(request.eventSourceArn(), "EventSourceArn");
    EventSourceMappingConfig config = EventSourceMappingConfig.of(name, source);
    if (request.enabled() != null) {
      config = config.withEnabled(request.enabled());
    }
    if (request.batchSize() != null) {
      config = config.withBatchSize(request.batchSize());
    }
    if (request.maximumBatchingWindowInSeconds() != null) {
      config =
          config.withMaximumBatchingWindow(
              Duration.ofSeconds(request.maximumBatchingWindowInSeconds()));
    }
    if (request.scalingConfig() != null && request.scalingConfig().maximumConcurrency() != null) {
      config = config.withMaximumConcurrency(request.scalingConfig().maximumConcurrency());
    }
    if (request.functionResponseTypesAsStrings().contains("ReportBatchItemFailures")) {
      config = config.withReportBatchItemFailures(true);
    }
    if (request.startingPositionAsString() != null) {
      config = config.withStartingPosition(startingPosition(request.startingPositionAsString()));
    }
    if (request.startingPositionTimestamp() != null) {
      config = config.withStartingPositionTimestamp(request.startingPositionTimestamp());
    }
    if (request.parallelizationFactor() != null) {
      config = config.withParallelizationFactor(request.parallelizationFactor());
    }
    if (request.maximumRetryAttempts() != null) {
      config = config.withMaximumRetryAttempts(request.maximumRetryAttempts());
    }
    if (request.maximumRecordAgeInSeconds() != null) {
      config = config.withMaximumRecordAge(Duration.ofSeconds(request.maximumRecordAgeInSeconds()));
    }
    if (request.bisectBatchOnFunctionError() != null) {
      config = config.withBisectBatchOnFunctionError(request.bisectBatchOnFunctionError());
    }
    if (request.destinationConfig() != null
        && request.destinationConfig().onFailure() != null
        && request.destinationConfig().onFailure().destination() != null) {
      config =
          config.withOnFailureDestination(request.destinationConfig().onFailure().destination());
    }
    EventSourceMappingConfig created = config;
    EventSourceMapping m = call(() -> lambda.createEventSourceMapping(created));
    EventSourceMappingConfiguration c = describe(m);
    return copy(c, CreateEventSourceMappingResponse.builder()).build();
  }

  @Override
  public GetEventSourceMappingResponse getEventSourceMapping(GetEventSourceMappingRequest request) {
    String uuid = required(request.uuid(), "UUID");
    EventSourceMappingConfiguration c = describe(call(() -> lambda.getEventSourceMapping(uuid)));
    return copy(c, GetEventSourceMappingResponse.builder()).build();
  }

  @Override
  public ListEventSourceMappingsResponse listEventSourceMappings(
      ListEventSourceMappingsRequest request) {
    String name =
        request.functionName() == null ? null : functionName(request.functionName(), null);
    List<EventSourceMapping> found =
        call(() -> lambda.listEventSourceMappings(name, request.eventSourceArn()));
    List<EventSourceMappingConfiguration> out = new ArrayList<>(found.size());
    for (EventSourceMapping m : found) {
      out.add(describe(m));
    }
    return ListEventSourceMappingsResponse.builder().eventSourceMappings(out).build();
  }

  @Override
  public DeleteEventSourceMappingResponse deleteEventSourceMapping(
      DeleteEventSourceMappingRequest request) {
    String uuid = required(request.uuid(), "UUID");
    EventSourceMappingConfiguration c = describe(call(() -> lambda.deleteEventSourceMapping(uuid)));
    return copy(c, DeleteEventSourceMappingResponse.builder()).build();
  }

  private static EventSourceMappingConfiguration describe(EventSourceMapping m) {
    EventSourceMappingConfig c = m.config();
    EventSourceMappingConfiguration.Builder b = EventSourceMappingConfiguration.builder();
    if (c.reportBatchItemFailures()) {
      b.functionResponseTypesWithStrings("ReportBatchItemFailures");
    }
    if (c.maximumConcurrency() != null) {
      b.scalingConfig(s -> s.maximumConcurrency(c.maximumConcurrency()));
    }
    if (c.startingPosition() != null) {
      b.startingPosition(c.startingPosition().name());
    }
    return b.parallelizationFactor(c.parallelizationFactor())
        .maximumRetryAttempts(c.maximumRetryAttempts())
        .maximumRecordAgeInSeconds(
            c.maximumRecordAge() == null ? null : (int) c.maximumRecordAge().toSeconds())
        .uuid(m.uuid())
        .functionArn(m.functionArn())
        .eventSourceArn(c.eventSourceArn())
        .state(m.state())
        .batchSize(c.batchSize())
        .maximumBatchingWindowInSeconds(
            c.maximumBatchingWindow() == null ? null : (int) c.maximumBatchingWindow().toSeconds())
        .build();
  }

  private static EventSourceMappingConfig.StartingPosition startingPosition(String value) {
    for (EventSourceMappingConfig.StartingPosition p :
        EventSourceMappingConfig.StartingPosition.values()) {
      if (p.name().equals(value)) {
        return p;
      }
    }
    throw LambdaSdkErrors.invalidParameterValue(
        "1 validation error detected: Value '"
            + value
            + "' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value"
            + " set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]");
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The SDK's description of function {@code name} ({@code $LATEST}, or {@code version}).
   *
   * @throws software.amazon.awssdk.services.lambda.model.ResourceNotFoundException if unknown
   */
  private software.amazon.awssdk.services.lambda.model.FunctionConfiguration configuration(
      String name, String version) {
    FunctionConfiguration f = call(() -> lambda.getFunction(name));
    return software.amazon.awssdk.services.lambda.model.FunctionConfiguration.builder()
        .functionName(f.functionName())
        .functionArn(version == null ? f.functionArn() : f.functionArn() + ":" + version)
        .version(version == null ? "$LATEST" : version)
        .memorySize(f.memorySize())
        .timeout((int) f.timeout().toSeconds())
        .state(State.ACTIVE)
        .build();
  }

  /**
   * Copies every member of {@code from} to the member of the same name of {@code to}: the SDK's
   * responses repeat the members of {@code FunctionConfiguration} and {@code
   * EventSourceMappingConfiguration} without sharing a type.
   */
  private static <B extends SdkPojo> B copy(SdkPojo from, B to) {
    Map<String, SdkField<?>> source = new LinkedHashMap<>();
    for (SdkField<?> f : from.sdkFields()) {
      source.put(f.memberName(), f);
    }
    for (SdkField<?> f : to.sdkFields()) {
      SdkField<?> s = source.get(f.memberName());
      if (s != null) {
        f.set(to, s.getValueOrDefault(from));
      }
    }
    return to;
  }

  /** Runs a model call that answers nothing, turning its error into the SDK's exception. */
  private static void run(Runnable action) {
    call(
        () -> {
          action.run();
          return null;
        });
  }

  private Registration registration(String functionName) {
    synchronized (handlers) {
      return handlers.get(functionName);
    }
  }

  /**
   * The model's name for a function given as a name, a partial or full ARN, with an optional
   * qualifier ({@code name:qualifier}).
   */
  private static String functionName(String given, String qualifier) {
    String name = required(given, "FunctionName");
    int at = name.indexOf("function:");
    if (name.startsWith("arn:") || at == 0 || (at > 0 && name.charAt(at - 1) == ':')) {
      name = name.substring(at + "function:".length());
    }
    return qualifier == null ? name : name + ":" + qualifier;
  }

  /**
   * {@code value}, or the {@link SdkClientException} the SDK's marshaller throws for a missing
   * required member before it sends anything.
   */
  private static <T> T required(T value, String member) {
    if (value == null) {
      throw SdkClientException.create("Parameter '" + member + "' must not be null");
    }
    return value;
  }

  /** Runs a model call, turning its error into the SDK's modelled exception. */
  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (LambdaException e) {
      throw LambdaSdkErrors.translate(e);
    }
  }

  private static String toJson(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    if (value instanceof String s) {
      return Json.string(s);
    }
    return value.toString();
  }
}
