package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.awssim.AwsSimulator;
import dev.awssim.dynamodb.ScanRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Seeded, bounded fuzzing of the SDK client's item operations: each call carries at most one fault
 * from a catalogue of the parameters' documented constraints (API_PutItem.html, API_Query.html,
 * API_BatchWriteItem.html, API_TransactWriteItems.html, ...). A call without a fault succeeds; a
 * call with one throws the SDK's {@link DynamoDbException} with the fault's AWS error code and
 * leaves every item as it was. Nothing else (no NullPointerException, no simulator exception) may
 * escape. A failure names the seed and the step that reproduce it.
 */
class DynamoDbClientFuzzTest {
  private static final int STEPS = 400;
  private static final String TABLE = "fuzz";
  private static final String VALIDATION = "ValidationException";

  /** One documented constraint broken, with the error code AWS answers. */
  private enum Fault {
    NONE(null),
    BAD_NUMBER(VALIDATION),
    TWO_TYPES(VALIDATION),
    EMPTY_VALUE(VALIDATION),
    NULL_FALSE(VALIDATION),
    EMPTY_SET(VALIDATION),
    DUPLICATE_SET(VALIDATION),
    MISSING_TABLE("ResourceNotFoundException"),
    NULL_TABLE(VALIDATION),
    KEY_WITHOUT_SORT(VALIDATION),
    KEY_WRONG_TYPE(VALIDATION),
    EMPTY_EXPRESSION_VALUES(VALIDATION),
    UNUSED_EXPRESSION_VALUE(VALIDATION),
    BAD_SYNTAX(VALIDATION),
    BAD_ENUM(VALIDATION),
    // Operation-specific faults; an operation that has no such parameter skips them.
    EMPTY_NAME(VALIDATION),
    LIMIT_ZERO(VALIDATION),
    FILTER_ON_KEY(VALIDATION),
    START_KEY_OTHER_PARTITION(VALIDATION),
    TOKEN_37(VALIDATION),
    PUT_AND_DELETE(VALIDATION),
    TOO_MANY(VALIDATION),
    DUPLICATE_KEYS(VALIDATION);

    final String code;

    Fault(String code) {
      this.code = code;
    }
  }

  private static final List<String> BAD_NUMBERS =
      List.of(
          "abc", "NaN", "Infinity", "1e126", "-1E+126", "1e-131", "1" + "0".repeat(38) + "1", "");

