package dev.awssim.lambda.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awssim.AwsSimulator;
import dev.awssim.lambda.Lambda;
import dev.awssim.sqs.Sqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Aliases, listings with Marker/MaxItems, function configuration and account settings through the
 * SDK's LambdaClient: https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_ListVersionsByFunction.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_ListEventSourceMappings.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html,
 * https://docs.aws.amazon.com/lambda/latest/api/API_AccountLimit.html
 */
class SimulatedLambdaClientListingTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(21);
  private final Lambda lambda = Lambda.create(sim);
  private final SimulatedLambdaClient client = SimulatedLambdaClient.create(lambda);

  private void function(String name) {
    RequestHandler<String, String> echo = (json, context) -> json;
    client.registerHandler(name, echo);
    client.createFunction(b -> b.functionName(name).timeout(10));
  }

  private void functionWithVersions(String name, int versions) {
    function(name);
    for (int i = 0; i < versions; i++) {
      // PublishVersion publishes only after a change: each version gets its own description.
      String description = "v" + (i + 1);
      client.updateFunctionConfiguration(b -> b.functionName(name).description(description));
      client.publishVersion(b -> b.functionName(name));
    }
  }

  // ---------------------------------------------------------------- aliases

  @Test
  void createAlias_withRouting_getAliasReturnsVersionAndWeights() {
    functionWithVersions("f", 2);

    CreateAliasResponse created =
        client.createAlias(
            b ->
                b.functionName("f")
                    .name("live")
                    .functionVersion("1")
                    .description("production")
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.25))));

    assertEquals(
        created.aliasArn(),
        client.getFunction(b -> b.functionName("f")).configuration().functionArn() + ":live");
    var got = client.getAlias(b -> b.functionName("f").name("live"));
    assertEquals("1", got.functionVersion());
    assertEquals("production", got.description());
    assertEquals(Map.of("2", 0.25), got.routingConfig().additionalVersionWeights());
  }

  @Test
  void createAlias_nameTaken_throwsResourceConflict409_andKeepsTheAlias() {
    functionWithVersions("f", 2);
    client.createAlias(b -> b.functionName("f").name("live").functionVersion("1"));

    ResourceConflictException e =
        assertThrows(
            ResourceConflictException.class,
            () -> client.createAlias(b -> b.functionName("f").name("live").functionVersion("2")));

    assertEquals(409, e.statusCode());
    assertEquals("1", client.getAlias(b -> b.functionName("f").name("live")).functionVersion());
  }

  @Test
  void createAlias_unknownVersionOrFunction_throwsResourceNotFound404() {
    functionWithVersions("f", 1);

    assertEquals(
        404,
        assertThrows(
                ResourceNotFoundException.class,
                () -> client.createAlias(b -> b.functionName("f").name("a").functionVersion("2")))
            .statusCode());
    assertThrows(
        ResourceNotFoundException.class,
        () -> client.createAlias(b -> b.functionName("g").name("a").functionVersion("1")));
    assertThrows(
        ResourceNotFoundException.class, () -> client.getAlias(b -> b.functionName("f").name("a")));
  }

  @Test
  void updateAlias_weightAboveOne_throwsInvalidParameterValue400_andAliasUnchanged() {
    // AdditionalVersionWeights: 0.0-1.0
    // (https://docs.aws.amazon.com/lambda/latest/api/API_AliasRoutingConfiguration.html)
    functionWithVersions("f", 3);
    client.createAlias(b -> b.functionName("f").name("live").functionVersion("1"));

    InvalidParameterValueException e =
        assertThrows(
            InvalidParameterValueException.class,
            () ->
                client.updateAlias(
                    b ->
                        b.functionName("f")
                            .name("live")
                            .functionVersion("3")
                            .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 1.01)))));

    assertEquals(400, e.statusCode());
    var unchanged = client.getAlias(b -> b.functionName("f").name("live"));
    assertEquals("1", unchanged.functionVersion());
    assertEquals(
        Map.of(),
        unchanged.routingConfig() == null
            ? Map.of()
            : unchanged.routingConfig().additionalVersionWeights());

    var updated =
        client.updateAlias(
            b ->
                b.functionName("f")
                    .name("live")
                    .functionVersion("3")
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 1.0))));
    assertEquals("3", updated.functionVersion());
    assertEquals(Map.of("2", 1.0), updated.routingConfig().additionalVersionWeights());
  }

  @Test
  void deleteAlias_thenGetAlias_throwsResourceNotFound() {
    functionWithVersions("f", 1);
    client.createAlias(b -> b.functionName("f").name("live").functionVersion("1"));

    client.deleteAlias(b -> b.functionName("f").name("live"));

    assertThrows(
        ResourceNotFoundException.class,
        () -> client.getAlias(b -> b.functionName("f").name("live")));
  }

  @Test
  void listAliases_maxItems2_pagesByNameWithMarker_andFiltersByFunctionVersion() {
    functionWithVersions("f", 2);
    for (String name : List.of("e", "d", "c", "b", "a")) {
      String version = name.equals("c") ? "2" : "1";
      client.createAlias(b -> b.functionName("f").name(name).functionVersion(version));
    }

    ListAliasesResponse first = client.listAliases(b -> b.functionName("f").maxItems(2));
    ListAliasesResponse second =
        client.listAliases(b -> b.functionName("f").maxItems(2).marker(first.nextMarker()));
    ListAliasesResponse third =
        client.listAliases(b -> b.functionName("f").maxItems(2).marker(second.nextMarker()));

    assertEquals(List.of("a", "b"), names(first.aliases()));
    assertEquals(List.of("c", "d"), names(second.aliases()));
    assertEquals(List.of("e"), names(third.aliases()));
    assertNull(third.nextMarker());
    assertEquals(
        List.of("c"),
        names(client.listAliases(b -> b.functionName("f").functionVersion("2")).aliases()));
  }

  @Test
  void listAliasesPaginator_walksEveryPage_eachAliasOnce() {
    functionWithVersions("f", 1);
    for (int i = 0; i < 7; i++) {
      String name = "alias" + i;
      client.createAlias(b -> b.functionName("f").name(name).functionVersion("1"));
    }

    List<String> seen = new ArrayList<>();
    client
        .listAliasesPaginator(b -> b.functionName("f").maxItems(3))
        .aliases()
        .forEach(a -> seen.add(a.name()));

    assertEquals(
        List.of("alias0", "alias1", "alias2", "alias3", "alias4", "alias5", "alias6"), seen);
  }

  private static List<String> names(List<AliasConfiguration> aliases) {
    return aliases.stream().map(AliasConfiguration::name).toList();
  }

  // ---------------------------------------------------------------- functions and versions

  @Test
  void listFunctions_without_maxItems_returns50PerResponse_andTheLastPageHasNoMarker() {
    for (int i = 0; i < 120; i++) {
      function(String.format(java.util.Locale.ROOT, "fn%03d", i));
    }

    ListFunctionsResponse first = client.listFunctions(b -> b.maxItems(10_000));
    ListFunctionsResponse second = client.listFunctions(b -> b.marker(first.nextMarker()));
    ListFunctionsResponse third = client.listFunctions(b -> b.marker(second.nextMarker()));

    assertEquals(50, first.functions().size());
    assertEquals("fn000", first.functions().get(0).functionName());
    assertEquals("fn050", second.functions().get(0).functionName());
    assertEquals(20, third.functions().size());
    assertNotNull(second.nextMarker());
    assertNull(third.nextMarker());
    assertEquals(7, client.listFunctions(b -> b.maxItems(7)).functions().size());
  }

  @Test
  void listFunctionsPaginator_visitsEveryFunctionOnce_evenWhenOneIsDeletedBetweenPages() {
    for (int i = 0; i < 120; i++) {
      function(String.format(java.util.Locale.ROOT, "fn%03d", i));
    }
    Set<String> seen = new TreeSet<>();
    List<String> order = new ArrayList<>();

    for (ListFunctionsResponse page : client.listFunctionsPaginator(b -> b.maxItems(40))) {
      page.functions().forEach(f -> order.add(f.functionName()));
      if (order.size() == 40) {
        client.deleteFunction(b -> b.functionName("fn039")); // the page's last one
      }
    }
    seen.addAll(order);

    assertEquals(120, order.size());
    assertEquals(120, seen.size());
  }

  @Test
  void listFunctions_maxItemsOutside1To10000_throwsValidationException400() {
    function("f");

    LambdaException above =
        assertThrows(LambdaException.class, () -> client.listFunctions(b -> b.maxItems(10_001)));
    LambdaException zero =
        assertThrows(LambdaException.class, () -> client.listFunctions(b -> b.maxItems(0)));

    assertEquals(400, above.statusCode());
    assertEquals("ValidationException", above.awsErrorDetails().errorCode());
    assertEquals("ValidationException", zero.awsErrorDetails().errorCode());
    assertEquals(1, client.listFunctions(b -> b.maxItems(1)).functions().size());
  }

  @Test
  void listFunctions_markerNotHandedOut_throwsInvalidParameterValue() {
    assertThrows(
        InvalidParameterValueException.class, () -> client.listFunctions(b -> b.marker("%%%")));
  }

  @Test
  void listFunctions_functionVersionAll_listsEveryVersion() {
    functionWithVersions("f", 2);
    function("g");

    List<String> arns =
        client.listFunctions(b -> b.functionVersion("ALL")).functions().stream()
            .map(f -> f.functionName() + ":" + f.version())
            .toList();

    assertEquals(List.of("f:$LATEST", "f:1", "f:2", "g:$LATEST"), arns);
  }

  @Test
  void listVersionsByFunction_maxItems2_pagesLatestThenVersionsByNumber() {
    functionWithVersions("f", 11);

    ListVersionsByFunctionResponse first =
        client.listVersionsByFunction(b -> b.functionName("f").maxItems(2));
    List<String> rest = new ArrayList<>();
    client
        .listVersionsByFunctionPaginator(b -> b.functionName("f").marker(first.nextMarker()))
        .versions()
        .forEach(v -> rest.add(v.version()));

    assertEquals(
        List.of("$LATEST", "1"),
        first.versions().stream().map(FunctionConfiguration::version).toList());
    assertEquals(List.of("2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), rest);
  }

  @Test
  void updateFunctionConfiguration_timeout900Accepted_901Refused_andNothingChanges() {
    // Timeout 1-900 s, MemorySize 128-10,240 MB
    function("f");

    assertEquals(
        900, client.updateFunctionConfiguration(b -> b.functionName("f").timeout(900)).timeout());
    InvalidParameterValueException e =
        assertThrows(
            InvalidParameterValueException.class,
            () ->
                client.updateFunctionConfiguration(
                    b -> b.functionName("f").timeout(901).memorySize(256)));
    assertEquals(400, e.statusCode());
    assertThrows(
        InvalidParameterValueException.class,
        () -> client.updateFunctionConfiguration(b -> b.functionName("f").timeout(0)));
    assertThrows(
        InvalidParameterValueException.class,
        () -> client.updateFunctionConfiguration(b -> b.functionName("f").memorySize(127)));
    assertThrows(
        InvalidParameterValueException.class,
        () -> client.updateFunctionConfiguration(b -> b.functionName("f").memorySize(10_241)));

    var now = client.getFunctionConfiguration(b -> b.functionName("f"));
    assertEquals(900, now.timeout());
    assertEquals(128, now.memorySize());
    assertEquals(
        10_240,
        client
            .updateFunctionConfiguration(b -> b.functionName("f").memorySize(10_240).timeout(1))
            .memorySize());
  }

  @Test
  void updateFunctionConfiguration_publishedVersionKeepsItsTimeout_whenInvoked() {
    RequestHandler<String, String> slow =
        (json, context) -> {
          ((dev.awssim.lambda.LambdaContext) context).setDuration(Duration.ofSeconds(5));
          return "done";
        };
    client.registerHandler("slow", slow);
    client.createFunction(b -> b.functionName("slow").timeout(10));
    client.publishVersion(b -> b.functionName("slow"));

    client.updateFunctionConfiguration(b -> b.functionName("slow").timeout(5).description("v2"));

    assertEquals(
        "Unhandled",
        client
            .invoke(b -> b.functionName("slow").payload(SdkBytes.fromUtf8String("1")))
            .functionError());
    assertNull(
        client
            .invoke(
                b -> b.functionName("slow").qualifier("1").payload(SdkBytes.fromUtf8String("1")))
            .functionError());
    var v1 = client.getFunctionConfiguration(b -> b.functionName("slow").qualifier("1"));
    assertEquals(10, v1.timeout());
    assertEquals("", v1.description());
    assertEquals("v2", client.getFunctionConfiguration(b -> b.functionName("slow")).description());
  }

  @Test
  void getFunctionConfiguration_unknownFunction_throwsResourceNotFound404() {
    assertEquals(
        404,
        assertThrows(
                ResourceNotFoundException.class,
                () -> client.getFunctionConfiguration(b -> b.functionName("nope")))
            .statusCode());
  }

  // ---------------------------------------------------------------- concurrency and account

  @Test
  void getFunctionConcurrency_withoutReservation_isEmpty_thenReportsIt() {
    function("f");

    assertNull(
        client.getFunctionConcurrency(b -> b.functionName("f")).reservedConcurrentExecutions());
    client.putFunctionConcurrency(b -> b.functionName("f").reservedConcurrentExecutions(50));
    assertEquals(
        50, client.getFunctionConcurrency(b -> b.functionName("f")).reservedConcurrentExecutions());
  }

  @Test
  void getAccountSettings_concurrency1000_unreservedIsWhatReservationsLeave() {
    // ConcurrentExecutions 1,000 per account and Region
    // (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)
    function("f");
    function("g");

    GetAccountSettingsResponse before = client.getAccountSettings(b -> {});
    client.putFunctionConcurrency(b -> b.functionName("f").reservedConcurrentExecutions(900));
    GetAccountSettingsResponse after = client.getAccountSettings(b -> {});

    assertEquals(1_000, before.accountLimit().concurrentExecutions());
    assertEquals(1_000, before.accountLimit().unreservedConcurrentExecutions());
    assertEquals(100, after.accountLimit().unreservedConcurrentExecutions());
    assertEquals(2L, after.accountUsage().functionCount());
  }

  // ---------------------------------------------------------------- event source mappings

  @Test
  void listEventSourceMappings_maxItems2_pagesWithMarker_andFiltersBySource() {
    function("worker");
    Sqs sqs = sim.sqs();
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String url = sqs.createQueue("q" + i, Map.of());
      arns.add(sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn"));
    }
    for (String arn : arns) {
      client.createEventSourceMapping(b -> b.functionName("worker").eventSourceArn(arn));
    }

    ListEventSourceMappingsResponse first =
        client.listEventSourceMappings(b -> b.functionName("worker").maxItems(2));
    ListEventSourceMappingsResponse second =
        client.listEventSourceMappings(
            b -> b.functionName("worker").maxItems(2).marker(first.nextMarker()));

    assertEquals(2, first.eventSourceMappings().size());
    assertEquals(1, second.eventSourceMappings().size());
    assertNull(second.nextMarker());
    Set<String> uuids = new TreeSet<>();
    first.eventSourceMappings().forEach(m -> uuids.add(m.uuid()));
    second.eventSourceMappings().forEach(m -> uuids.add(m.uuid()));
    assertEquals(3, uuids.size());
    List<EventSourceMappingConfiguration> one =
        client.listEventSourceMappings(b -> b.eventSourceArn(arns.get(1))).eventSourceMappings();
    assertEquals(1, one.size());
    assertEquals(arns.get(1), one.get(0).eventSourceArn());
    assertThrows(
        LambdaException.class, () -> client.listEventSourceMappings(b -> b.maxItems(10_001)));
  }

  @Test
  void listEventSourceMappings_101Mappings_returns100PerResponse() {
    function("worker");
    Sqs sqs = sim.sqs();
    for (int i = 0; i < 101; i++) {
      String url = sqs.createQueue("q" + i, Map.of());
      String arn = sqs.getQueueAttributes(url, List.of("QueueArn")).get("QueueArn");
      client.createEventSourceMapping(b -> b.functionName("worker").eventSourceArn(arn));
    }

    ListEventSourceMappingsResponse first = client.listEventSourceMappings(b -> b.maxItems(500));
    ListEventSourceMappingsResponse second =
        client.listEventSourceMappings(b -> b.marker(first.nextMarker()));

    assertEquals(100, first.eventSourceMappings().size());
    assertEquals(1, second.eventSourceMappings().size());
    assertNull(second.nextMarker());
  }
}
