package dev.awssim.lambda.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.awssim.lambda.AliasConfiguration;
import dev.awssim.lambda.EventInvokeConfig;
import dev.awssim.lambda.EventSourceMapping;
import dev.awssim.lambda.EventSourceMappingConfig;
import dev.awssim.lambda.FunctionConfig;
import dev.awssim.lambda.FunctionConfiguration;
import dev.awssim.lambda.FunctionEventInvokeConfig;
import dev.awssim.lambda.InvocationType;
import dev.awssim.lambda.InvokeResult;
import dev.awssim.lambda.Json;
import dev.awssim.lambda.Lambda;
import dev.awssim.lambda.LambdaException;
import dev.awssim.lambda.LambdaLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaServiceClientConfiguration;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.Concurrency;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteAliasRequest;
import software.amazon.awssdk.services.lambda.model.DeleteAliasResponse;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteProvisionedConcurrencyConfigRequest;
import software.amazon.awssdk.services.lambda.model.DeleteProvisionedConcurrencyConfigResponse;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsRequest;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ListAliasesRequest;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionEventInvokeConfigsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionEventInvokeConfigsResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionRequest;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.PutFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.PutProvisionedConcurrencyConfigRequest;
import software.amazon.awssdk.services.lambda.model.PutProvisionedConcurrencyConfigResponse;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionEventInvokeConfigRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionEventInvokeConfigResponse;

