package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB's error catalogue
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html), each
 * error caused by real calls through the SDK clients: the SDK's modelled class, AWS's code, HTTP
 * 400.
 */
class DynamoDbErrorCatalogueTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(17);
  private final SimulatedAws aws = SimulatedAws.builder(sim).retryMode(RetryMode.NONE).build();
  private final DynamoDbClient db = aws.dynamoDbClient();
  private final DynamoDbStreamsClient streams = aws.dynamoDbStreamsClient();

  private String table(String name, boolean provisioned) {
    return db.createTable(
            b -> {
              b.tableName(name)
                  .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                  .attributeDefinitions(
                      a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                  .streamSpecification(
                      s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY));
              if (provisioned) {
                b.provisionedThroughput(p -> p.readCapacityUnits(100L).writeCapacityUnits(100L));
              } else {
                b.billingMode("PAY_PER_REQUEST");
              }
            })
        .tableDescription()
        .latestStreamArn();
  }

  private static <T extends AwsServiceException> T fails(
      Class<T> type, String code, Executable call) {
    T e = assertThrows(type, call);
    assertEquals(code, e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    return e;
  }

  private static Map<String, AttributeValue> item(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  @Test
  void tables_createTwice_resourceInUse_missingTable_resourceNotFound() {
    table("tbl", false);
    fails(ResourceInUseException.class, "ResourceInUseException", () -> table("tbl", false));
    fails(
        ResourceNotFoundException.class,
        "ResourceNotFoundException",
        () -> db.getItem(b -> b.tableName("missing").key(item("a"))));
  }

  @Test
  void items_badKey_validationException_failedCondition_conditionalCheckFailedWithItem() {
    table("tbl", false);
    db.putItem(b -> b.tableName("tbl").item(item("a")));
    fails(
        DynamoDbException.class,
        "ValidationException",
        () -> db.getItem(b -> b.tableName("tbl").key(Map.of("id", AttributeValue.fromN("1")))));
    ConditionalCheckFailedException e =
        fails(
            ConditionalCheckFailedException.class,
            "ConditionalCheckFailedException",
            () ->
                db.putItem(
                    b ->
                        b.tableName("tbl")
                            .item(item("a"))
                            .conditionExpression("attribute_not_exists(id)")
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertEquals(item("a"), e.item());
  }

  @Test
  void transactWrite_sameTokenOtherItems_idempotentParameterMismatch() {
    table("tbl", false);
    TransactWriteItem putA =
        TransactWriteItem.builder()
            .put(Put.builder().tableName("tbl").item(item("a")).build())
            .build();
    TransactWriteItem putB =
        TransactWriteItem.builder()
            .put(Put.builder().tableName("tbl").item(item("b")).build())
            .build();
    db.transactWriteItems(b -> b.transactItems(putA).clientRequestToken("token"));

    fails(
        IdempotentParameterMismatchException.class,
        "IdempotentParameterMismatchException",
        () -> db.transactWriteItems(b -> b.transactItems(putB).clientRequestToken("token")));
  }

  @Test
  void updateTable_fifthDecreaseInTheFirstHour_limitExceeded() {
    table("tbl", true);
    for (long rcu = 99; rcu >= 96; rcu--) {
      long units = rcu;
      db.updateTable(
          b ->
              b.tableName("tbl")
                  .provisionedThroughput(p -> p.readCapacityUnits(units).writeCapacityUnits(100L)));
    }

    fails(
        LimitExceededException.class,
        "LimitExceededException",
        () ->
            db.updateTable(
                b ->
                    b.tableName("tbl")
                        .provisionedThroughput(
                            p -> p.readCapacityUnits(50L).writeCapacityUnits(100L))));
  }

  @Test
  void streams_iteratorAfter15Minutes_expired_sequenceOlderThan24Hours_trimmed() {
    String arn = table("tbl", false);
    db.putItem(b -> b.tableName("tbl").item(item("a")));
    String iterator = SimulatedDynamoDbStreamsClientTest.trimHorizon(streams, arn);
    String sequence =
        streams
            .getRecords(b -> b.shardIterator(iterator))
            .records()
            .get(0)
            .dynamodb()
            .sequenceNumber();

    sim.advanceBy(Duration.ofMinutes(15));
    fails(
        ExpiredIteratorException.class,
        "ExpiredIteratorException",
        () -> streams.getRecords(b -> b.shardIterator(iterator)));
    sim.advanceBy(Duration.ofHours(24));
    fails(
        TrimmedDataAccessException.class,
        "TrimmedDataAccessException",
        () ->
            streams.getShardIterator(
                b ->
                    b.streamArn(arn)
                        .shardId(
                            streams
                                .describeStream(d -> d.streamArn(arn))
                                .streamDescription()
                                .shards()
                                .get(0)
                                .shardId())
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(sequence)));
  }
}
