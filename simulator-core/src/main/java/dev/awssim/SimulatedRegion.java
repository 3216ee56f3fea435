package dev.awssim;

import dev.awssim.apigateway.ApiGateway;
import dev.awssim.apigateway.ApiGatewayLimits;
import dev.awssim.cloudwatch.CloudWatch;
import dev.awssim.dax.Dax;
import dev.awssim.dynamodb.DynamoDb;
import dev.awssim.dynamodb.DynamoDbLimits;
import dev.awssim.engine.AwsAccount;
import dev.awssim.engine.metrics.Metrics;
import dev.awssim.internal.SimulationContext;
import dev.awssim.internal.SimulatorAccess;
import dev.awssim.kinesis.Kinesis;
import dev.awssim.kinesis.KinesisLimits;
import dev.awssim.sns.Sns;
import dev.awssim.sns.SnsLimits;
import dev.awssim.sqs.Sqs;
import dev.awssim.sqs.SqsLimits;
import dev.awssim.xray.XRay;
import dev.awssim.xray.XRayLimits;

/**
 * One AWS Region of a simulation: the services of that Region, on the simulation's one clock.
 *
 * <p>In AWS, queues, streams, tables, APIs, topics, metrics, alarms and sampling rules belong to a
 * Region: the same queue name in two Regions names two queues, and their URLs and ARNs carry their
 * Region
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html,
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html). So each
 * Region here has its own:
 *
 * <ul>
 *   <li>{@link #sqs()}, {@link #kinesis()}, {@link #dynamoDb()} (with its streams), {@link #dax()},
 *       {@link #apiGateway()} (and API Gateway's account-level throttle, which is per Region),
 *       {@link #sns()}, {@link #cloudWatch()} (alarms) and {@link #xray()} (sampling rules);
 *   <li>{@link #metrics()}: CloudWatch metrics are regional, so {@code AWS/SQS} metrics of queue
 *       {@code orders} in two Regions are two series;
 *   <li>random streams: [SIM] the default Region's services draw from the simulation's streams,
 *       another Region's from streams of a root seed derived from (seed, Region), so that ids in
 *       one Region do not shift when another is used.
 * </ul>
 *
 * <p>Shared by every Region: the virtual clock and scheduler, the lock, the account ID, and the
 * {@linkplain AwsSimulator#trace() trace} (one timeline; [SIM] the events of a Region other than
 * the default carry attribute {@code region}). SNS delivers to SQS queues of any Region of the
 * simulation, as AWS delivers across Regions
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-cross-region-delivery.html); CloudWatch alarm
 * actions publish to topics of their own Region.
 *
 * <pre>{@code
 * AwsSimulator sim = AwsSimulator.withSeed(42);              // default Region us-east-1
 * String eu = sim.region("eu-west-1").sqs().createQueue("orders");
 * // https://sqs.eu-west-1.amazonaws.com/000000000000/orders, not sim.sqs()'s "orders"
 * }</pre>
 *
 * <p>A Region is created on first use by {@link AwsSimulator#region(String)}, with the limits set
 * on the simulation's builder; the builder's Region is the default one, whose services {@link
 * AwsSimulator#sqs()} and the other accessors return.
 */
public final class SimulatedRegion {
  static {
    // awssim's own modules (the SDK clients of a Region) reach its context, users do not.
    SimulatorAccess.registerRegions(region -> region.context);
  }

  private final AwsSimulator simulator;
  private final SimulationContext context;
  private final Sqs sqs;
  private final DynamoDb dynamoDb;
  private final Kinesis kinesis;
  private final ApiGateway apiGateway;
  private final XRay xray;
  private final Dax dax;
  private final Sns sns;
  private final CloudWatch cloudWatch;

  SimulatedRegion(
      AwsSimulator simulator,
      SimulationContext context,
      SqsLimits sqsLimits,
      DynamoDbLimits dynamoDbLimits,
      KinesisLimits kinesisLimits,
      ApiGatewayLimits apiGatewayLimits,
      XRayLimits xrayLimits,
      SnsLimits snsLimits) {
    this.simulator = simulator;
    this.context = context;
    // The order in which the services are built is the order a simulation always built them in.
    this.sqs = new Sqs(context, sqsLimits);
    this.dynamoDb = new DynamoDb(context, dynamoDbLimits);
    this.kinesis = new Kinesis(context, kinesisLimits);
    this.apiGateway = new ApiGateway(context, apiGatewayLimits);
    this.xray = new XRay(context, xrayLimits);
    this.dax = new Dax(context);
    this.sns = new Sns(context, snsLimits);
    sns.setQueueEndpoints(new SnsToSqs(simulator::existingSqs, sqsLimits.accountId()));
    this.cloudWatch = new CloudWatch(context);
    cloudWatch.setAlarmActions(new AlarmsToSns(sns));
  }

  /** The Region code, such as {@code eu-west-1}. */
  public String name() {
    return context.account().region();
  }

  /** The account ID and this Region: what this Region's ARNs carry. */
  public AwsAccount account() {
    return context.account();
  }

  /** The simulation this Region belongs to (its clock, scheduler and trace). */
  public AwsSimulator simulator() {
    return simulator;
  }

  /** The CloudWatch-like metrics of this Region's services, to query (read-only). */
  public Metrics metrics() {
    return context.metrics();
  }

  /** Amazon SQS in this Region. */
  public Sqs sqs() {
    return sqs;
  }

  /** DynamoDB (and DynamoDB Streams) in this Region. */
  public DynamoDb dynamoDb() {
    return dynamoDb;
  }

  /** Amazon Kinesis Data Streams in this Region. */
  public Kinesis kinesis() {
    return kinesis;
  }

  /** Amazon API Gateway in this Region. */
  public ApiGateway apiGateway() {
    return apiGateway;
  }

  /** DynamoDB Accelerator (DAX) clusters in this Region, in front of {@link #dynamoDb()}. */
  public Dax dax() {
    return dax;
  }

  /** AWS X-Ray sampling in this Region. */
  public XRay xray() {
    return xray;
  }

  /** Amazon SNS in this Region, delivering to SQS queues of this Region or another. */
  public Sns sns() {
    return sns;
  }

  /** CloudWatch metric alarms over {@link #metrics()}, whose actions publish to {@link #sns()}. */
  public CloudWatch cloudWatch() {
    return cloudWatch;
  }

  @Override
  public String toString() {
    return "SimulatedRegion[" + name() + "]";
  }
}
