/**
 * Classroom demos of documented AWS behaviour on virtual time, launched by {@link
 * dev.awssim.examples.Demos}.
 *
 * <p>Each demo is a {@link dev.awssim.examples.Demo}: a name, a title, the AWS rule it shows with
 * its documentation link, typed options with defaults, and {@code run(DemoOptions)} returning a
 * {@link dev.awssim.examples.DemoResult} (key numbers, a timeline, charts over virtual time). The
 * launcher prints results as text (tables and sparklines on one time axis per chart) and, with
 * {@code --report FILE}, writes one self-contained XHTML page with inline SVG charts (round ticks,
 * axis titles, the AWS limit as a dashed line): no scripts, fonts or images to fetch; the only
 * links go to the AWS documentation.
 *
 * <p>Options are declared with their ranges ({@link dev.awssim.examples.DemoOption}) and checked
 * before the run; values that AWS itself bounds are left to the simulated service, whose error the
 * launcher prints in one line (exit code 2). After {@code mvn package}, {@code java -jar
 * simulator-examples/target/awssim-demos.jar} runs the launcher without Maven.
 *
 * <p>To add a demo: implement {@code Demo} (one seeded {@code AwsSimulator}, drive it, read the
 * CloudWatch-named metrics into chart series), add it to {@code Demos.ALL}, and assert its key
 * numbers against AWS's rules in {@code DemosTest}; {@code ChartsTest} and {@code
 * BrowserReportTest} then check its charts at several parameter sets and in headless Chromium.
 */
package dev.awssim.examples;
