package dev.awssim.wire;

import dev.awssim.awssdk.SimulatedAws;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The services the wire serves over the AWS JSON protocols, each named by the {@code X-Amz-Target}
 * prefix its clients send (from the services' API models: {@code targetPrefix} and {@code
 * jsonVersion}).
 */
enum WireService {
  /**
   * SQS: AWS JSON 1.0, query-compatible (errors also carry {@code x-amzn-query-error}).
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-making-api-requests-json.html
   */
  SQS("AmazonSQS", "application/x-amz-json-1.0", "com.amazonaws.sqs#", SqsClient.class, false) {
    @Override
    Object client(SimulatedAws aws) {
      return aws.sqsClient();
    }
  },
  /**
   * DynamoDB: AWS JSON 1.0 with an {@code x-amz-crc32} checksum of the body.
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html
   */
  DYNAMODB(
      "DynamoDB_20120810",
      "application/x-amz-json-1.0",
      "com.amazonaws.dynamodb.v20120810#",
      DynamoDbClient.class,
      true) {
    @Override
    Object client(SimulatedAws aws) {
      return aws.dynamoDbClient();
    }
  },
  /** DynamoDB Streams: AWS JSON 1.0. */
  DYNAMODB_STREAMS(
      "DynamoDBStreams_20120810",
      "application/x-amz-json-1.0",
      "com.amazonaws.dynamodb.v20120810#",
      DynamoDbStreamsClient.class,
      true) {
    @Override
    Object client(SimulatedAws aws) {
      return aws.dynamoDbStreamsClient();
    }
  },
  /** Kinesis: AWS JSON 1.1, or CBOR 1.1 (the Java SDK v2's default). */
  KINESIS("Kinesis_20131202", "application/x-amz-json-1.1", "", KinesisClient.class, false) {
    @Override
    Object client(SimulatedAws aws) {
      return aws.kinesisClient();
    }
  },
  /**
   * CloudWatch: AWS JSON 1.0, query-compatible (the protocol newer SDKs send with {@code
   * x-amzn-query-mode}; the Java SDK v2 still speaks Query, newer CLIs Smithy RPC v2 CBOR).
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/making-api-requests.html
   */
  CLOUDWATCH(
      "GraniteServiceVersion20100801",
      "application/x-amz-json-1.0",
      "",
      CloudWatchClient.class,
      false) {
    @Override
    Object client(SimulatedAws aws) {
      return aws.cloudWatchClient();
    }
  };

  private final String targetPrefix;
  private final String jsonContentType;
  private final String errorTypePrefix;

  @SuppressWarnings("ImmutableEnumChecker") // an ImmutableMap of reflection handles, never changed
  private final Operations operations;

  private final boolean crc32;

  WireService(
      String targetPrefix,
      String jsonContentType,
      String errorTypePrefix,
      Class<?> clientInterface,
      boolean crc32) {
    this.targetPrefix = targetPrefix;
    this.jsonContentType = jsonContentType;
    this.errorTypePrefix = errorTypePrefix;
    this.operations = Operations.of(clientInterface);
    this.crc32 = crc32;
  }

  /**
   * Checks the Region of {@code request}'s credential scope, decodes its body for {@code operation}
   * and calls the simulated client. With {@code park}, an SQS {@code ReceiveMessage} goes to the
   * async client, whose future completes on virtual time.
   *
   * @throws WireException for another Region, an unknown operation or a body that cannot be decoded
   * @throws RuntimeException what the simulated client throws
   */
  CompletableFuture<Object> call(
      SimulatedAws aws,
      WireRequest request,
      String operation,
      StructuredCodec codec,
      boolean park) {
    CredentialScope.checkRegion(
        request, aws.region().name(), signatureErrorCode(), signatureErrorStatus());
    Operations.Operation op = operations.get(operation);
    if (op == null) {
      throw WireException.unknownOperation("Unknown operation: " + targetPrefix + "." + operation);
    }
    Object sdkRequest =
        LocalQueueUrls.canonical(
            codec.decode(request.body(), op.requestBuilder()), request, aws.region().name());
    if (park && sdkRequest instanceof ReceiveMessageRequest receive) {
      return aws.sqsAsyncClient().receiveMessage(receive).thenApply(r -> r);
    }
    return op.call(client(aws), sdkRequest);
  }

  /** The service whose target prefix is {@code prefix}, or null. */
  static WireService byTargetPrefix(String prefix) {
    for (WireService s : values()) {
      if (s.targetPrefix.equals(prefix)) {
        return s;
      }
    }
    return null;
  }

  /** The simulated client that serves this service's operations. */
  abstract Object client(SimulatedAws aws);

  /** The {@code X-Amz-Target} prefix of the service's operations. */
  String targetPrefix() {
    return targetPrefix;
  }

  /** The content type of JSON responses. */
  String jsonContentType() {
    return jsonContentType;
  }

  /** The {@code __type} of an error with {@code code}, as this service spells it. */
  String errorType(String code) {
    return errorTypePrefix + code;
  }

  Operations operations() {
    return operations;
  }

  /** Whether responses carry {@code x-amz-crc32}, which the SDK's DynamoDB clients validate. */
  boolean crc32() {
    return crc32;
  }

  /** The error code of invalid input the model did not name. */
  String validationErrorCode() {
    return queryCompatible() ? "InvalidParameterValue" : "ValidationException";
  }

  /** Whether errors also carry {@code x-amzn-query-error: Code;Sender}. */
  boolean queryCompatible() {
    return this == SQS || this == CLOUDWATCH;
  }

  /**
   * {@code r} with {@code x-amzn-query-error: queryCode;Sender} (Receiver for a 5xx) when the
   * service is query-compatible: the header from which clients read the Query error code.
   */
  WireResponse withQueryError(WireResponse r, String queryCode) {
    if (!queryCompatible()) {
      return r;
    }
    return r.withHeader(
        "x-amzn-query-error", queryCode + ";" + (r.status() >= 500 ? "Receiver" : "Sender"));
  }

  /**
   * The error code of a request signed for a Region the endpoint does not serve: the Query
   * services' {@code SignatureDoesNotMatch}, the JSON services' {@code InvalidSignatureException}
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
   */
  String signatureErrorCode() {
    return queryCompatible() ? "SignatureDoesNotMatch" : "InvalidSignatureException";
  }

  /** The HTTP status of {@link #signatureErrorCode()}: 403 and 400 respectively. */
  int signatureErrorStatus() {
    return queryCompatible() ? 403 : 400;
  }
}
