package dev.awssim.apigateway;

/**
 * The level of a throttling token bucket, in the order API Gateway evaluates them
 * (api-gateway-request-throttling.html): usage plan per client and method, stage and method,
 * account per Region. HTTP APIs have route and account levels only (http-api-throttling.html).
 *
 * <pre>{@code
 * response.throttleLevel().ifPresent(level -> System.out.println("429 from " + level));
 * }</pre>
 */
public enum ThrottleLevel {
  /** A per-method throttle override of a usage plan, per API key. */
  USAGE_PLAN_METHOD,
  /** A usage plan's throttle, per API key, shared by every stage of the plan. */
  USAGE_PLAN,
  /** A stage's method setting for one method. */
  METHOD,
  /** A stage's default method setting ({@code *}/{@code *}), one bucket per method. */
  STAGE,
  /** An HTTP API stage's route setting (or default route setting), one bucket per route. */
  ROUTE,
  /** The account's limit in the Region, shared by every API. */
  ACCOUNT
}
