/**
 * An AWS endpoint on 127.0.0.1, backed by one simulation.
 *
 * <h2>How is the wire designed, and why?</h2>
 *
 * <p>The wire is one translation layer. A request that arrives over HTTP becomes the AWS SDK for
 * Java v2 request object its operation takes ({@code SendMessageRequest}, {@code PutItemRequest},
 * ...), built through the SDK's own field metadata ({@code SdkPojo.sdkFields()}: member names,
 * marshalling types, list and map traits). That object goes to the same simulated client that
 * {@code SimulatedAws} hands out in-process, found by operation name; its response, or the modelled
 * exception it throws, is encoded back through the same metadata. No request or response shape is
 * written by hand: an operation added to a simulated client is on the wire at once, and a fix to a
 * client is a fix to the wire.
 *
 * <pre>
 *   AWS CLI / boto3 / SDK --HTTP--> WireServer --Dispatcher--> JsonProtocol (X-Amz-Target)
 *                                       |                        RpcV2Protocol (smithy-protocol)
 *                                       |                        QueryProtocol (Action=...)
 *                                       |                        RestJsonProtocol (method + path)
 *                                  AdminEndpoints                      |
 *                                  (/_awssim/...)        StructuredCodec: JSON 1.0/1.1, CBOR 1.1,
 *                                       |                  RPC v2 CBOR; Query form/XML
 *                                       |                              |
 *                                  the simulation  &lt;---- SqsClient, SnsClient, DynamoDbClient,
 *                                                        KinesisClient, DynamoDbStreamsClient,
 *                                                        CloudWatch(Async)Client (simulator-awssdk),
 *                                                        ApiGatewayClient, LambdaClient (simulator-lambda)
 * </pre>
 *
 * <p><b>Protocols.</b> AWS JSON 1.0 for SQS (query-compatible: errors also carry {@code
 * x-amzn-query-error} with the legacy code), DynamoDB (with {@code x-amz-crc32} over the body
 * bytes) and DynamoDB Streams; AWS JSON 1.1 and CBOR 1.1 for Kinesis (CBOR timestamps are epoch
 * milliseconds, blobs are byte strings). Errors are {@code {"__type": ..., "message": ...}} with
 * the model's status; an unknown operation is 400 {@code UnknownOperationException} and a body that
 * cannot be decoded is 400 {@code SerializationException}, never a 5xx that clients would retry.
 * The Query protocol (form in, XML out) serves SQS, SNS and CloudWatch; Smithy RPC v2 CBOR and AWS
 * JSON 1.0 serve CloudWatch as newer CLIs and SDKs speak it. REST-JSON serves Lambda and API
 * Gateway's control plane: the operation is the method and path, each operation's binding read from
 * the SDK's own request marshaller ({@code RestRoutes}), each member in the path, query, a header
 * or the body as its SDK field's location says; errors carry {@code x-amzn-ErrorType}. Every
 * response carries {@code x-amzn-RequestId}, from a counter.
 *
 * <p><b>Transport.</b> HTTP/1.1 on a small server of the module's own ({@code LoopbackHttpServer}):
 * each connection has a thread that reads a request, serves it and writes the response's head and
 * body in one write. The JDK's {@code HttpServer}, used before, hands every request from its
 * selector thread to a worker and back, and those wake-ups, not the codecs or the models, were most
 * of a request's time. Handlers keep the JDK's {@code HttpHandler} and {@code HttpExchange} types.
 *
 * <p><b>Trust and Region.</b> Only the loopback interface is bound. Signatures are not checked: any
 * credentials work. Each request is served by the Region of the simulation that its SigV4
 * credential scope names (unsigned requests by the default Region), on the one clock; a scope that
 * names no Region code is refused as AWS refuses a credential scoped to an invalid Region.
 *
 * <p><b>Time.</b> Requests are served one at a time in arrival order. A call that would block in
 * AWS (an SQS long poll) is parked until virtual time reaches its answer; what moves time is the
 * server's {@link dev.awssim.wire.TimeMode}: idle jumps, the admin endpoints, or the wall-clock
 * pacer. Only the pacer reads the wall clock. The {@link dev.awssim.wire.SessionLog} records each
 * request at its virtual arrival, so a session can be replayed in-process to the same trace hash.
 */
package dev.awssim.wire;