/**
 * An AWS SDK v2 {@link LambdaClient} backed by a simulated {@link Lambda}. A function's code is a
 * Java handler object, so it is registered on the client first ({@link #registerHandler}); {@code
 * CreateFunction} with that name then creates the function with the request's memory and timeout.
 * Operations not listed below throw {@link UnsupportedOperationException} (the interface's
 * default).
 *
 * <p>Supported: CreateFunction, GetFunction, GetFunctionConfiguration, UpdateFunctionConfiguration
 * (memory, timeout, description, dead-letter queue), DeleteFunction, ListFunctions,
 * ListVersionsByFunction, Invoke (RequestResponse, Event, DryRun; LogType Tail),
 * PutFunctionConcurrency, GetFunctionConcurrency, DeleteFunctionConcurrency, GetAccountSettings,
 * PublishVersion, CreateAlias, GetAlias, UpdateAlias, DeleteAlias, ListAliases,
 * Put/DeleteProvisionedConcurrencyConfig, Put/Update/Get/Delete/ListFunctionEventInvokeConfig(s),
 * CreateEventSourceMapping, GetEventSourceMapping, ListEventSourceMappings,
 * UpdateEventSourceMapping, DeleteEventSourceMapping
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html). The List operations page
 * with {@code Marker}/{@code MaxItems} as AWS does, so the SDK's paginators ({@code
 * listFunctionsPaginator}, {@code listAliasesPaginator}, ...) work unchanged.
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
  private static final String LATEST = "$LATEST";
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
   * The SDK's {@link LambdaAsyncClient} over this client: the same operations, handlers and errors,
   * each answered as a future; a refused call's future fails with the SDK's modelled exception. A
   * {@code RequestResponse} {@code Invoke}'s future completes at the invocation's end on virtual
   * time (a caller in AWS gets the answer once the function returns), so in a simulation stepped by
   * hand, advance time before joining it; every other operation's future is complete when it is
   * returned. Its {@code Consumer<Builder>} forms and paginators are the SDK's own.
   *
   * <pre>{@code
   * CompletableFuture<InvokeResponse> f = async.invoke(b -> b.functionName("orders"));
   * sim.advanceBy(Duration.ofSeconds(2)); // the invocation's declared duration
   * InvokeResponse r = f.join();
   * }</pre>
   */
  public LambdaAsyncClient asyncClient() {
    return AsyncLambda.over(this);
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
    return copy(configuration(name), CreateFunctionResponse.builder()).build();
  }

  @Override
  public GetFunctionResponse getFunction(GetFunctionRequest request) {
    String name = functionName(request.functionName(), null);
    FunctionConfiguration f = call(() -> lambda.getFunction(name));
    GetFunctionResponse.Builder b = GetFunctionResponse.builder().configuration(toSdk(f, false));
    if (f.reservedConcurrentExecutions() >= 0) {
      b.concurrency(
          Concurrency.builder()
              .reservedConcurrentExecutions(f.reservedConcurrentExecutions())
              .build());
    }
    return b.build();
  }

  @Override
  public DeleteFunctionResponse deleteFunction(DeleteFunctionRequest request) {
    String name = functionName(request.functionName(), null);
    run(() -> lambda.deleteFunction(name));
    return DeleteFunctionResponse.builder().build();
  }

  // ---------------------------------------------------------------- invoke

  /**
   * {@code Invoke}. A {@code RequestResponse} invocation called from test code advances virtual
   * time to the invocation's end before it returns, as the model's synchronous {@link
   * Lambda#invoke(String, dev.awssim.lambda.InvocationType, Object)} does; called from inside a
   * scheduled task it throws {@link IllegalStateException} (a task cannot wait on virtual time: use
   * the {@link #asyncClient()} there). {@code Event} and {@code DryRun} answer at once.
   */
  @Override
  public InvokeResponse invoke(InvokeRequest request) {
    Invocation inv = parse(request);
    return response(inv, call(() -> lambda.invoke(inv.target(), inv.type(), inv.payload())));
  }

  /**
   * {@code Invoke} for the {@link #asyncClient()}: a {@code RequestResponse} invocation is admitted
   * and runs its handler now, and its future completes at the invocation's end on virtual time,
   * inside the scheduler's task, as a caller in AWS receives the answer then; no thread waits. A
   * caller driving the simulation step by step must advance time for it to complete. A refused or
   * malformed call fails the future at once; {@code Event} and {@code DryRun} complete at once.
   */
  CompletableFuture<InvokeResponse> invokeAsync(InvokeRequest request) {
    try {
      Invocation inv = parse(request);
      if (inv.type() != InvocationType.REQUEST_RESPONSE) {
        return CompletableFuture.completedFuture(
            response(inv, call(() -> lambda.invoke(inv.target(), inv.type(), inv.payload()))));
      }
      CompletableFuture<InvokeResponse> future = new CompletableFuture<>();
      run(
          () ->
              lambda.invoke(
                  inv.target(),
                  inv.payload(),
                  result -> {
                    try {
                      future.complete(response(inv, result));
                    } catch (RuntimeException e) {
                      future.completeExceptionally(e);
                    }
                  }));
      return future;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** One Invoke request, checked and with its payload decoded for the function's handler. */
  private record Invocation(
      String target,
      InvocationType type,
      boolean tail,
      Registration registration,
      Object payload) {}

  private Invocation parse(InvokeRequest request) {
    String target = functionName(request.functionName(), request.qualifier());
    InvocationType type = invocationType(request.invocationTypeAsString());
    boolean tail = tail(request.logTypeAsString());
    String base = target.split(":", -1)[0];
    Registration r = registration(base);
    byte[] bytes = request.payload() == null ? new byte[0] : request.payload().asByteArray();
    run(() -> Lambda.checkPayloadSize(type, bytes.length));
    Object payload;
    if (r == null || r.handler() instanceof RequestStreamHandler) {
      payload = bytes;
    } else {
      payload = r.decoder().apply(new String(bytes, StandardCharsets.UTF_8));
    }
    return new Invocation(target, type, tail, r, payload);
  }

  private static InvokeResponse response(Invocation inv, InvokeResult result) {
    InvokeResponse.Builder b = InvokeResponse.builder().statusCode(result.statusCode());
    if (inv.type() != InvocationType.REQUEST_RESPONSE) {
      return b.payload(SdkBytes.fromByteArray(new byte[0])).build();
    }
    b.executedVersion(result.executedVersion());
    if (inv.tail()) {
      b.logResult(result.log().logResult());
    }
    if (result.isFunctionError()) {
      InvokeResult.FunctionError e = (InvokeResult.FunctionError) result.payload();
      return b.functionError(result.functionError())
          .payload(SdkBytes.fromUtf8String(e.toJson()))
          .build();
    }
    Object out = result.payload();
    if (out instanceof byte[] raw) {
      return b.payload(SdkBytes.fromByteArray(raw)).build();
    }
    Registration r = inv.registration();
    Function<Object, String> encoder = r == null ? SimulatedLambdaClient::toJson : r.encoder();
    return b.payload(SdkBytes.fromUtf8String(encoder.apply(out))).build();
  }

  /**
   * Whether {@code LogType} asks for the log's tail ({@code Tail}); {@code None} or no value does
   * not. It applies to synchronous invocations only
   * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
   */
  private static boolean tail(String logType) {
    if (logType == null || logType.equals("None")) {
      return false;
    }
    if (logType.equals("Tail")) {
      return true;
    }
    throw LambdaSdkErrors.validation(
        "1 validation error detected: Value '"
            + logType
            + "' at 'logType' failed to satisfy constraint: Member must satisfy enum value set:"
            + " [None, Tail]");
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
    String version =
        call(
            () ->
                lambda.publishVersion(
                    name, request.codeSha256(), request.revisionId(), request.description()));
    return copy(configuration(name + ":" + version), PublishVersionResponse.builder()).build();
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

  @Override
  public DeleteProvisionedConcurrencyConfigResponse deleteProvisionedConcurrencyConfig(
      DeleteProvisionedConcurrencyConfigRequest request) {
    String name = functionName(request.functionName(), null);
    String qualifier = required(request.qualifier(), "Qualifier");
    run(() -> lambda.deleteProvisionedConcurrencyConfig(name, qualifier));
    return DeleteProvisionedConcurrencyConfigResponse.builder().build();
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
    if (request.maximumRecordAgeInSeconds() != null && request.maximumRecordAgeInSeconds() != -1) {
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
    if (request.filterCriteria() != null) {
      config = config.withFilterPatterns(patterns(request.filterCriteria()));
    }
    if (request.tumblingWindowInSeconds() != null && request.tumblingWindowInSeconds() != 0) {
      config = config.withTumblingWindow(Duration.ofSeconds(request.tumblingWindowInSeconds()));
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
    Pages.Page<EventSourceMapping> page =
        Pages.page(
            found,
            EventSourceMapping::uuid,
            request.marker(),
            request.maxItems(),
            LambdaLimits.LIST_MAXIMUM_MAX_ITEMS,
            LambdaLimits.LIST_EVENT_SOURCE_MAPPINGS_PAGE_SIZE);
    List<EventSourceMappingConfiguration> out = new ArrayList<>(page.items().size());
    for (EventSourceMapping m : page.items()) {
      out.add(describe(m));
    }
    return ListEventSourceMappingsResponse.builder()
        .eventSourceMappings(out)
        .nextMarker(page.nextMarker())
        .build();
  }

  /**
   * {@code UpdateEventSourceMapping}: the members given replace the mapping's; the others stay
   * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html). An empty
   * {@code ScalingConfig} removes the maximum concurrency, an empty {@code DestinationConfig} the
   * on-failure destination, an empty {@code FilterCriteria} the filters; {@code
   * MaximumRecordAgeInSeconds} -1 means infinite.
   */
  @Override
  public UpdateEventSourceMappingResponse updateEventSourceMapping(
      UpdateEventSourceMappingRequest request) {
    String uuid = required(request.uuid(), "UUID");
    EventSourceMappingConfig config = call(() -> lambda.getEventSourceMapping(uuid)).config();
    if (request.functionName() != null) {
      config = config.withFunctionName(functionName(request.functionName(), null));
    }
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
    if (request.scalingConfig() != null) {
      config = config.withMaximumConcurrency(request.scalingConfig().maximumConcurrency());
    }
    if (request.hasFunctionResponseTypes()) {
      config =
          config.withReportBatchItemFailures(
              request.functionResponseTypesAsStrings().contains("ReportBatchItemFailures"));
    }
    if (request.parallelizationFactor() != null) {
      config = config.withParallelizationFactor(request.parallelizationFactor());
    }
    if (request.maximumRetryAttempts() != null) {
      config = config.withMaximumRetryAttempts(request.maximumRetryAttempts());
    }
    Integer age = request.maximumRecordAgeInSeconds();
    if (age != null) {
      config = config.withMaximumRecordAge(age == -1 ? null : Duration.ofSeconds(age));
    }
    if (request.bisectBatchOnFunctionError() != null) {
      config = config.withBisectBatchOnFunctionError(request.bisectBatchOnFunctionError());
    }
    if (request.destinationConfig() != null) {
      config =
          config.withOnFailureDestination(
              request.destinationConfig().onFailure() == null
                  ? null
                  : request.destinationConfig().onFailure().destination());
    }
    if (request.filterCriteria() != null) {
      config = config.withFilterPatterns(patterns(request.filterCriteria()));
    }
    Integer tumbling = request.tumblingWindowInSeconds();
    if (tumbling != null) {
      config = config.withTumblingWindow(tumbling == 0 ? null : Duration.ofSeconds(tumbling));
    }
    EventSourceMappingConfig updated = config;
    EventSourceMappingConfiguration c =
        describe(call(() -> lambda.updateEventSourceMapping(uuid, updated)));
    return copy(c, UpdateEventSourceMappingResponse.builder()).build();
  }

  @Override
  public DeleteEventSourceMappingResponse deleteEventSourceMapping(
      DeleteEventSourceMappingRequest request) {
    String uuid = required(request.uuid(), "UUID");
    EventSourceMappingConfiguration c = describe(call(() -> lambda.deleteEventSourceMapping(uuid)));
    return copy(c, DeleteEventSourceMappingResponse.builder()).build();
  }

  private static List<String> patterns(
      software.amazon.awssdk.services.lambda.model.FilterCriteria criteria) {
    List<String> patterns = new ArrayList<>();
    for (software.amazon.awssdk.services.lambda.model.Filter f : criteria.filters()) {
      patterns.add(f.pattern());
    }
    return patterns;
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
    if (!c.filterPatterns().isEmpty()) {
      b.filterCriteria(
          f -> {
            List<software.amazon.awssdk.services.lambda.model.Filter> filters = new ArrayList<>();
            for (String p : c.filterPatterns()) {
              filters.add(
                  software.amazon.awssdk.services.lambda.model.Filter.builder().pattern(p).build());
            }
            f.filters(filters);
          });
    }
    if (c.tumblingWindow() != null) {
      b.tumblingWindowInSeconds((int) c.tumblingWindow().toSeconds());
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

  // ---------------------------------------------------------------- issue 21: aliases, versions,
  // configuration, account settings and asynchronous invocation settings

  @Override
  public CreateAliasResponse createAlias(CreateAliasRequest request) {
    String name = functionName(request.functionName(), null);
    String alias = required(request.name(), "Name");
    String version = required(request.functionVersion(), "FunctionVersion");
    Map<String, Double> weights = weights(request.routingConfig());
    AliasConfiguration a =
        call(() -> lambda.createAlias(name, alias, version, request.description(), weights));
    return copy(toSdk(a), CreateAliasResponse.builder()).build();
  }

  @Override
  public GetAliasResponse getAlias(GetAliasRequest request) {
    String name = functionName(request.functionName(), null);
    String alias = required(request.name(), "Name");
    return copy(toSdk(call(() -> lambda.getAlias(name, alias))), GetAliasResponse.builder())
        .build();
  }

  @Override
  public UpdateAliasResponse updateAlias(UpdateAliasRequest request) {
    String name = functionName(request.functionName(), null);
    String alias = required(request.name(), "Name");
    Map<String, Double> weights = weights(request.routingConfig());
    AliasConfiguration a =
        call(
            () ->
                lambda.updateAlias(
                    name, alias, request.functionVersion(), request.description(), weights));
    return copy(toSdk(a), UpdateAliasResponse.builder()).build();
  }

  @Override
  public DeleteAliasResponse deleteAlias(DeleteAliasRequest request) {
    String name = functionName(request.functionName(), null);
    String alias = required(request.name(), "Name");
    run(() -> lambda.deleteAlias(name, alias));
    return DeleteAliasResponse.builder().build();
  }

  /**
   * {@code ListAliases}, by alias name. AWS documents no cap per response for this operation, so a
   * page holds {@code MaxItems} aliases, or all of them without it.
   */
  @Override
  public ListAliasesResponse listAliases(ListAliasesRequest request) {
    String name = functionName(request.functionName(), null);
    List<AliasConfiguration> all = call(() -> lambda.listAliases(name, request.functionVersion()));
    Pages.Page<AliasConfiguration> page =
        Pages.page(
            all,
            AliasConfiguration::name,
            request.marker(),
            request.maxItems(),
            LambdaLimits.LIST_MAXIMUM_MAX_ITEMS,
            LambdaLimits.LIST_MAXIMUM_MAX_ITEMS);
    List<software.amazon.awssdk.services.lambda.model.AliasConfiguration> out = new ArrayList<>();
    for (AliasConfiguration a : page.items()) {
      out.add(toSdk(a));
    }
    return ListAliasesResponse.builder().aliases(out).nextMarker(page.nextMarker()).build();
  }

  private static Map<String, Double> weights(AliasRoutingConfiguration routing) {
    return routing == null || !routing.hasAdditionalVersionWeights()
        ? null
        : routing.additionalVersionWeights();
  }

  private static software.amazon.awssdk.services.lambda.model.AliasConfiguration toSdk(
      AliasConfiguration a) {
    software.amazon.awssdk.services.lambda.model.AliasConfiguration.Builder b =
        software.amazon.awssdk.services.lambda.model.AliasConfiguration.builder()
            .aliasArn(a.aliasArn())
            .name(a.name())
            .functionVersion(a.functionVersion())
            .description(a.description());
    if (!a.additionalVersionWeights().isEmpty()) {
      b.routingConfig(r -> r.additionalVersionWeights(a.additionalVersionWeights()));
    }
    return b.build();
  }

  /**
   * {@code ListFunctions}, by function name, at most 50 per response; {@code FunctionVersion=ALL}
   * lists every published version too
   * (https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html).
   */
  @Override
  public ListFunctionsResponse listFunctions(ListFunctionsRequest request) {
    String versions = request.functionVersionAsString();
    if (versions != null && !versions.equals("ALL")) {
      throw LambdaSdkErrors.validation(
          "1 validation error detected: Value '"
              + versions
              + "' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum"
              + " value set: [ALL]");
    }
    List<FunctionConfiguration> all = new ArrayList<>();
    for (String name : lambda.listFunctions()) {
      if (versions == null) {
        all.add(call(() -> lambda.getFunction(name)));
      } else {
        all.addAll(call(() -> lambda.listVersionsByFunction(name)));
      }
    }
    Pages.Page<FunctionConfiguration> page =
        Pages.page(
            all,
            f -> f.functionName() + '\u0000' + Pages.qualifierKey(f.version()),
            request.marker(),
            request.maxItems(),
            LambdaLimits.LIST_MAXIMUM_MAX_ITEMS,
            LambdaLimits.LIST_FUNCTIONS_PAGE_SIZE);
    List<software.amazon.awssdk.services.lambda.model.FunctionConfiguration> out =
        new ArrayList<>();
    for (FunctionConfiguration f : page.items()) {
      out.add(toSdk(f, versions != null));
    }
    return ListFunctionsResponse.builder().functions(out).nextMarker(page.nextMarker()).build();
  }

  /** {@code ListVersionsByFunction}: {@code $LATEST}, then versions by number, 50 per response. */
  @Override
  public ListVersionsByFunctionResponse listVersionsByFunction(
      ListVersionsByFunctionRequest request) {
    String name = functionName(request.functionName(), null);
    Pages.Page<FunctionConfiguration> page =
        Pages.page(
            call(() -> lambda.listVersionsByFunction(name)),
            f -> Pages.qualifierKey(f.version()),
            request.marker(),
            request.maxItems(),
            LambdaLimits.LIST_MAXIMUM_MAX_ITEMS,
            LambdaLimits.LIST_FUNCTIONS_PAGE_SIZE);
    List<software.amazon.awssdk.services.lambda.model.FunctionConfiguration> out =
        new ArrayList<>();
    for (FunctionConfiguration f : page.items()) {
      out.add(toSdk(f, true));
    }
    return ListVersionsByFunctionResponse.builder()
        .versions(out)
        .nextMarker(page.nextMarker())
        .build();
  }

  @Override
  public GetFunctionConfigurationResponse getFunctionConfiguration(
      GetFunctionConfigurationRequest request) {
    String target = functionName(request.functionName(), request.qualifier());
    return copy(configuration(target), GetFunctionConfigurationResponse.builder()).build();
  }

  /**
   * {@code UpdateFunctionConfiguration}: {@code MemorySize}, {@code Timeout}, {@code Description}
   * and {@code DeadLetterConfig} are modelled; the members that describe code, runtime and
   * networking have no meaning for a handler object and are not read.
   */
  @Override
  public UpdateFunctionConfigurationResponse updateFunctionConfiguration(
      UpdateFunctionConfigurationRequest request) {
    String name = functionName(request.functionName(), null);
    Duration timeout = request.timeout() == null ? null : Duration.ofSeconds(request.timeout());
    String deadLetter =
        request.deadLetterConfig() == null
            ? null
            : request.deadLetterConfig().targetArn() == null
                ? ""
                : request.deadLetterConfig().targetArn();
    FunctionConfiguration f =
        call(
            () ->
                lambda.updateFunctionConfiguration(
                    name, request.memorySize(), timeout, request.description(), deadLetter));
    return copy(toSdk(f, false), UpdateFunctionConfigurationResponse.builder()).build();
  }

  @Override
  public GetFunctionConcurrencyResponse getFunctionConcurrency(
      GetFunctionConcurrencyRequest request) {
    String name = functionName(request.functionName(), null);
    OptionalInt reserved = call(() -> lambda.getFunctionConcurrency(name));
    GetFunctionConcurrencyResponse.Builder b = GetFunctionConcurrencyResponse.builder();
    reserved.ifPresent(b::reservedConcurrentExecutions);
    return b.build();
  }

  /**
   * {@code GetAccountSettings}: the account's concurrency quota and what reservations leave of it,
   * and the number of functions
   * (https://docs.aws.amazon.com/lambda/latest/api/API_AccountLimit.html). Code sizes are zero: the
   * simulator stores no deployment packages.
   */
  @Override
  public GetAccountSettingsResponse getAccountSettings(GetAccountSettingsRequest request) {
    return GetAccountSettingsResponse.builder()
        .accountLimit(
            l ->
                l.concurrentExecutions(lambda.limits().accountConcurrency())
                    .unreservedConcurrentExecutions(lambda.unreservedConcurrentExecutions()))
        .accountUsage(u -> u.functionCount((long) lambda.listFunctions().size()).totalCodeSize(0L))
        .build();
  }

  @Override
  public PutFunctionEventInvokeConfigResponse putFunctionEventInvokeConfig(
      PutFunctionEventInvokeConfigRequest request) {
    String name = functionName(request.functionName(), null);
    EventInvokeConfig config =
        merge(
            EventInvokeConfig.defaults(),
            request.maximumRetryAttempts(),
            request.maximumEventAgeInSeconds(),
            request.destinationConfig());
    FunctionEventInvokeConfig c =
        call(() -> lambda.putFunctionEventInvokeConfig(name, request.qualifier(), config));
    return copy(toSdk(c), PutFunctionEventInvokeConfigResponse.builder()).build();
  }

  /** {@code UpdateFunctionEventInvokeConfig}: only the members given change. */
  @Override
  public UpdateFunctionEventInvokeConfigResponse updateFunctionEventInvokeConfig(
      UpdateFunctionEventInvokeConfigRequest request) {
    String name = functionName(request.functionName(), null);
    FunctionEventInvokeConfig c =
        call(
            () ->
                lambda.updateFunctionEventInvokeConfig(
                    name,
                    request.qualifier(),
                    old ->
                        merge(
                            old,
                            request.maximumRetryAttempts(),
                            request.maximumEventAgeInSeconds(),
                            request.destinationConfig())));
    return copy(toSdk(c), UpdateFunctionEventInvokeConfigResponse.builder()).build();
  }

  @Override
  public GetFunctionEventInvokeConfigResponse getFunctionEventInvokeConfig(
      GetFunctionEventInvokeConfigRequest request) {
    String name = functionName(request.functionName(), null);
    FunctionEventInvokeConfig c =
        call(() -> lambda.getFunctionEventInvokeConfig(name, request.qualifier()));
    return copy(toSdk(c), GetFunctionEventInvokeConfigResponse.builder()).build();
  }

  @Override
  public DeleteFunctionEventInvokeConfigResponse deleteFunctionEventInvokeConfig(
      DeleteFunctionEventInvokeConfigRequest request) {
    String name = functionName(request.functionName(), null);
    run(() -> lambda.deleteFunctionEventInvokeConfig(name, request.qualifier()));
    return DeleteFunctionEventInvokeConfigResponse.builder().build();
  }

  /** {@code ListFunctionEventInvokeConfigs}: {@code $LATEST}, versions, then aliases; 1-50 each. */
  @Override
  public ListFunctionEventInvokeConfigsResponse listFunctionEventInvokeConfigs(
      ListFunctionEventInvokeConfigsRequest request) {
    String name = functionName(request.functionName(), null);
    Pages.Page<FunctionEventInvokeConfig> page =
        Pages.page(
            call(() -> lambda.listFunctionEventInvokeConfigs(name)),
            c ->
                Pages.qualifierKey(c.functionArn().substring(c.functionArn().lastIndexOf(':') + 1)),
            request.marker(),
            request.maxItems(),
            LambdaLimits.LIST_EVENT_INVOKE_CONFIGS_MAXIMUM_MAX_ITEMS,
            LambdaLimits.LIST_EVENT_INVOKE_CONFIGS_MAXIMUM_MAX_ITEMS);
    List<software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig> out =
        new ArrayList<>();
    for (FunctionEventInvokeConfig c : page.items()) {
      out.add(toSdk(c));
    }
    return ListFunctionEventInvokeConfigsResponse.builder()
        .functionEventInvokeConfigs(out)
        .nextMarker(page.nextMarker())
        .build();
  }

  /** {@code base} with the members of a Put or Update request that are given. */
  private static EventInvokeConfig merge(
      EventInvokeConfig base, Integer retries, Integer ageSeconds, DestinationConfig destinations) {
    EventInvokeConfig c = base;
    if (retries != null) {
      c = c.withMaximumRetryAttempts(retries);
    }
    if (ageSeconds != null) {
      c = c.withMaximumEventAge(Duration.ofSeconds(ageSeconds));
    }
    if (destinations != null) {
      if (destinations.onSuccess() != null) {
        c = c.withOnSuccessDestination(destinations.onSuccess().destination());
      }
      if (destinations.onFailure() != null) {
        c = c.withOnFailureDestination(destinations.onFailure().destination());
      }
    }
    return c;
  }

  private static software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig toSdk(
      FunctionEventInvokeConfig c) {
    EventInvokeConfig e = c.config();
    DestinationConfig.Builder d = DestinationConfig.builder();
    if (e.onSuccessDestination() != null) {
      d.onSuccess(s -> s.destination(e.onSuccessDestination()));
    }
    if (e.onFailureDestination() != null) {
      d.onFailure(f -> f.destination(e.onFailureDestination()));
    }
    return software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig.builder()
        .functionArn(c.functionArn())
        .lastModified(c.lastModified())
        .maximumRetryAttempts(e.maximumRetryAttempts())
        .maximumEventAgeInSeconds((int) e.maximumEventAge().toSeconds())
        .destinationConfig(d.build())
        .build();
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The SDK's description of function {@code target} ({@code name} for {@code $LATEST}, {@code
   * name:version} or {@code name:alias}).
   *
   * @throws software.amazon.awssdk.services.lambda.model.ResourceNotFoundException if unknown
   */
  private software.amazon.awssdk.services.lambda.model.FunctionConfiguration configuration(
      String target) {
    return toSdk(call(() -> lambda.getFunctionConfiguration(target)), false);
  }

  /**
   * The SDK's {@code FunctionConfiguration} of a model description; {@code qualifyLatest} gives
   * {@code $LATEST} a qualified ARN, as ListVersionsByFunction does.
   */
  private static software.amazon.awssdk.services.lambda.model.FunctionConfiguration toSdk(
      FunctionConfiguration f, boolean qualifyLatest) {
    boolean latest = f.version().equals(LATEST);
    software.amazon.awssdk.services.lambda.model.FunctionConfiguration.Builder b =
        software.amazon.awssdk.services.lambda.model.FunctionConfiguration.builder()
            .functionName(f.functionName())
            .functionArn(
                latest && !qualifyLatest ? f.functionArn() : f.functionArn() + ":" + f.version())
            .version(f.version())
            .description(f.description())
            .memorySize(f.memorySize())
            .timeout((int) f.timeout().toSeconds())
            .codeSha256(f.codeSha256())
            .revisionId(f.revisionId())
            .state(State.ACTIVE)
            .lastUpdateStatus(LastUpdateStatus.SUCCESSFUL);
    if (f.deadLetterTargetArn() != null) {
      b.deadLetterConfig(d -> d.targetArn(f.deadLetterTargetArn()));
    }
    return b.build();
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
   * The model's name for a function given as a name, a partial or full ARN (of this client's
   * Region: {@link Lambda#functionName}), with an optional qualifier ({@code name:qualifier}).
   */
  private String functionName(String given, String qualifier) {
    String name = call(() -> lambda.functionName(required(given, "FunctionName")));
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
