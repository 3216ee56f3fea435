/**
 * CloudWatch metric alarms over the simulation's metrics: {@link dev.awssim.cloudwatch.CloudWatch}.
 *
 * <p>Each alarm has one scheduled task, at its next evaluation instant (multiples of 60 s, or of 10
 * s for 10/20/30 s periods). An evaluation reads the range of N + max(N/3, 2) periods counted back
 * from the instant, turns each bucket into breaching / not breaching / missing, and applies AWS's
 * missing-data rules (alarm-evaluation.html): with at least N real points the newest N decide (M of
 * N); with none, TreatMissingData decides; otherwise the gaps are filled as TreatMissingData says,
 * with the premature-alarm rule for {@code missing} and {@code ignore}. AWS/DynamoDB metrics are
 * always treated as {@code ignore}. A change of state runs that state's actions once (an SNS
 * publish of the alarm's JSON message), at the evaluation instant.
 */
package dev.awssim.cloudwatch;
