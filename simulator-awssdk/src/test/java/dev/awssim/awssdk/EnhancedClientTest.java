package dev.awssim.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awssim.AwsSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The DynamoDB Enhanced Client over the simulated {@code DynamoDbClient}. */
class EnhancedClientTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(9);
  private final DynamoDbEnhancedClient enhanced = SimulatedAws.from(sim).dynamoDbEnhancedClient();
  private final DynamoDbTable<Customer> customers =
      enhanced.table("customers", TableSchema.fromBean(Customer.class));

  @BeforeEach
  void createTable() {
    customers.createTable(
        b ->
            b.globalSecondaryIndices(
                EnhancedGlobalSecondaryIndex.builder()
                    .indexName("byCity")
                    .projection(p -> p.projectionType(ProjectionType.ALL))
                    .build()));
    customers.putItem(new Customer("c1", "Ada", "London", 3));
    customers.putItem(new Customer("c2", "Grace", "Arlington", 5));
    customers.putItem(new Customer("c3", "Alan", "London", 1));
    customers.putItem(new Customer("c4", "Edsger", "Austin", 2));
    customers.putItem(new Customer("c5", "Barbara", "London", 4));
  }

  @Test
  void beanRoundTrip_putGetUpdateDelete() {
    Customer ada = customers.getItem(Key.builder().partitionValue("c1").build());
    assertEquals("Ada", ada.getName());
    assertEquals(3, ada.getOrders());

    ada.setOrders(4);
    Customer updated = customers.updateItem(ada);
    assertEquals(4, updated.getOrders());
    assertEquals(4, customers.getItem(Key.builder().partitionValue("c1").build()).getOrders());

    customers.deleteItem(Key.builder().partitionValue("c1").build());
    assertNull(customers.getItem(Key.builder().partitionValue("c1").build()));
  }

  @Test
  void queryByIndex_city_returnsItsCustomersSortedByName() {
    DynamoDbIndex<Customer> byCity = customers.index("byCity");
    List<String> names =
        byCity.query(QueryConditional.keyEqualTo(k -> k.partitionValue("London"))).stream()
            .flatMap(p -> p.items().stream())
            .map(Customer::getName)
            .collect(Collectors.toList());
    assertEquals(List.of("Ada", "Alan", "Barbara"), names);
  }

  @Test
  void transactWrite_conditionFails_canceledAndNothingWritten() {
    Expression exists = Expression.builder().expression("attribute_exists(id)").build();
    TransactionCanceledException e =
        assertThrows(
            TransactionCanceledException.class,
            () ->
                enhanced.transactWriteItems(
                    b ->
                        b.addPutItem(customers, new Customer("c6", "Niklaus", "Zurich", 0))
                            .addConditionCheck(
                                customers,
                                c ->
                                    c.key(k -> k.partitionValue("missing"))
                                        .conditionExpression(exists))));
    assertEquals(
        List.of("None", "ConditionalCheckFailed"),
        e.cancellationReasons().stream().map(CancellationReason::code).toList());
    assertNull(customers.getItem(Key.builder().partitionValue("c6").build()));
  }

  @Test
  void scan_limit2_paginatesOverEveryItem() {
    List<Integer> sizes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Page<Customer> page : customers.scan(b -> b.limit(2))) {
      sizes.add(page.items().size());
      page.items().forEach(c -> ids.add(c.getId()));
    }
    assertEquals(5, ids.size());
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5"), ids.stream().sorted().toList());
    assertTrue(sizes.size() >= 3, "pages " + sizes);
    sizes.forEach(s -> assertTrue(s <= 2, "page of " + s));
  }
}
