/**
 * A simulated Amazon API Gateway on the virtual clock: REST APIs and HTTP APIs, their throttling,
 * usage plans, API keys, quotas, stage caches and canary releases ({@code
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/}).
 *
 * <h2>How is the request path designed, and why?</h2>
 *
 * <p>{@link dev.awssim.apigateway.ApiGateway#invoke(ApiRequest)} follows API Gateway's order:
 *
 * <pre>
 *   route ──► API key ──► quota ──► token buckets ───────────────────► cache ──► integration
 *   403 MISSING_      403 INVALID_  429 QUOTA_   usage plan ► stage/method ► account   (hit: no call)
 *   AUTHENTICATION_   API_KEY       EXCEEDED     ─────── any empty: 429 THROTTLED ───
 *   TOKEN
 * </pre>
 *
 * <p>The gateway remembers the stage of the last request, and each stage's router the endpoint of
 * the last method and path, so a client repeating a request finds both without a map lookup; both
 * stay true for good, since no API or stage is ever deleted and a router never changes once built.
 *
 * <p><b>Token buckets</b> (api-gateway-request-throttling.html): {@code rateLimit} tokens per
 * second refill a bucket of {@code burstLimit}; each request takes one token. Buckets start full
 * (AWS does not document the initial fill; a simulator choice). A request must find a token in
 * <em>every</em> applicable bucket, checked in AWS's order of evaluation: (1) the usage plan's
 * per-key throttle, or its per-method override for that stage ({@link ThrottleLevel#USAGE_PLAN},
 * {@link ThrottleLevel#USAGE_PLAN_METHOD}); (2) the stage's method setting, or its default method
 * setting ({@link ThrottleLevel#METHOD}, {@link ThrottleLevel#STAGE}; "applied at the method
 * level", so each method has its own bucket); (3) the account's bucket per Region ({@link
 * ThrottleLevel#ACCOUNT}: 10,000 RPS, burst 5,000 by default; 2,500/1,250 in the lower-default
 * Regions, limits.html). The first empty bucket names the level in the 429 response ({@link
 * ApiResponse#throttleLevel()}); a refused request takes nothing: the usage-plan and stage buckets
 * are read first, then the account's token is taken (the last in AWS's order), and theirs only if
 * it was there. A stage set above the account (say 20,000 RPS) is accepted, and the account bucket
 * governs. HTTP APIs have route buckets ({@code RouteSettings}, else {@code DefaultRouteSettings})
 * and the account bucket only (http-api-throttling.html). The AWS regional limit across all
 * accounts is not modelled.
 *
 * <p><b>Changing limits while requests flow</b> ({@code UpdateStage}, API_UpdateStage.html and
 * patch-operations.html): {@link dev.awssim.apigateway.ApiGateway#updateStage(String, String,
 * java.util.List)} takes AWS's patch operations ({@code op=replace} on {@code /*}{@code /*}{@code
 * /throttling/rateLimit}, {@code /~1pets/GET/throttling/burstLimit}, {@code /variables/name},
 * {@code /cacheClusterSize}, ...). AWS documents no propagation delay for a stage change, so it
 * applies at the instant of virtual time it is made (a simulator reading). A bucket whose rate or
 * burst changes keeps the whole tokens it holds, up to the new burst, and refills at the new rate
 * from then on; AWS does not say what happens to the tokens, and this reading grants no fresh
 * burst, so lowering the rate throttles at once. The operations of one call apply together or not
 * at all. {@code UpdateUsagePlan} changes a plan's throttle, quota and stages the same way for
 * every key of the plan; a changed quota counts the requests the key already made in the new
 * quota's current period (AWS does not say; a simulator reading). {@code UpdateApiKey} enables or
 * disables a key from that instant.
 *
 * <p><b>Strict, not best-effort.</b> AWS calls throttles and quotas best-effort targets that
 * clients may exceed. The simulator enforces them exactly, so tests are reproducible: over any span
 * w, a bucket admits at most {@code burst + rate x w} requests.
 *
 * <p><b>Usage plans and keys</b> (api-gateway-api-usage-plans.html): methods marked {@code
 * apiKeyRequired} need an enabled key that is in a plan for the stage, else 403 {@code
 * INVALID_API_KEY}. A key may be in one plan per stage ({@code ConflictException} otherwise). A
 * plan's throttle and quota are per key and shared across all stages of the plan. The quota is
 * checked before the buckets (a key with no quota left gets {@code QUOTA_EXCEEDED} whatever the
 * buckets hold) and counts only admitted requests. Periods are UTC calendar periods: DAY from
 * midnight UTC, WEEK from Sunday 00:00 UTC (the 2020–2022 API docs numbered week days from Sunday =
 * 0), MONTH from the 1st; the boundary is [UNV] in AWS's docs and half-open here. {@code offset} is
 * the number of requests subtracted from the limit in the plan's first period (the current
 * definition, API_QuotaSettings.html). {@code getUsage} returns, per key and UTC day, the requests
 * used and the quota left at the end of that day.
 *
 * <p><b>Stage cache</b> (api-gateway-caching.html): when the stage has a cache cluster, GET methods
 * are cached with the default TTL of 300 s (0 disables, at most 3,600 s); a per-method override
 * ({@link MethodSettingsOverride}) can cache another method (by setting {@code cachingEnabled}) or
 * change the TTL. An override changes only the fields it sets and inherits the others from the
 * stage's default method settings, so a throttle-only override for POST leaves POST uncached. The
 * cache key is the resource and method plus the values of the method's cache key parameters;
 * requests differing only in other parameters share an entry. An entry is live strictly before
 * {@code stored + TTL}. {@code Cache-Control: max-age=0} fetches from the integration and replaces
 * the entry when the caller may invalidate ({@link ApiRequest#authorizedToInvalidateCache()}, or
 * the method does not require authorization); otherwise {@link
 * UnauthorizedCacheControlHeaderStrategy} decides ({@code SUCCEED_WITH_RESPONSE_HEADER} by default,
 * the console's default; AWS's API default is [UNV]). Changing the cache size or disabling the
 * cache drops every entry; the least recently used entries go first when the size (0.5 to 237 GB)
 * is full. Only 2xx integration responses are cached, and only up to 1,048,576 bytes (UTF-8 body
 * plus headers); larger ones are served but not stored. The roughly four minutes AWS takes to
 * create or resize a cache are not modelled: the cache is ready at once.
 *
 * <p><b>Canary</b> (canary-release.html): {@code percentTraffic} percent of the stage's requests,
 * drawn from the seeded stream {@code apigateway/<apiId>/<stage>/canary} (a simulator choice), go
 * to the canary deployment with the canary's stage variable overrides; they share the stage's
 * buckets, and use the stage cache only with {@code useStageCache} (with separate entries when the
 * deployments differ). While a canary is on, the stage cannot move to another deployment. Promotion
 * moves the stage to the canary deployment, merges the overrides into the stage variables and
 * removes the canary.
 *
 * <p><b>Building an API</b> follows AWS's control plane: {@code PutMethod} (a method without an
 * integration), {@code PutIntegration}, {@code PutMethodResponse}, {@code PutIntegrationResponse},
 * then {@code CreateDeployment}, which freezes the methods and refuses a method without integration
 * ("No integration defined for method", BadRequestException). AWS's {@code MOCK} integration
 * ({@link dev.awssim.apigateway.Integration#mock(int)}) answers with the integration response whose
 * selection pattern matches the status its request template returns, else the default one, else 500
 * {@code API_CONFIGURATION_ERROR}; response templates are served as written (VTL is not evaluated).
 * {@code HTTP}, {@code HTTP_PROXY}, {@code AWS} and {@code AWS_PROXY} backends are not modelled as
 * such: a Java function ({@link dev.awssim.apigateway.Integration#function}) stands in for any of
 * them.
 *
 * <p><b>Integrations</b> are mock responses or Java functions with a latency on the virtual clock.
 * {@code invoke} answers at once and reports the latency ({@link ApiResponse#latency()}); the clock
 * does not move. A backend that has not answered when the timeout ends (29 s by default for REST;
 * 30 s by default and at most for HTTP APIs, whose routes refuse a longer timeout; limits.html)
 * gives 504 {@code INTEGRATION_TIMEOUT}: the timeout covers [call, call + timeout), so a latency
 * equal to it is too late. A function that throws gives 502.
 *
 * <p><b>Observability</b>: CloudWatch metrics in {@code AWS/ApiGateway} with dimensions {@code
 * ApiName, Stage} (REST) or {@code ApiId, Stage} (HTTP), plus {@code Method, Resource} where a
 * method enables detailed metrics: {@code Count}, {@code 4XXError} and {@code 5XXError} (0 or 1 per
 * request, as AWS records them, so a throttled request counts in Count and 4XXError), {@code
 * Latency}, {@code IntegrationLatency}, {@code CacheHitCount} and {@code CacheMissCount}. Trace
 * events ({@link ApiGatewayEventType}) record each throttling decision with the deciding level and
 * the tokens left in every applicable bucket; {@link ApiGateway#throttleState(ApiRequest)} and
 * {@link ApiGateway#accountThrottleState()} read the buckets without taking tokens.
 *
 * <p><b>Payload</b>: a body over 10 MB (10,485,760 bytes in UTF-8; limits.html) gets 413 {@code
 * REQUEST_TOO_LARGE} before routing, key, quota or buckets, so it takes no token and no quota.
 *
 * <p><b>Not modelled</b>: WebSocket APIs, authorizers, request validation and mapping templates,
 * CORS, header size limits (10,240 bytes; AWS does not say which response an oversized header
 * gets), the AWS regional (all-accounts) throttle, cache creation time, cache encryption, the
 * management API's own rate limits, and the limit of 300 plans per account or 10 plans per key.
 */
package dev.awssim.apigateway;
