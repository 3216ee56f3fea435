/**
 * Classroom demos of documented AWS behaviour on virtual time, launched by {@link
 * dev.awssim.examples.Demos}.
 *
 * <p>Each demo is a {@link dev.awssim.examples.Demo}: a name, a title, the AWS rule it shows with
 * its documentation link, typed options with defaults, and {@code run(DemoOptions)} returning a
 * {@link dev.awssim.examples.DemoResult} (key numbers, a timeline, charts over virtual time). The
 * launcher prints results as text (tables and sparklines) and, with {@code --report FILE}, writes
 * one self-contained XHTML page with inline SVG charts: no scripts, fonts or links to fetch.
 *
 * <p>To add a demo: implement {@code Demo} (one seeded {@code AwsSimulator}, drive it, read the
 * CloudWatch-named metrics into chart series), add it to {@code Demos.ALL}, and assert its key
 * numbers against AWS's rules in {@code DemosTest}.
 */
package dev.awssim.examples;
