package dev.awssim.lambda;

import com.google.common.collect.ImmutableMap;
import dev.awssim.SimulatedRegion;
import dev.awssim.engine.AwsServiceException;
import dev.awssim.internal.RandomIds;
import dev.awssim.internal.SimulationContext;
import dev.awssim.sqs.Sqs;
import dev.awssim.sqs.SqsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The event source mappings of one Lambda model: their parameters, checked against AWS's ranges
 * (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html), and their
 * running pollers. Guarded by the simulation lock.
 */
final class EventSourceMappings {
  private static final String UPDATING = "Updating";

  private final Lambda lambda;
  private final SimulationContext ctx;
  private final RandomGenerator ids;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** One mapping and what runs it. */
  private static final class Entry {
    FunctionState function;
    final Kind kind;
    final boolean fifo;
    EventSourceMapping description;
    final MappingRuntime runtime;

    Entry(
        FunctionState function,
        Kind kind,
        boolean fifo,
        EventSourceMapping description,
        MappingRuntime runtime) {
      this.function = function;
      this.kind = kind;
      this.fifo = fifo;
      this.description = description;
      this.runtime = runtime;
    }
  }

  /** The kind of event source, from its ARN. */
  enum Kind {
    SQS,
    KINESIS,
    DYNAMODB_STREAMS
  }

  EventSourceMappings(Lambda lambda, SimulationContext ctx) {
    this.lambda = lambda;
    this.ctx = ctx;
    this.ids = ctx.random().stream("lambda/eventSourceMappings");
  }

  /**
   * {@code CreateEventSourceMapping} on a source of {@code sim}, the function's Region. [SIM] A
   * source ARN naming another Region or account is refused as a source that does not exist (the
   * same error as an unknown queue or stream), rather than read from a same-named queue or stream
   * of this Region: Lambda reads the source of a mapping in the function's Region.
   */
  EventSourceMapping create(
      SimulatedRegion sim, FunctionState f, String qualifier, EventSourceMappingConfig config) {
    Kind kind = kind(config.eventSourceArn());
    checkNoOtherMapping(null, f, config.eventSourceArn());
    String uuid = RandomIds.uuid(ids).toString();
    MappingRuntime runtime;
    EventSourceMappingConfig checked;
    boolean fifo = false;
    switch (kind) {
      case SQS -> {
        Sqs sqs = sim.sqs();
        String queueUrl;
        Map<String, String> attributes;
        try {
          queueUrl = sqs.getQueueUrl(lastArnPart(config.eventSourceArn()));
          attributes = sqs.getQueueAttributes(queueUrl, List.of("All"));
        } catch (SqsException e) {
          throw nonExistentQueue(config.eventSourceArn());
        }
        if (!config.eventSourceArn().equals(attributes.get("QueueArn"))) {
          throw nonExistentQueue(config.eventSourceArn()); // a queue of another Region or account
        }
        fifo = "true".equals(attributes.get("FifoQueue"));
        checked = checkSqs(config, fifo);
        int visibility = Integer.parseInt(attributes.get("VisibilityTimeout"));
        checkVisibility(visibility, f);
        runtime =
            new SqsEventSource(
                lambda,
                ctx,
                f,
                qualifier,
                sqs,
                queueUrl,
                attributes.get("QueueArn"),
                visibility,
                checked);
      }
      default -> { // KINESIS, DYNAMODB_STREAMS
        checked = checkStream(config, kind);
        // "StartingPositionTimestamp cannot be in the future"
        // (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).
        if (checked.startingPositionTimestamp() != null
            && checked.startingPositionTimestamp().isAfter(ctx.clock().now())) {
          throw LambdaErrors.invalidParameterValue(
              "StartingPositionTimestamp cannot be in the future: "
                  + checked.startingPositionTimestamp());
        }
        String region = ctx.account().region();
        StreamEventSource.Source source;
        try {
          if (kind == Kind.KINESIS) {
            KinesisSource k = new KinesisSource(sim.kinesis(), config.eventSourceArn(), region);
            if (!k.check()) {
              throw streamNotFound(
                  config.eventSourceArn()); // a stream of another Region or account
            }
            source = k;
          } else {
            DynamoDbStreamsSource d =
                new DynamoDbStreamsSource(
                    sim.dynamoDb().streams(), config.eventSourceArn(), region);
            d.check();
            source = d;
          }
        } catch (AwsServiceException e) {
          throw streamNotFound(config.eventSourceArn());
        }
        checkDestinationExists(checked);
        runtime =
            new StreamEventSource(
                lambda, ctx, f, qualifier, source, lambda.destinations(), checked);
      }
    }
    EventSourceMapping description = describe(uuid, f, checked);
    entries.put(uuid, new Entry(f, kind, fifo, description, runtime));
    ctx.trace().record(LambdaEventType.MAPPING_CREATED, f.name, ImmutableMap.of("uuid", uuid));
    if (checked.enabled()) {
      runtime.start();
    }
    return description;
  }

