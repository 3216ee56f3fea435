/**
 * The engine that every service model stands on: {@link dev.awssim.engine.SimulationContext} (the
 * clock, scheduler, random streams, metrics, trace and lock a model receives) and {@link
 * dev.awssim.engine.AwsServiceException} (the AWS error code and HTTP status every service error
 * carries). The engine depends on no service; an ArchUnit test keeps it so.
 */
package dev.awssim.engine;
