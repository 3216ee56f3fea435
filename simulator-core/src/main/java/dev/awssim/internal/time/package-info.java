/**
 * Time in nanoseconds, as the models keep it: unit constants, saturating conversions from {@link
 * java.time.Duration}, and a UTC calendar over elapsed nanoseconds (for per-day quotas and
 * CloudWatch periods). The lowest layer: it depends on nothing else in awssim.
 */
package dev.awssim.internal.time;