  EventSourceMapping get(String uuid) {
    return entry(uuid).description;
  }

  List<EventSourceMapping> list(String functionName, String eventSourceArn) {
    String name = functionName == null ? null : functionName.split(":", -1)[0];
    List<EventSourceMapping> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if ((name == null || e.function.name.equals(name))
          && (eventSourceArn == null
              || e.description.config().eventSourceArn().equals(eventSourceArn))) {
        out.add(e.description);
      }
    }
    return out;
  }

  /**
   * {@code UpdateEventSourceMapping}: checks the new parameters as create does, answers the mapping
   * in state {@code Updating}, and applies them {@link LambdaLimits#MAPPING_UPDATE_DELAY} later,
   * when the state becomes {@code Enabled} or {@code Disabled}
   * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateEventSourceMapping.html). A refused
   * update changes nothing.
   */
  EventSourceMapping update(
      String uuid, FunctionState f, String qualifier, EventSourceMappingConfig config) {
    Entry e = entry(uuid);
    if (e.description.state().equals(UPDATING)) {
      throw resourceInUse(uuid);
    }
    EventSourceMappingConfig old = e.description.config();
    if (!old.eventSourceArn().equals(config.eventSourceArn())) {
      throw LambdaErrors.invalidParameterValue(
          "The event source of an event source mapping cannot be changed: "
              + config.eventSourceArn());
    }
    if (old.startingPosition() != config.startingPosition()
        || !Objects.equals(old.startingPositionTimestamp(), config.startingPositionTimestamp())) {
      throw LambdaErrors.invalidParameterValue(
          "StartingPosition cannot be changed by UpdateEventSourceMapping");
    }
    checkNoOtherMapping(e, f, config.eventSourceArn());
    EventSourceMappingConfig checked;
    if (e.kind == Kind.SQS) {
      checked = checkSqs(config, e.fifo);
      SqsEventSource sqs = (SqsEventSource) e.runtime;
      int visibility;
      try {
        visibility = sqs.queueVisibilitySeconds();
      } catch (SqsException x) {
        throw nonExistentQueue(config.eventSourceArn());
      }
      checkVisibility(visibility, f);
    } else {
      checked = checkStream(config, e.kind);
      checkDestinationExists(checked);
    }
    e.function = f;
    e.description = new EventSourceMapping(uuid, f.arn, UPDATING, checked);
    ctx.scheduler()
        .after(
            LambdaLimits.MAPPING_UPDATE_DELAY,
            () -> {
              e.runtime.configure(f, qualifier, checked);
              if (checked.enabled()) {
                e.runtime.start();
              } else {
                e.runtime.stop();
              }
              e.description = describe(uuid, f, checked);
            });
    return e.description;
  }

  private static LambdaException resourceInUse(String uuid) {
    return new LambdaException(
        "ResourceInUseException",
        400,
        null,
        0,
        "Cannot update or delete the event source mapping "
            + uuid
            + " while it is in state Updating. Try again once it is Enabled or Disabled.");
  }

  /**
   * AWS refuses an SQS mapping whose queue hides messages for less time than the function may run
   * ("Lambda validates this requirement when you create or update an event source mapping",
   * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html); the message is the
   * one AWS sends.
   */
  private static void checkVisibility(int visibilitySeconds, FunctionState f) {
    if (visibilitySeconds * 1_000_000_000L < f.timeout.toNanos()) {
      throw LambdaErrors.invalidParameterValue(
          "Queue visibility timeout: "
              + visibilitySeconds
              + " seconds is less than Function timeout: "
              + f.timeout.toSeconds()
              + " seconds");
    }
  }

  private static LambdaException nonExistentQueue(String arn) {
    return LambdaErrors.invalidParameterValue(
        "Error occurred while ReceiveMessage. SQS Error Code:"
            + " AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified"
            + " queue does not exist: "
            + arn);
  }

  private void checkDestinationExists(EventSourceMappingConfig checked) {
    String destination = checked.onFailureDestinationArn();
    if (destination != null && !lambda.destinations().exists(destination)) {
      throw LambdaErrors.invalidParameterValue(
          "The on-failure destination does not exist: " + destination);
    }
  }

  /** One mapping per function and source: another is a {@code ResourceConflictException}. */
  private void checkNoOtherMapping(Entry self, FunctionState f, String eventSourceArn) {
    for (Entry e : entries.values()) {
      if (e != self
          && e.function == f
          && e.description.config().eventSourceArn().equals(eventSourceArn)) {
        throw LambdaErrors.resourceConflict(
            "An event source mapping with event source ("
                + eventSourceArn
                + ") and function ("
                + f.name
                + ") already exists. Please update or delete the existing mapping with UUID "
                + e.description.uuid());
      }
    }
  }

  EventSourceMapping delete(String uuid) {
    Entry e = entry(uuid);
    if (e.description.state().equals(UPDATING)) {
      throw resourceInUse(uuid);
    }
    e.runtime.stop();
    entries.remove(uuid);
    ctx.trace()
        .record(LambdaEventType.MAPPING_DELETED, e.function.name, ImmutableMap.of("uuid", uuid));
    return new EventSourceMapping(uuid, e.function.arn, "Deleting", e.description.config());
  }

  private Entry entry(String uuid) {
    Entry e = uuid == null ? null : entries.get(uuid);
    if (e == null) {
      throw new LambdaException(
          "ResourceNotFoundException",
          404,
          null,
          0,
          "The resource you requested does not exist. (Service: Lambda, UUID: " + uuid + ")");
    }
    return e;
  }

  private static EventSourceMapping describe(
      String uuid, FunctionState f, EventSourceMappingConfig config) {
    return new EventSourceMapping(uuid, f.arn, config.enabled() ? "Enabled" : "Disabled", config);
  }

  static Kind kind(String arn) {
    if (arn.startsWith("arn:aws:sqs:")) {
      return Kind.SQS;
    }
    if (arn.startsWith("arn:aws:kinesis:") && arn.contains(":stream/")) {
      return Kind.KINESIS;
    }
    if (arn.startsWith("arn:aws:dynamodb:") && arn.contains("/stream/")) {
      return Kind.DYNAMODB_STREAMS;
    }
    throw LambdaErrors.invalidParameterValue("Unrecognized event source: " + arn);
  }

  private static LambdaException streamNotFound(String arn) {
    return LambdaErrors.invalidParameterValue("Stream not found: " + arn);
  }

  private static String lastArnPart(String arn) {
    return arn.substring(arn.lastIndexOf(':') + 1);
  }

  /** SQS parameters with defaults filled in, or InvalidParameterValueException. */
  private static EventSourceMappingConfig checkSqs(EventSourceMappingConfig c, boolean fifo) {
    rejectIf(c.startingPosition() != null, "StartingPosition");
    rejectIf(c.parallelizationFactor() != null, "ParallelizationFactor");
    rejectIf(c.maximumRetryAttempts() != null, "MaximumRetryAttempts");
    rejectIf(c.maximumRecordAge() != null, "MaximumRecordAgeInSeconds");
    rejectIf(c.bisectBatchOnFunctionError(), "BisectBatchOnFunctionError");
    rejectIf(c.onFailureDestinationArn() != null, "DestinationConfig");
    rejectIf(c.tumblingWindow() != null, "TumblingWindowInSeconds");
    EventFilter.parse(c.filterPatterns());
    int batch = c.batchSize() == null ? LambdaLimits.SQS_DEFAULT_BATCH_SIZE : c.batchSize();
    int max = fifo ? LambdaLimits.SQS_FIFO_MAXIMUM_BATCH_SIZE : LambdaLimits.SQS_MAXIMUM_BATCH_SIZE;
    if (batch < 1 || batch > max) {
      throw LambdaErrors.invalidParameterValue(
          "BatchSize must be between 1 and " + max + " for this queue: " + batch);
    }
    Duration window = window(c);
    if (fifo && !window.isZero()) {
      throw LambdaErrors.invalidParameterValue("Batching window is not supported for FIFO queues");
    }
    if (batch > LambdaLimits.SQS_DEFAULT_BATCH_SIZE && window.isZero()) {
      throw LambdaErrors.invalidParameterValue(
          "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater"
              + " than 10");
    }
    Integer concurrency = c.maximumConcurrency();
    if (concurrency != null
        && (concurrency < LambdaLimits.MINIMUM_MAXIMUM_CONCURRENCY
            || concurrency > LambdaLimits.MAXIMUM_MAXIMUM_CONCURRENCY)) {
      throw LambdaErrors.invalidParameterValue(
          "MaximumConcurrency must be between "
              + LambdaLimits.MINIMUM_MAXIMUM_CONCURRENCY
              + " and "
              + LambdaLimits.MAXIMUM_MAXIMUM_CONCURRENCY
              + ": "
              + concurrency);
    }
    return c.withBatchSize(batch).withMaximumBatchingWindow(window);
  }

  /** Kinesis and DynamoDB Streams parameters with defaults filled in. */
  static EventSourceMappingConfig checkStream(EventSourceMappingConfig c, Kind kind) {
    rejectIf(c.maximumConcurrency() != null, "ScalingConfig");
    if (c.startingPosition() == null) {
      throw LambdaErrors.invalidParameterValue(
          "StartingPosition is required for stream event sources");
    }
    if (c.startingPosition() == EventSourceMappingConfig.StartingPosition.AT_TIMESTAMP) {
      if (kind == Kind.DYNAMODB_STREAMS) {
        throw LambdaErrors.invalidParameterValue(
            "AT_TIMESTAMP is not supported for DynamoDB stream event sources");
      }
      if (c.startingPositionTimestamp() == null) {
        throw LambdaErrors.invalidParameterValue(
            "StartingPositionTimestamp is required with AT_TIMESTAMP");
      }
    }
    int batch = c.batchSize() == null ? LambdaLimits.STREAM_DEFAULT_BATCH_SIZE : c.batchSize();
    if (batch < 1 || batch > LambdaLimits.STREAM_MAXIMUM_BATCH_SIZE) {
      throw LambdaErrors.invalidParameterValue(
          "BatchSize must be between 1 and "
              + LambdaLimits.STREAM_MAXIMUM_BATCH_SIZE
              + ": "
              + batch);
    }
    int factor = c.parallelizationFactor() == null ? 1 : c.parallelizationFactor();
    if (factor < 1 || factor > LambdaLimits.MAXIMUM_PARALLELIZATION_FACTOR) {
      throw LambdaErrors.invalidParameterValue(
          "ParallelizationFactor must be between 1 and "
              + LambdaLimits.MAXIMUM_PARALLELIZATION_FACTOR
              + ": "
              + factor);
    }
    int retries = c.maximumRetryAttempts() == null ? -1 : c.maximumRetryAttempts();
    if (retries < -1 || retries > LambdaLimits.STREAM_MAXIMUM_RETRY_ATTEMPTS) {
      throw LambdaErrors.invalidParameterValue(
          "MaximumRetryAttempts must be -1 or between 0 and "
              + LambdaLimits.STREAM_MAXIMUM_RETRY_ATTEMPTS
              + ": "
              + retries);
    }
    Duration age = c.maximumRecordAge();
    if (age != null
        && (age.compareTo(LambdaLimits.STREAM_MINIMUM_RECORD_AGE) < 0
            || age.compareTo(LambdaLimits.STREAM_MAXIMUM_RECORD_AGE) > 0)) {
      throw LambdaErrors.invalidParameterValue(
          "MaximumRecordAgeInSeconds must be -1 or between "
              + LambdaLimits.STREAM_MINIMUM_RECORD_AGE.toSeconds()
              + " and "
              + LambdaLimits.STREAM_MAXIMUM_RECORD_AGE.toSeconds());
    }
    if (c.onFailureDestinationArn() != null
        && !c.onFailureDestinationArn().startsWith("arn:aws:sqs:")
        && !c.onFailureDestinationArn().startsWith("arn:aws:sns:")) {
      throw LambdaErrors.invalidParameterValue(
          "The simulator supports SQS queues and SNS topics as on-failure destinations: "
              + c.onFailureDestinationArn());
    }
    EventFilter.parse(c.filterPatterns());
    Duration tumbling = c.tumblingWindow();
    if (tumbling != null
        && (tumbling.isNegative()
            || tumbling.compareTo(LambdaLimits.MAXIMUM_TUMBLING_WINDOW) > 0
            || tumbling.toNanos() % 1_000_000_000L != 0)) {
      throw LambdaErrors.invalidParameterValue(
          "TumblingWindowInSeconds must be a whole number of seconds between 0 and "
              + LambdaLimits.MAXIMUM_TUMBLING_WINDOW.toSeconds());
    }
    return c.withBatchSize(batch)
        .withMaximumBatchingWindow(window(c))
        .withParallelizationFactor(factor)
        .withMaximumRetryAttempts(retries)
        .withTumblingWindow(tumbling == null || tumbling.isZero() ? null : tumbling);
  }

  private static Duration window(EventSourceMappingConfig c) {
    Duration window = c.maximumBatchingWindow() == null ? Duration.ZERO : c.maximumBatchingWindow();
    if (window.isNegative()
        || window.compareTo(LambdaLimits.MAXIMUM_BATCHING_WINDOW) > 0
        || window.toNanos() % 1_000_000_000L != 0) {
      throw LambdaErrors.invalidParameterValue(
          "MaximumBatchingWindowInSeconds must be a whole number of seconds between 0 and "
              + LambdaLimits.MAXIMUM_BATCHING_WINDOW.toSeconds());
    }
    return window;
  }

  private static void rejectIf(boolean given, String parameter) {
    if (given) {
      throw LambdaErrors.invalidParameterValue(
          "Unsupported " + parameter + " parameter for given event source mapping type.");
    }
  }
}
