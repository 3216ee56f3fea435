/**
 * The recording side of the trace: the {@link dev.awssim.internal.trace.TraceRecorder} each
 * simulation owns, through which the service models record their events. Users read the timeline
 * through {@link dev.awssim.engine.trace.Trace}, which cannot record.
 */
package dev.awssim.internal.trace;
