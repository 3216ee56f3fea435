package dev.awssim.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** The body codec on captured requests of each protocol, and on what it writes. */
class CodecTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void json10_awsCliSendMessage_decodesEveryMember() {
    // As botocore 1.43 sends it (AWS JSON 1.0 for SQS).
    byte[] body =
        utf8(
            "{\"QueueUrl\": \"http://127.0.0.1:4566/000000000000/q\", \"MessageBody\": \"hi\","
                + " \"DelaySeconds\": 5, \"MessageAttributes\": {\"k\": {\"DataType\": \"Binary\","
                + " \"BinaryValue\": \"AQI=\"}}}");
    SendMessageRequest r =
        (SendMessageRequest) StructuredCodec.JSON.decode(body, SendMessageRequest::builder);
    assertEquals("hi", r.messageBody());
    assertEquals(5, r.delaySeconds());
    assertArrayEquals(
        new byte[] {1, 2}, r.messageAttributes().get("k").binaryValue().asByteArray());
    assertNull(r.messageGroupId());
  }

  @Test
  void json_absentMembers_stayAbsent() {
    ReceiveMessageRequest r =
        (ReceiveMessageRequest)
            StructuredCodec.JSON.decode(
                utf8("{\"QueueUrl\":\"u\"}"), ReceiveMessageRequest::builder);
    assertNull(r.waitTimeSeconds());
    assertFalse(r.hasMessageAttributeNames());
    assertEquals(
        "{\"QueueUrl\":\"u\"}", new String(StructuredCodec.JSON.encode(r), StandardCharsets.UTF_8));
  }

  @Test
  void json_dynamoDbItem_roundTrips() {
    PutItemRequest in =
        PutItemRequest.builder()
            .tableName("t1")
            .item(
                Map.of(
                    "n", AttributeValue.fromN("1.50"),
                    "l",
                        AttributeValue.fromL(
                            List.of(
                                AttributeValue.fromNul(true),
                                AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")))))))
            .build();
    Object out =
        StructuredCodec.JSON.decode(StructuredCodec.JSON.encode(in), PutItemRequest::builder);
    assertEquals(in, out);
  }

  @Test
  void json_numberWhereStringExpected_isSerializationException() {
    WireException e =
        assertThrows(
            WireException.class,
            () ->
                StructuredCodec.JSON.decode(
                    utf8("{\"QueueUrl\":5}"), ReceiveMessageRequest::builder));
    assertEquals("SerializationException", e.errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void cbor_indefiniteLengthMap_decodes() {
    // {_ "StreamName": "s1"} with an indefinite-length map (0xBF ... 0xFF), as Jackson writes it.
    byte[] body = {
      (byte) 0xBF,
      0x6A,
      'S',
      't',
      'r',
      'e',
      'a',
      'm',
      'N',
      'a',
      'm',
      'e',
      0x62,
      's',
      '1',
      (byte) 0xFF
    };
    DescribeStreamRequest r =
        (DescribeStreamRequest) StructuredCodec.CBOR.decode(body, DescribeStreamRequest::builder);
    assertEquals("s1", r.streamName());
  }

  @Test
  void cbor_timestampTag1_isEpochMilliseconds() {
    // {_ "Timestamp": 1(1700000000123)}: tag 1 followed by a uint64 of epoch milliseconds.
    long millis = 1_700_000_000_123L;
    byte[] head = {
      (byte) 0xBF, 0x69, 'T', 'i', 'm', 'e', 's', 't', 'a', 'm', 'p', (byte) 0xC1, 0x1B
    };
    byte[] body = new byte[head.length + 9];
    System.arraycopy(head, 0, body, 0, head.length);
    for (int i = 0; i < 8; i++) {
      body[head.length + i] = (byte) (millis >>> (56 - 8 * i));
    }
    body[body.length - 1] = (byte) 0xFF;
    GetShardIteratorRequest r =
        (GetShardIteratorRequest)
            StructuredCodec.CBOR.decode(body, GetShardIteratorRequest::builder);
    assertEquals(Instant.ofEpochMilli(millis), r.timestamp());
  }

  @Test
  void cbor_encodesTimestampsAsTaggedMillisInIndefiniteMaps() {
    StreamDescriptionSummary s =
        StreamDescriptionSummary.builder()
            .streamCreationTimestamp(Instant.ofEpochMilli(1_700_000_000_123L))
            .build();
    byte[] out = StructuredCodec.CBOR.encode(s);
    assertEquals((byte) 0xBF, out[0]);
    assertEquals((byte) 0xFF, out[out.length - 1]);
    int tag = indexOf(out, (byte) 0xC1);
    assertTrue(tag > 0, "tag 1 present");
    assertEquals(0x1B, out[tag + 1]);
    assertEquals(
        Instant.ofEpochMilli(1_700_000_000_123L),
        ((StreamDescriptionSummary)
                StructuredCodec.CBOR.decode(out, StreamDescriptionSummary::builder))
            .streamCreationTimestamp());
  }

  @Test
  void cbor_javaSdkPutRecordBytes_decodeToTheRequestSent() {
    AwsSimulator sim = AwsSimulator.withSeed(1);
    try (WireServer server = WireServer.builder().simulator(sim).port(0).start();
        KinesisClient kinesis = Loopback.kinesis(server)) {
      kinesis.createStream(b -> b.streamName("s1").shardCount(1));
      sim.advanceBy(java.time.Duration.ofMinutes(1));
      PutRecordRequest sent =
          PutRecordRequest.builder()
              .streamName("s1")
              .partitionKey("pk")
              .data(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xFF, 7}))
              .build();
      kinesis.putRecord(sent);
      SessionLog.Entry captured = server.sessionLog().entries().get(1);
      assertEquals("Kinesis_20131202.PutRecord", captured.operation());
      assertEquals(JsonProtocol.CBOR_CONTENT_TYPE, captured.contentType());
      assertEquals((byte) 0xBF, captured.body()[0], "an indefinite-length map");
      assertEquals(sent, StructuredCodec.CBOR.decode(captured.body(), PutRecordRequest::builder));
    }
  }

  @Test
  void json_mismatchDeepInAnItem_namesItsPath() {
    WireException e =
        assertThrows(
            WireException.class,
            () ->
                StructuredCodec.JSON.decode(
                    utf8(
                        "{\"TableName\":\"t\",\"Item\":{\"a\":{\"L\":[{\"S\":\"x\"},{\"N\":7}]}}}"),
                    PutItemRequest::builder));
    assertEquals("SerializationException", e.errorCode());
    assertEquals("Unexpected value at '/Item/a/L/1/N': expected a string", e.getMessage());
  }

  @Test
  void json_rootNotAnObject_isSerializationExceptionAtTheRoot() {
    WireException e =
        assertThrows(
            WireException.class,
            () -> StructuredCodec.JSON.decode(utf8("[1]"), ReceiveMessageRequest::builder));
    assertEquals("Unexpected value at '/': expected a structure", e.getMessage());
  }

  @Test
  void json_unknownAndNullMembers_areSkippedAndTheLastOfADuplicateWins() {
    ReceiveMessageRequest r =
        (ReceiveMessageRequest)
            StructuredCodec.JSON.decode(
                utf8(
                    "{\"Unknown\":{\"deep\":[1,{\"x\":null}]},\"QueueUrl\":\"a\","
                        + "\"WaitTimeSeconds\":null,\"QueueUrl\":\"b\"}"),
                ReceiveMessageRequest::builder);
    assertEquals("b", r.queueUrl());
    assertNull(r.waitTimeSeconds());
  }

  @Test
  void json_listAndMapNulls_stayNullEntries() {
    PutItemRequest r =
        (PutItemRequest)
            StructuredCodec.JSON.decode(
                utf8("{\"Item\":{\"a\":null,\"b\":{\"L\":[null,{\"S\":\"x\"}]}}}"),
                PutItemRequest::builder);
    assertTrue(r.item().containsKey("a"));
    assertNull(r.item().get("a"));
    assertEquals(2, r.item().get("b").l().size());
    assertNull(r.item().get("b").l().get(0));
  }

  @Test
  void json_integerOutOfRangeOrFractional_isSerializationException() {
    for (String n : new String[] {"2147483648", "1.5", "\"5\""}) {
      WireException e =
          assertThrows(
              WireException.class,
              () ->
                  StructuredCodec.JSON.decode(
                      utf8("{\"QueueUrl\":\"u\",\"WaitTimeSeconds\":" + n + "}"),
                      ReceiveMessageRequest::builder),
              n);
      assertEquals("SerializationException", e.errorCode(), n);
    }
    ReceiveMessageRequest max =
        (ReceiveMessageRequest)
            StructuredCodec.JSON.decode(
                utf8("{\"WaitTimeSeconds\":2147483647}"), ReceiveMessageRequest::builder);
    assertEquals(Integer.MAX_VALUE, max.waitTimeSeconds());
  }

  @Test
  void json_truncatedOrEmptyBodies_areMalformedOrEmpty() {
    for (String body : new String[] {"{\"QueueUrl\":\"u\"", "{\"QueueUrl\":", " ", "{]"}) {
      WireException e =
          assertThrows(
              WireException.class,
              () -> StructuredCodec.JSON.decode(utf8(body), ReceiveMessageRequest::builder),
              body);
      assertEquals("SerializationException", e.errorCode(), body);
      assertTrue(e.getMessage().startsWith("Malformed request body"), e.getMessage());
    }
    ReceiveMessageRequest empty =
        (ReceiveMessageRequest)
            StructuredCodec.JSON.decode(new byte[0], ReceiveMessageRequest::builder);
    assertNull(empty.queueUrl());
  }

  @Test
  void json_blobIsBase64_andBadBase64IsSerializationException() {
    PutRecordRequest r =
        (PutRecordRequest)
            StructuredCodec.JSON.decode(utf8("{\"Data\":\"AP8H\"}"), PutRecordRequest::builder);
    assertArrayEquals(new byte[] {0, (byte) 0xFF, 7}, r.data().asByteArray());
    WireException e =
        assertThrows(
            WireException.class,
            () -> StructuredCodec.JSON.decode(utf8("{\"Data\":\"*\"}"), PutRecordRequest::builder));
    assertEquals(
        "Unexpected value at '/Data': expected base64-encoded binary data", e.getMessage());
  }

  @Test
  void json_timestampInEpochSecondsWithAFraction() {
    GetShardIteratorRequest r =
        (GetShardIteratorRequest)
            StructuredCodec.JSON.decode(
                utf8("{\"Timestamp\":1700000000.123}"), GetShardIteratorRequest::builder);
    assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), r.timestamp());
  }

  @Test
  void cbor_byteStringBlob_absentMembersAndDefiniteLengthMap_decode() {
    // {"PartitionKey": "p", "Data": h'00FF07'} as a definite-length map of two pairs (0xA2); the
    // stream name is absent and stays absent.
    byte[] body = cbor(0xA2, "PartitionKey", "p", "Data", 0x43, 0, 0xFF, 7);
    PutRecordRequest r =
        (PutRecordRequest) StructuredCodec.CBOR.decode(body, PutRecordRequest::builder);
    assertEquals("p", r.partitionKey());
    assertArrayEquals(new byte[] {0, (byte) 0xFF, 7}, r.data().asByteArray());
    assertNull(r.streamName());
    assertNull(r.explicitHashKey());
  }

  @Test
  void cbor_indefiniteLengthListInIndefiniteMap_decodes() {
    // {_ "ShardFilter": null, "StreamName": "s", "Unknown": [_ 1, {_ }]}: a null member and an
    // unknown member holding an indefinite-length list are skipped.
    byte[] body =
        cbor(
            0xBF,
            "ShardFilter",
            0xF6,
            "StreamName",
            "s",
            "Unknown",
            0x9F,
            1,
            0xBF,
            0xFF,
            0xFF,
            0xFF);
    ListShardsRequest r =
        (ListShardsRequest) StructuredCodec.CBOR.decode(body, ListShardsRequest::builder);
    assertEquals("s", r.streamName());
    assertNull(r.shardFilter());
  }

  @Test
  void cbor_truncatedBody_isMalformed() {
    byte[] body = {(byte) 0xBF, 0x6A, 'S', 't', 'r'}; // a 10-byte name cut after 3 bytes
    WireException e =
        assertThrows(
            WireException.class,
            () -> StructuredCodec.CBOR.decode(body, DescribeStreamRequest::builder));
    assertEquals("SerializationException", e.errorCode());
    assertTrue(e.getMessage().startsWith("Malformed request body"), e.getMessage());
  }

  @Test
  void cbor_putRecordRoundTripsThroughTheSdkMetadata() {
    PutRecordRequest sent =
        PutRecordRequest.builder()
            .streamName("s1")
            .partitionKey("pk")
            .sequenceNumberForOrdering("7")
            .data(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xFF, 7}))
            .build();
    assertEquals(
        sent,
        StructuredCodec.CBOR.decode(StructuredCodec.CBOR.encode(sent), PutRecordRequest::builder));
  }

  /**
   * CBOR bytes: an {@code Integer} is one byte as given, a {@code String} a text string (of fewer
   * than 24 bytes) with its head.
   */
  private static byte[] cbor(Object... items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object item : items) {
      if (item instanceof String text) {
        byte[] b = utf8(text);
        out.write(0x60 + b.length);
        out.writeBytes(b);
      } else {
        out.write((Integer) item);
      }
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
