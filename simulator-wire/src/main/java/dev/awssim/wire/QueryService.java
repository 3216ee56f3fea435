package dev.awssim.wire;

import dev.awssim.awssdk.SimulatedAws;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The services the wire serves over the AWS Query protocol (form in, XML out), each known by the
 * {@code Version} parameter every Query request carries and by the signing name of its credential
 * scope.
 */
enum QueryService {
  /**
   * SQS, whose SDK model is now AWS JSON: the Query names of its members are derived (see {@link
   * QueryProtocol}).
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-making-api-requests-xml.html
   */
  SQS("2012-11-05", "sqs", "http://queue.amazonaws.com/doc/2012-11-05/", SqsClient.class, true) {
    @Override
    Object client(SimulatedAws aws) {
      return aws.sqsClient();
    }
  },
  /**
   * SNS, a Query service: the SDK model's traits carry the Query names ({@code member}, {@code
   * entry}/{@code key}/{@code value}).
   * https://docs.aws.amazon.com/sns/latest/api/CommonParameters.html
   */
  SNS("2010-03-31", "sns", "http://sns.amazonaws.com/doc/2010-03-31/", SnsClient.class, false) {
    @Override
    Object client(SimulatedAws aws) {
      return aws.snsClient();
    }
  },
  /**
   * CloudWatch, a Query service in the Java SDK v2's model (newer CLIs speak Smithy RPC v2 CBOR or
   * AWS JSON 1.0 to it: {@link RpcV2Protocol}, {@link WireService#CLOUDWATCH}).
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/making-api-requests.html
   */
  CLOUDWATCH(
      "2010-08-01",
      "monitoring",
      "http://monitoring.amazonaws.com/doc/2010-08-01/",
      CloudWatchClient.class,
      false) {
    @Override
    Object client(SimulatedAws aws) {
      return aws.cloudWatchClient();
    }
  };

  private final String version;
  private final String signingName;
  private final String xmlns;

  @SuppressWarnings("ImmutableEnumChecker") // an ImmutableMap of reflection handles, never changed
  private final Operations operations;

  private final boolean derivedNames;

  QueryService(
      String version,
      String signingName,
      String xmlns,
      Class<?> clientInterface,
      boolean derivedNames) {
    this.version = version;
    this.signingName = signingName;
    this.xmlns = xmlns;
    this.operations = Operations.of(clientInterface);
    this.derivedNames = derivedNames;
  }

  /**
   * The service of a Query request: by its {@code Version}, else by its credential scope's signing
   * name, else SQS (the first Query service served, whose old clients may omit both).
   */
  static QueryService of(String version, CredentialScope scope) {
    for (QueryService s : values()) {
      if (s.version.equals(version)) {
        return s;
      }
    }
    if (scope != null) {
      for (QueryService s : values()) {
        if (s.signingName.equals(scope.service())) {
          return s;
        }
      }
    }
    return SQS;
  }

  /** The simulated client that serves this service's operations. */
  abstract Object client(SimulatedAws aws);

  /** The XML namespace of responses. */
  String xmlns() {
    return xmlns;
  }

  Operations operations() {
    return operations;
  }

  /**
   * Whether member names follow the SQS Query model's rules rather than the SDK model's traits
   * (SQS's SDK model is AWS JSON, whose traits no longer carry them).
   */
  boolean derivedNames() {
    return derivedNames;
  }
}
