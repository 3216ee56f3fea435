package dev.awssim.awssdk;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.CanarySettings;
import dev.awssim.apigateway.Integration;
import dev.awssim.apigateway.ResourceDescription;
import dev.awssim.apigateway.StageDescription;
import dev.awssim.apigateway.StageSettings;
import dev.awssim.apigateway.Usage;
import dev.awssim.apigateway.UsagePlanDescription;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayServiceClientConfiguration;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyRequest;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateDeploymentRequest;
import software.amazon.awssdk.services.apigateway.model.CreateDeploymentResponse;
import software.amazon.awssdk.services.apigateway.model.CreateResourceRequest;
import software.amazon.awssdk.services.apigateway.model.CreateResourceResponse;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.CreateStageRequest;
import software.amazon.awssdk.services.apigateway.model.CreateStageResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanKeyRequest;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanRequest;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetApiKeyRequest;
import software.amazon.awssdk.services.apigateway.model.GetApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.GetApiKeysRequest;
import software.amazon.awssdk.services.apigateway.model.GetApiKeysResponse;
import software.amazon.awssdk.services.apigateway.model.GetResourcesRequest;
import software.amazon.awssdk.services.apigateway.model.GetResourcesResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApisRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageRequest;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.GetStagesRequest;
import software.amazon.awssdk.services.apigateway.model.GetStagesResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlanKeysRequest;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlanKeysResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlanRequest;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlansRequest;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlansResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsageRequest;
import software.amazon.awssdk.services.apigateway.model.GetUsageResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.LimitExceededException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationRequest;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationResponse;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationResponseRequest;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationResponseResponse;
import software.amazon.awssdk.services.apigateway.model.PutMethodRequest;
import software.amazon.awssdk.services.apigateway.model.PutMethodResponse;
import software.amazon.awssdk.services.apigateway.model.PutMethodResponseRequest;
import software.amazon.awssdk.services.apigateway.model.PutMethodResponseResponse;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.ServiceUnavailableException;
import software.amazon.awssdk.services.apigateway.model.TooManyRequestsException;
import software.amazon.awssdk.services.apigateway.model.UnauthorizedException;
import software.amazon.awssdk.services.apigateway.model.UpdateApiKeyRequest;
import software.amazon.awssdk.services.apigateway.model.UpdateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.UpdateStageRequest;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;
import software.amazon.awssdk.services.apigateway.model.UpdateUsagePlanRequest;
import software.amazon.awssdk.services.apigateway.model.UpdateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.UsagePlanKey;

/**
 * An {@link ApiGatewayClient} over the simulation's {@link ApiGateway}: the REST API control plane
 * the simulator models (CreateRestApi, GetRestApis with its paginator, GetRestApi, CreateResource,
 * GetResources, PutMethod, PutIntegration ({@code MOCK}), PutMethodResponse,
 * PutIntegrationResponse, CreateDeployment, CreateStage, GetStages, GetStage and UpdateStage with
 * AWS's patch operations; CreateUsagePlan, GetUsagePlans, GetUsagePlan, UpdateUsagePlan,
 * CreateApiKey, GetApiKeys, GetApiKey, UpdateApiKey, CreateUsagePlanKey, GetUsagePlanKeys and
 * GetUsage; the list calls page by {@code position}, 25 items by default and at most 500), with the
 * SDK's modelled exceptions ({@code BadRequestException}, {@code NotFoundException}, {@code
 * ConflictException}, {@code LimitExceededException}, {@code TooManyRequestsException}). A stage
 * throttle changed by UpdateStage applies to the data plane ({@link ApiGateway#invoke}) from that
 * instant of virtual time. Descriptions and tags are accepted and not stored; the other API Gateway
 * operations throw the interface's {@code UnsupportedOperationException}.
 */