  private final AwsSimulator sim = AwsSimulator.withSeed(21);
  private final DynamoDbClient db = SimulatedAws.from(sim).dynamoDbClient();
  private SplittableRandom random;
  private Fault fault;
  private String step;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void itemOperations_oneFaultPerCall_succeedOrAwsErrorWithStateUnchanged(long seed) {
    random = new SplittableRandom(seed);
    db.createTable(
        b ->
            b.tableName(TABLE)
                .keySchema(
                    k -> k.attributeName("pk").keyType(KeyType.HASH),
                    k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .billingMode("PAY_PER_REQUEST"));
    List<Supplier<Object>> operations =
        List.of(
            this::putItem,
            this::getItem,
            this::updateItem,
            this::deleteItem,
            this::query,
            this::scan,
            this::batchWrite,
            this::batchGet,
            this::transactWrite,
            this::transactGet);
    Fault[] faults = Fault.values();
    for (int i = 0; i < STEPS; i++) {
      fault = random.nextInt(3) == 0 ? Fault.NONE : faults[random.nextInt(faults.length)];
      int op = random.nextInt(operations.size());
      step = "seed " + seed + " step " + i + " operation " + op + " fault " + fault;
      List<Map<String, dev.awssim.dynamodb.AttributeValue>> before = items();
      try {
        Object response = operations.get(op).get();
        assertTrue(response != null, step);
        // Read after the call: an operation without the fault's parameter ran fault-free.
        String expected = fault.code;
        if (expected != null) {
          fail(step + ": accepted, AWS answers " + expected);
        }
      } catch (DynamoDbException e) {
        String expected = fault.code;
        String code = e.awsErrorDetails().errorCode();
        assertEquals(400, e.statusCode(), step);
        if (expected == null) {
          assertTrue(
              code.equals("ConditionalCheckFailedException")
                  || code.equals("TransactionCanceledException"),
              step + ": a valid call failed with " + code + ": " + e.getMessage());
        } else {
          assertEquals(expected, code, step + ": " + e.getMessage());
        }
        assertEquals(before, items(), step + ": a rejected call changed the items");
      } catch (RuntimeException e) {
        throw new AssertionError(step + ": escaped as " + e, e);
      }
    }
  }

  private List<Map<String, dev.awssim.dynamodb.AttributeValue>> items() {
    return sim.dynamoDb().scan(ScanRequest.of(TABLE).withConsistentRead(true)).items();
  }

  // ------------------------------------------------------------------ building blocks

  private String pk() {
    return "p" + random.nextInt(3);
  }

  private String table() {
    return switch (fault) {
      case MISSING_TABLE -> "missing";
      case NULL_TABLE -> null;
      default -> TABLE;
    };
  }

  /** A value for a non-key attribute or a placeholder, broken by a value fault. */
  private AttributeValue value() {
    return switch (fault) {
      case BAD_NUMBER -> AttributeValue.fromN(BAD_NUMBERS.get(random.nextInt(BAD_NUMBERS.size())));
      case TWO_TYPES -> AttributeValue.builder().s("x").n("1").build();
      case EMPTY_VALUE -> AttributeValue.builder().build();
      case NULL_FALSE -> AttributeValue.builder().nul(false).build();
      case EMPTY_SET -> AttributeValue.builder().ss(List.of()).build();
      case DUPLICATE_SET -> AttributeValue.fromNs(List.of("1", "1.0"));
      default ->
          switch (random.nextInt(4)) {
            case 0 -> AttributeValue.fromS("v" + random.nextInt(5));
            case 1 -> AttributeValue.fromN(Integer.toString(random.nextInt(100)));
            case 2 -> AttributeValue.fromSs(List.of("a", "b"));
            default -> AttributeValue.fromL(List.of(AttributeValue.fromBool(true)));
          };
    };
  }

  private Map<String, AttributeValue> key() {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put("pk", AttributeValue.fromS(pk()));
    switch (fault) {
      case KEY_WITHOUT_SORT -> {}
      case KEY_WRONG_TYPE -> key.put("sk", AttributeValue.fromS("1"));
      case BAD_NUMBER -> key.put("sk", value());
      default -> key.put("sk", AttributeValue.fromN(Integer.toString(random.nextInt(5))));
    }
    return key;
  }

  private Map<String, AttributeValue> item() {
    Map<String, AttributeValue> item = key();
    item.put(fault == Fault.EMPTY_NAME ? "" : "x", value());
    return item;
  }

  /** ExpressionAttributeValues holding {@code used}, broken by an expression fault. */
  private Map<String, AttributeValue> values(Map<String, AttributeValue> used) {
    Map<String, AttributeValue> values = new LinkedHashMap<>(used);
    if (fault == Fault.EMPTY_EXPRESSION_VALUES) {
      values.clear();
    } else if (fault == Fault.UNUSED_EXPRESSION_VALUE) {
      values.put(":unused", AttributeValue.fromS("u"));
    }
    return values;
  }

  private String returnValues(String valid) {
    return fault == Fault.BAD_ENUM ? "BOGUS" : valid;
  }

  private String syntax(String valid, String broken) {
    return fault == Fault.BAD_SYNTAX ? broken : valid;
  }

  // ------------------------------------------------------------------ operations

  private Object putItem() {
    skipUnless(ITEM_WRITE_FAULTS, Fault.EMPTY_NAME);
    boolean conditional = random.nextBoolean() || fault == Fault.BAD_SYNTAX;
    boolean expressionFault =
        fault == Fault.EMPTY_EXPRESSION_VALUES || fault == Fault.UNUSED_EXPRESSION_VALUE;
    return db.putItem(
        b -> {
          b.tableName(table()).item(item()).returnValues(returnValues("ALL_OLD"));
          if (conditional || expressionFault) {
            b.conditionExpression(
                    syntax("attribute_not_exists(pk) OR x <> :c", "attribute_exists("))
                .expressionAttributeValues(values(Map.of(":c", AttributeValue.fromS("c"))));
          }
        });
  }

  private Object getItem() {
    skipUnless(KEY_FAULTS);
    return db.getItem(
        b -> b.tableName(table()).key(key()).returnConsumedCapacity(returnValues("TOTAL")));
  }

  private Object updateItem() {
    skipUnless(ITEM_WRITE_FAULTS);
    return db.updateItem(
        b ->
            b.tableName(table())
                .key(key())
                .updateExpression(syntax("SET x = :v", "SET x = = :v"))
                .expressionAttributeValues(values(Map.of(":v", value())))
                .returnValues(returnValues("UPDATED_NEW")));
  }

  private Object deleteItem() {
    skipUnless(KEY_FAULTS);
    return db.deleteItem(
        b -> b.tableName(table()).key(key()).returnValues(returnValues("ALL_OLD")));
  }

  private Object query() {
    skipUnless(
        Fault.MISSING_TABLE,
        Fault.NULL_TABLE,
        Fault.EMPTY_EXPRESSION_VALUES,
        Fault.UNUSED_EXPRESSION_VALUE,
        Fault.BAD_SYNTAX,
        Fault.BAD_ENUM,
        Fault.LIMIT_ZERO,
        Fault.FILTER_ON_KEY,
        Fault.START_KEY_OTHER_PARTITION,
        Fault.BAD_NUMBER,
        Fault.TWO_TYPES,
        Fault.EMPTY_VALUE,
        Fault.NULL_FALSE);
    String pk = pk();
    Map<String, AttributeValue> used = new LinkedHashMap<>();
    used.put(":p", AttributeValue.fromS(pk));
    String filter = null;
    if (fault == Fault.FILTER_ON_KEY) {
      filter = "sk > :z";
      used.put(":z", AttributeValue.fromN("0"));
    } else if (fault == Fault.BAD_NUMBER
        || fault == Fault.TWO_TYPES
        || fault == Fault.EMPTY_VALUE
        || fault == Fault.NULL_FALSE) {
      filter = "x = :v";
      used.put(":v", value());
    }
    String filterExpression = filter;
    Map<String, AttributeValue> start =
        fault == Fault.START_KEY_OTHER_PARTITION
            ? Map.of("pk", AttributeValue.fromS(pk + "-other"), "sk", AttributeValue.fromN("0"))
            : null;
    return db.query(
        b ->
            b.tableName(table())
                .keyConditionExpression(syntax("pk = :p", "pk == :p"))
                .filterExpression(filterExpression)
                .expressionAttributeValues(values(used))
                .exclusiveStartKey(start)
                .limit(fault == Fault.LIMIT_ZERO ? 0 : 1 + random.nextInt(4))
                .select(returnValues("ALL_ATTRIBUTES")));
  }

  private Object scan() {
    skipUnless(
        Fault.MISSING_TABLE,
        Fault.NULL_TABLE,
        Fault.EMPTY_EXPRESSION_VALUES,
        Fault.UNUSED_EXPRESSION_VALUE,
        Fault.BAD_SYNTAX,
        Fault.BAD_ENUM,
        Fault.LIMIT_ZERO,
        Fault.BAD_NUMBER,
        Fault.TWO_TYPES,
        Fault.EMPTY_VALUE,
        Fault.NULL_FALSE,
        Fault.EMPTY_SET,
        Fault.DUPLICATE_SET);
    return db.scan(
        b ->
            b.tableName(table())
                .filterExpression(syntax("x = :v", "x = :v AND"))
                .expressionAttributeValues(values(Map.of(":v", value())))
                .limit(fault == Fault.LIMIT_ZERO ? 0 : 1 + random.nextInt(4))
                .select(returnValues("ALL_ATTRIBUTES")));
  }

  private Object batchWrite() {
    skipUnless(
        Fault.MISSING_TABLE,
        Fault.BAD_NUMBER,
        Fault.TWO_TYPES,
        Fault.EMPTY_VALUE,
        Fault.NULL_FALSE,
        Fault.EMPTY_SET,
        Fault.DUPLICATE_SET,
        Fault.KEY_WITHOUT_SORT,
        Fault.KEY_WRONG_TYPE,
        Fault.EMPTY_NAME,
        Fault.PUT_AND_DELETE,
        Fault.TOO_MANY,
        Fault.DUPLICATE_KEYS,
        Fault.BAD_ENUM);
    List<WriteRequest> requests = new ArrayList<>();
    int count = fault == Fault.TOO_MANY ? 26 : 1 + random.nextInt(3);
    Fault broken = fault;
    for (int i = 0; i < count; i++) {
      // Only the first request carries the fault; the others are distinct, valid items.
      fault = i == 0 ? broken : Fault.NONE;
      Map<String, AttributeValue> key =
          i == 0
              ? key()
              : Map.of("pk", AttributeValue.fromS("w" + i), "sk", AttributeValue.fromN("0"));
      Map<String, AttributeValue> item = new LinkedHashMap<>(key);
      fault = i == 0 ? broken : Fault.NONE;
      item.put(fault == Fault.EMPTY_NAME ? "" : "x", value());
      WriteRequest.Builder w = WriteRequest.builder();
      if (i == 0 && broken == Fault.PUT_AND_DELETE) {
        w.putRequest(PutRequest.builder().item(item).build())
            .deleteRequest(DeleteRequest.builder().key(key).build());
      } else if (i > 0 || itemFault(broken) || random.nextBoolean()) {
        w.putRequest(PutRequest.builder().item(item).build());
      } else {
        w.deleteRequest(DeleteRequest.builder().key(key).build());
      }
      requests.add(w.build());
    }
    fault = broken;
    if (fault == Fault.DUPLICATE_KEYS) {
      requests.add(requests.get(0));
    }
    String table = fault == Fault.MISSING_TABLE ? "missing" : TABLE;
    return db.batchWriteItem(
        b -> b.requestItems(Map.of(table, requests)).returnConsumedCapacity(returnValues("TOTAL")));
  }

  private Object batchGet() {
    skipUnless(
        Fault.MISSING_TABLE,
        Fault.BAD_NUMBER,
        Fault.KEY_WITHOUT_SORT,
        Fault.KEY_WRONG_TYPE,
        Fault.TOO_MANY,
        Fault.DUPLICATE_KEYS,
        Fault.BAD_ENUM);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    keys.add(key());
    int more = fault == Fault.TOO_MANY ? 100 : random.nextInt(3);
    for (int i = 0; i < more; i++) {
      keys.add(Map.of("pk", AttributeValue.fromS("g" + i), "sk", AttributeValue.fromN("0")));
    }
    if (fault == Fault.DUPLICATE_KEYS) {
      keys.add(keys.get(0));
    }
    String table = fault == Fault.MISSING_TABLE ? "missing" : TABLE;
    return db.batchGetItem(
        b ->
            b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(keys).build()))
                .returnConsumedCapacity(returnValues("TOTAL")));
  }

  private Object transactWrite() {
    skipUnless(
        Fault.MISSING_TABLE,
        Fault.NULL_TABLE,
        Fault.BAD_NUMBER,
        Fault.TWO_TYPES,
        Fault.EMPTY_VALUE,
        Fault.NULL_FALSE,
        Fault.EMPTY_SET,
        Fault.DUPLICATE_SET,
        Fault.KEY_WITHOUT_SORT,
        Fault.KEY_WRONG_TYPE,
        Fault.EMPTY_NAME,
        Fault.TOKEN_37,
        Fault.BAD_ENUM);
    Put put = Put.builder().tableName(table()).item(item()).build();
    return db.transactWriteItems(
        b ->
            b.transactItems(TransactWriteItem.builder().put(put).build())
                .clientRequestToken(fault == Fault.TOKEN_37 ? "t".repeat(37) : null)
                .returnConsumedCapacity(returnValues("TOTAL")));
  }

  private Object transactGet() {
    skipUnless(KEY_FAULTS);
    Get get = Get.builder().tableName(table()).key(key()).build();
    return db.transactGetItems(
        b ->
            b.transactItems(TransactGetItem.builder().get(get).build())
                .returnConsumedCapacity(returnValues("TOTAL")));
  }

  /** Whether {@code f} breaks an item's non-key attribute, which only a put carries. */
  private static boolean itemFault(Fault f) {
    return switch (f) {
      case TWO_TYPES, EMPTY_VALUE, NULL_FALSE, EMPTY_SET, DUPLICATE_SET, EMPTY_NAME -> true;
      default -> false;
    };
  }

  /** Calls without one of these faults run fault-free: the operation has no such parameter. */
  private void skipUnless(Fault... applicable) {
    skipUnless(EnumSet.noneOf(Fault.class), applicable);
  }

  private void skipUnless(Set<Fault> applicable, Fault... more) {
    if (!applicable.contains(fault) && !List.of(more).contains(fault)) {
      fault = Fault.NONE;
    }
  }

  /** Faults of an operation on one key. */
  private static final Set<Fault> KEY_FAULTS =
      EnumSet.of(
          Fault.BAD_NUMBER,
          Fault.KEY_WITHOUT_SORT,
          Fault.KEY_WRONG_TYPE,
          Fault.MISSING_TABLE,
          Fault.NULL_TABLE,
          Fault.BAD_ENUM);

  /** Faults of PutItem and UpdateItem: key, values and expressions. */
  private static final Set<Fault> ITEM_WRITE_FAULTS =
      EnumSet.of(
          Fault.TWO_TYPES,
          Fault.EMPTY_VALUE,
          Fault.NULL_FALSE,
          Fault.EMPTY_SET,
          Fault.DUPLICATE_SET,
          Fault.EMPTY_EXPRESSION_VALUES,
          Fault.UNUSED_EXPRESSION_VALUE,
          Fault.BAD_SYNTAX);

  static {
    ITEM_WRITE_FAULTS.addAll(KEY_FAULTS);
  }
}