final class SimulatedApiGatewayClient implements ApiGatewayClient {
  /**
   * API Gateway speaks REST-JSON: the error code is the exception's simple name, read from {@code
   * DefaultApiGatewayClient} of SDK 2.40.2.
   */
  static final ServiceErrors ERRORS =
      new ServiceErrors(
          "ApiGateway",
          ApiGatewayException::builder,
          ImmutableMap.<String, Supplier<AwsServiceException.Builder>>builder()
              .put("BadRequestException", BadRequestException::builder)
              .put("ConflictException", ConflictException::builder)
              .put("LimitExceededException", LimitExceededException::builder)
              .put("NotFoundException", NotFoundException::builder)
              .put("ServiceUnavailableException", ServiceUnavailableException::builder)
              .put("TooManyRequestsException", TooManyRequestsException::builder)
              .put("UnauthorizedException", UnauthorizedException::builder)
              .buildOrThrow(),
          dev.awssim.engine.AwsServiceException::errorCode,
          (e, b) -> {});

  private final ApiGateway gateway;
  private final RetryExecutor retries;

  SimulatedApiGatewayClient(ApiGateway gateway, RetryExecutor retries) {
    this.gateway = checkNotNull(gateway, "gateway");
    this.retries = checkNotNull(retries, "retries");
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {
    // Nothing to release: no connection was opened.
  }

  @Override
  public ApiGatewayServiceClientConfiguration serviceClientConfiguration() {
    return ApiGatewayServiceClientConfiguration.builder()
        .region(Region.of(retries.context().account().region()))
        .build();
  }

  // ---------------------------------------------------------------- REST APIs

  @Override
  public CreateRestApiResponse createRestApi(CreateRestApiRequest request) {
    return retries.call(
        "CreateRestApi",
        () ->
            ApiGatewayConverters.copy(
                    ApiGatewayConverters.restApi(
                        gateway.createRestApi(required(request.name(), "name"))),
                    CreateRestApiResponse.builder())
                .build());
  }

  @Override
  public GetRestApisResponse getRestApis(GetRestApisRequest request) {
    return retries.call(
        "GetRestApis",
        () -> {
          ApiGatewayConverters.Page<dev.awssim.apigateway.RestApi> page =
              page(gateway.getRestApis(), request.position(), request.limit());
          List<RestApi> items = Convert.list(page.items(), ApiGatewayConverters::restApi);
          return GetRestApisResponse.builder().items(items).position(page.position()).build();
        });
  }

  @Override
  public GetRestApiResponse getRestApi(GetRestApiRequest request) {
    return retries.call(
        "GetRestApi",
        () ->
            ApiGatewayConverters.copy(
                    ApiGatewayConverters.restApi(gateway.getRestApi(request.restApiId())),
                    GetRestApiResponse.builder())
                .build());
  }

  @Override
  public CreateResourceResponse createResource(CreateResourceRequest request) {
    return retries.call(
        "CreateResource",
        () -> {
          String id =
              gateway.createResource(
                  request.restApiId(),
                  request.parentId(),
                  required(request.pathPart(), "pathPart"));
          return CreateResourceResponse.builder()
              .id(id)
              .parentId(request.parentId())
              .pathPart(request.pathPart())
              .build();
        });
  }

  @Override
  public GetResourcesResponse getResources(GetResourcesRequest request) {
    return retries.call(
        "GetResources",
        () -> {
          ApiGatewayConverters.Page<ResourceDescription> page =
              page(gateway.getResources(request.restApiId()), request.position(), request.limit());
          return GetResourcesResponse.builder()
              .items(Convert.list(page.items(), ApiGatewayConverters::resource))
              .position(page.position())
              .build();
        });
  }

  @Override
  public PutMethodResponse putMethod(PutMethodRequest request) {
    return retries.call(
        "PutMethod",
        () -> {
          String authorization = required(request.authorizationType(), "authorizationType");
          if (!"NONE".equals(authorization)) {
            throw ERRORS.error(
                "BadRequestException",
                400,
                "authorizationType "
                    + authorization
                    + " is not modelled by the simulator (authorizers and IAM authorization are"
                    + " not simulated): use NONE");
          }
          boolean apiKeyRequired = Boolean.TRUE.equals(request.apiKeyRequired());
          gateway.putMethod(
              request.restApiId(),
              request.resourceId(),
              required(request.httpMethod(), "httpMethod"),
              apiKeyRequired,
              null);
          return PutMethodResponse.builder()
              .httpMethod(request.httpMethod().toUpperCase(Locale.ROOT))
              .authorizationType(authorization)
              .apiKeyRequired(apiKeyRequired)
              .build();
        });
  }

  /**
   * PutIntegration: {@code MOCK} becomes {@link Integration#mock(int)} with the status code of its
   * request template ({@link Integration#mock()} without one), with {@code timeoutInMillis} and
   * {@code cacheKeyParameters}. {@code HTTP}, {@code HTTP_PROXY}, {@code AWS} and {@code AWS_PROXY}
   * need a backend the simulator does not reach from a URI; they are refused with a
   * BadRequestException saying so (attach a Java function in-process with {@link
   * ApiGateway#putIntegration} and {@link Integration#function} instead).
   */
  @Override
  public PutIntegrationResponse putIntegration(PutIntegrationRequest request) {
    return retries.call(
        "PutIntegration",
        () -> {
          IntegrationType type = required(request.type(), "type");
          if (type == IntegrationType.UNKNOWN_TO_SDK_VERSION) {
            throw ERRORS.error(
                "BadRequestException", 400, "Invalid integration type: " + request.typeAsString());
          }
          if (type != IntegrationType.MOCK) {
            throw ERRORS.error(
                "BadRequestException",
                400,
                "Integration type "
                    + type
                    + " is not modelled by the simulator: use MOCK, or attach a Java function"
                    + " in-process (ApiGateway.putIntegration with Integration.function)");
          }
          OptionalInt status = ApiGatewayConverters.mockStatus(request.requestTemplates());
          Integration integration =
              status.isPresent() ? Integration.mock(status.getAsInt()) : Integration.mock();
          if (request.timeoutInMillis() != null) {
            integration = integration.withTimeout(Duration.ofMillis(request.timeoutInMillis()));
          }
          gateway.putIntegration(
              request.restApiId(),
              request.resourceId(),
              required(request.httpMethod(), "httpMethod"),
              integration,
              request.cacheKeyParameters());
          return PutIntegrationResponse.builder()
              .type(type)
              .requestTemplates(request.requestTemplates())
              .passthroughBehavior(
                  request.passthroughBehavior() == null
                      ? "WHEN_NO_MATCH"
                      : request.passthroughBehavior())
              .timeoutInMillis((int) integration.timeout().toMillis())
              .cacheKeyParameters(request.cacheKeyParameters())
              .cacheNamespace(
                  request.cacheNamespace() == null
                      ? request.resourceId()
                      : request.cacheNamespace())
              .build();
        });
  }

  @Override
  public PutMethodResponseResponse putMethodResponse(PutMethodResponseRequest request) {
    return retries.call(
        "PutMethodResponse",
        () -> {
          gateway.putMethodResponse(
              request.restApiId(),
              request.resourceId(),
              required(request.httpMethod(), "httpMethod"),
              statusCode(request.statusCode()));
          return PutMethodResponseResponse.builder().statusCode(request.statusCode()).build();
        });
  }

  @Override
  public PutIntegrationResponseResponse putIntegrationResponse(
      PutIntegrationResponseRequest request) {
    return retries.call(
        "PutIntegrationResponse",
        () -> {
          gateway.putIntegrationResponse(
              request.restApiId(),
              request.resourceId(),
              required(request.httpMethod(), "httpMethod"),
              statusCode(request.statusCode()),
              request.selectionPattern(),
              ApiGatewayConverters.responseTemplate(request.responseTemplates()));
          return PutIntegrationResponseResponse.builder()
              .statusCode(request.statusCode())
              .selectionPattern(request.selectionPattern())
              .responseTemplates(request.responseTemplates())
              .build();
        });
  }

  /** A method or integration response's status code, or AWS's BadRequestException. */
  private static int statusCode(String value) {
    String code = required(value, "statusCode");
    if (!code.matches("[1-5]\\d\\d")) {
      throw ERRORS.error("BadRequestException", 400, "Invalid status code specified: " + code);
    }
    return Integer.parseInt(code);
  }

  // ---------------------------------------------------------------- deployments and stages

  @Override
  public CreateDeploymentResponse createDeployment(CreateDeploymentRequest request) {
    return retries.call(
        "CreateDeployment",
        () -> {
          String id =
              request.stageName() == null
                  ? gateway.createDeployment(request.restApiId())
                  : gateway.createDeployment(
                      request.restApiId(), request.stageName(), request.variables());
          return CreateDeploymentResponse.builder().id(id).build();
        });
  }

  @Override
  public CreateStageResponse createStage(CreateStageRequest request) {
    return retries.call(
        "CreateStage",
        () -> {
          StageSettings settings =
              StageSettings.defaults()
                  .withVariables(request.variables())
                  .withCacheCluster(
                      Boolean.TRUE.equals(request.cacheClusterEnabled()),
                      request.cacheClusterSize() == null
                          ? StageSettings.defaults().cacheClusterSize()
                          : request.cacheClusterSize());
          software.amazon.awssdk.services.apigateway.model.CanarySettings c =
              request.canarySettings();
          if (c != null) {
            settings =
                settings.withCanary(
                    new CanarySettings(
                        c.percentTraffic() == null ? 0 : c.percentTraffic(),
                        required(c.deploymentId(), "canarySettings.deploymentId"),
                        ImmutableMap.copyOf(c.stageVariableOverrides()),
                        Boolean.TRUE.equals(c.useStageCache())));
          }
          String stageName = required(request.stageName(), "stageName");
          gateway.createStage(
              request.restApiId(),
              stageName,
              required(request.deploymentId(), "deploymentId"),
              settings);
          return ApiGatewayConverters.copy(
                  ApiGatewayConverters.stage(
                      gateway.getStageDescription(request.restApiId(), stageName)),
                  CreateStageResponse.builder())
              .build();
        });
  }

  @Override
  public GetStagesResponse getStages(GetStagesRequest request) {
    return retries.call(
        "GetStages",
        () -> {
          List<StageDescription> stages = gateway.getStages(request.restApiId());
          String deploymentId = request.deploymentId();
          return GetStagesResponse.builder()
              .item(
                  stages.stream()
                      .filter(s -> deploymentId == null || s.deploymentId().equals(deploymentId))
                      .map(ApiGatewayConverters::stage)
                      .toList())
              .build();
        });
  }

  @Override
  public GetStageResponse getStage(GetStageRequest request) {
    return retries.call(
        "GetStage",
        () ->
            ApiGatewayConverters.copy(
                    ApiGatewayConverters.stage(
                        gateway.getStageDescription(request.restApiId(), request.stageName())),
                    GetStageResponse.builder())
                .build());
  }

  @Override
  public UpdateStageResponse updateStage(UpdateStageRequest request) {
    return retries.call(
        "UpdateStage",
        () ->
            ApiGatewayConverters.copy(
                    ApiGatewayConverters.stage(
                        gateway.updateStage(
                            request.restApiId(),
                            request.stageName(),
                            ApiGatewayConverters.patch(request.patchOperations()))),
                    UpdateStageResponse.builder())
                .build());
  }

  // ---------------------------------------------------------------- usage plans and keys

  @Override
  public CreateUsagePlanResponse createUsagePlan(CreateUsagePlanRequest request) {
    return retries.call(
        "CreateUsagePlan",
        () -> {
          String id =
              gateway.createUsagePlan(
                  ApiGatewayConverters.usagePlanSettings(
                      required(request.name(), "name"),
                      request.apiStages(),
                      request.throttle(),
                      request.quota()));
          return ApiGatewayConverters.copy(
                  ApiGatewayConverters.usagePlan(gateway.getUsagePlan(id)),
                  CreateUsagePlanResponse.builder())
              .build();
        });
  }

  @Override
  public GetUsagePlansResponse getUsagePlans(GetUsagePlansRequest request) {
    return retries.call(
        "GetUsagePlans",
        () -> {
          String keyId = request.keyId();
          List<UsagePlanDescription> plans =
              gateway.getUsagePlans().stream()
                  .filter(
                      p ->
                          keyId == null
                              || gateway.getUsagePlanKeys(p.id()).stream()
                                  .anyMatch(k -> k.id().equals(keyId)))
                  .toList();
          ApiGatewayConverters.Page<UsagePlanDescription> page =
              page(plans, request.position(), request.limit());
          return GetUsagePlansResponse.builder()
              .items(Convert.list(page.items(), ApiGatewayConverters::usagePlan))
              .position(page.position())
              .build();
        });
  }

  @Override
  public GetUsagePlanResponse getUsagePlan(GetUsagePlanRequest request) {
    return retries.call(
        "GetUsagePlan",
        () ->
            ApiGatewayConverters.copy(
                    ApiGatewayConverters.usagePlan(gateway.getUsagePlan(request.usagePlanId())),
                    GetUsagePlanResponse.builder())
                .build());
  }

  @Override
  public UpdateUsagePlanResponse updateUsagePlan(UpdateUsagePlanRequest request) {
    return retries.call(
        "UpdateUsagePlan",
        () ->
            ApiGatewayConverters.copy(
                    ApiGatewayConverters.usagePlan(
                        gateway.updateUsagePlan(
                            request.usagePlanId(),
                            ApiGatewayConverters.patch(request.patchOperations()))),
                    UpdateUsagePlanResponse.builder())
                .build());
  }

  @Override
  public CreateApiKeyResponse createApiKey(CreateApiKeyRequest request) {
    if (!request.stageKeys().isEmpty()) {
      throw Unsupported.operation("API Gateway", "CreateApiKey with stageKeys (deprecated)");
    }
    return retries.call(
        "CreateApiKey",
        () ->
            ApiGatewayConverters.copy(
                    ApiGatewayConverters.apiKey(
                        gateway.createApiKey(
                            request.name() == null ? "" : request.name(),
                            request.value(),
                            Boolean.TRUE.equals(request.enabled())),
                        true),
                    CreateApiKeyResponse.builder())
                .build());
  }

  @Override
  public GetApiKeysResponse getApiKeys(GetApiKeysRequest request) {
    return retries.call(
        "GetApiKeys",
        () -> {
          String nameQuery = request.nameQuery();
          List<dev.awssim.apigateway.ApiKey> keys =
              gateway.getApiKeys().stream()
                  .filter(k -> nameQuery == null || k.name().startsWith(nameQuery))
                  .toList();
          ApiGatewayConverters.Page<dev.awssim.apigateway.ApiKey> page =
              page(keys, request.position(), request.limit());
          boolean values = Boolean.TRUE.equals(request.includeValues());
          return GetApiKeysResponse.builder()
              .items(Convert.list(page.items(), k -> ApiGatewayConverters.apiKey(k, values)))
              .position(page.position())
              .build();
        });
  }

  @Override
  public GetApiKeyResponse getApiKey(GetApiKeyRequest request) {
    return retries.call(
        "GetApiKey",
        () ->
            ApiGatewayConverters.copy(
                    ApiGatewayConverters.apiKey(
                        gateway.getApiKey(request.apiKey()),
                        Boolean.TRUE.equals(request.includeValue())),
                    GetApiKeyResponse.builder())
                .build());
  }

  @Override
  public UpdateApiKeyResponse updateApiKey(UpdateApiKeyRequest request) {
    return retries.call(
        "UpdateApiKey",
        () ->
            ApiGatewayConverters.copy(
                    ApiGatewayConverters.apiKey(
                        gateway.updateApiKey(
                            request.apiKey(),
                            ApiGatewayConverters.patch(request.patchOperations())),
                        false),
                    UpdateApiKeyResponse.builder())
                .build());
  }

  @Override
  public CreateUsagePlanKeyResponse createUsagePlanKey(CreateUsagePlanKeyRequest request) {
    return retries.call(
        "CreateUsagePlanKey",
        () -> {
          if (!"API_KEY".equals(request.keyType())) {
            throw ERRORS.error(
                "BadRequestException",
                400,
                "Invalid key type " + request.keyType() + ". Must be API_KEY");
          }
          gateway.createUsagePlanKey(request.usagePlanId(), request.keyId());
          dev.awssim.apigateway.ApiKey k = gateway.getApiKey(request.keyId());
          return CreateUsagePlanKeyResponse.builder()
              .id(k.id())
              .type("API_KEY")
              .name(k.name())
              .value(k.value())
              .build();
        });
  }

  @Override
  public GetUsagePlanKeysResponse getUsagePlanKeys(GetUsagePlanKeysRequest request) {
    return retries.call(
        "GetUsagePlanKeys",
        () -> {
          String nameQuery = request.nameQuery();
          List<dev.awssim.apigateway.ApiKey> keys =
              gateway.getUsagePlanKeys(request.usagePlanId()).stream()
                  .filter(k -> nameQuery == null || k.name().startsWith(nameQuery))
                  .toList();
          ApiGatewayConverters.Page<dev.awssim.apigateway.ApiKey> page =
              page(keys, request.position(), request.limit());
          return GetUsagePlanKeysResponse.builder()
              .items(
                  Convert.list(
                      page.items(),
                      k ->
                          UsagePlanKey.builder()
                              .id(k.id())
                              .type("API_KEY")
                              .name(k.name())
                              .value(k.value())
                              .build()))
              .position(page.position())
              .build();
        });
  }

  @Override
  public GetUsageResponse getUsage(GetUsageRequest request) {
    return retries.call(
        "GetUsage",
        () -> {
          LocalDate start = date(request.startDate(), "startDate");
          LocalDate end = date(request.endDate(), "endDate");
          Usage usage =
              request.keyId() == null
                  ? gateway.getUsage(request.usagePlanId(), start, end)
                  : gateway.getUsage(request.usagePlanId(), request.keyId(), start, end);
          return GetUsageResponse.builder()
              .usagePlanId(usage.usagePlanId())
              .startDate(usage.startDate().toString())
              .endDate(usage.endDate().toString())
              .items(ApiGatewayConverters.usage(usage))
              .build();
        });
  }

  /** A GetUsage date ({@code yyyy-MM-dd}), or BadRequestException. */
  private static LocalDate date(String value, String member) {
    try {
      return LocalDate.parse(required(value, member));
    } catch (DateTimeParseException e) {
      throw ERRORS.error(
          "BadRequestException", 400, "Invalid " + member + " " + value + ": expected yyyy-MM-dd");
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The page at {@code position}, or AWS's BadRequestException for a bad position or limit. */
  private static <T> ApiGatewayConverters.Page<T> page(
      List<T> all, String position, Integer limit) {
    return ApiGatewayConverters.page(all, position, limit)
        .orElseThrow(
            () ->
                ERRORS.error(
                    "BadRequestException",
                    400,
                    "Invalid position or limit: position "
                        + position
                        + ", limit "
                        + limit
                        + " (the limit is 1 to "
                        + ApiGatewayConverters.MAX_LIMIT
                        + ")"));
  }

  /** {@code value}, or the BadRequestException API Gateway returns for a missing member. */
  private static <T> T required(T value, String member) {
    if (value == null) {
      throw ERRORS.error("BadRequestException", 400, member + " must not be null");
    }
    return value;
  }
}
