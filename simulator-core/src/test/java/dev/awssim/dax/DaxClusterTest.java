package dev.awssim.dax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.AwsSimulator;
import dev.awssim.engine.metrics.Dimensions;
import dev.awssim.engine.metrics.MetricKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The item and query caches of a DAX cluster, over a stand-in table (a map and a read counter). */
class DaxClusterTest {
  private final AwsSimulator sim = AwsSimulator.withSeed(1);
  private final Map<String, String> table = new HashMap<>();
  private int tableReads;

  private String read(String key) {
    tableReads++;
    return table.get(key);
  }

  private String get(DaxCluster dax, String key) {
    return dax.getItem("GetItem", "T", key, false, () -> read(key));
  }

  private DaxCluster cluster(DaxClusterConfig config) {
    return sim.dax().createCluster("c1", config);
  }

  private double metric(String name) {
    return sim.metrics()
        .total(new MetricKey(DaxCluster.NAMESPACE, name, Dimensions.of("ClusterId", "c1")));
  }

  @Test
  void getItem_afterWriteThatBypassedDax_staleUntilExactlyTheItemTtl() {
    DaxCluster dax = cluster(DaxClusterConfig.defaults());
    table.put("k", "v1");
    assertEquals("v1", get(dax, "k"));
    table.put("k", "v2"); // written straight to DynamoDB
    sim.advanceBy(Duration.ofMinutes(5).minusNanos(1));
    assertEquals("v1", get(dax, "k"), "stale just before the 5-minute TTL");
    assertEquals(1, tableReads);
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals("v2", get(dax, "k"), "at the TTL the entry is gone: a miss reads the table");
    assertEquals(2, tableReads);
    assertEquals(2.0, metric("ItemCacheMisses"));
    assertEquals(1.0, metric("ItemCacheHits"));
  }

  @Test
  void getItem_stronglyConsistent_passesThroughAndIsNeverCached() {
    DaxCluster dax = cluster(DaxClusterConfig.defaults());
    table.put("k", "v1");
    for (int i = 0; i < 3; i++) {
      assertEquals("v1", dax.getItem("GetItem", "T", "k", true, () -> read("k")));
    }
    assertEquals(3, tableReads);
    assertEquals(0, dax.itemCacheSize());
    get(dax, "k");
    assertEquals(4, tableReads, "the first eventually consistent read is still a miss");
    assertEquals(0.0, metric("ItemCacheHits"));
  }

  @Test
  void getItem_missingItem_negativeEntryUntilWriteThroughOrTtl() {
    DaxCluster dax = cluster(DaxClusterConfig.defaults());
    assertNull(get(dax, "k"));
    table.put("k", "v1"); // bypassing DAX
    assertNull(get(dax, "k"), "the empty result is cached");
    assertEquals(1, tableReads);
    dax.write(
        "PutItem", () -> table.put("k", "v2"), r -> List.of(ItemUpdate.written("T", "k", "v2")));
    assertEquals("v2", get(dax, "k"));
    assertEquals(1, tableReads);
  }

  @Test
  void write_throughDax_replacesAnyEntryAndRestartsItsTtl() {
    DaxCluster dax = cluster(DaxClusterConfig.defaults());
    table.put("k", "v1");
    get(dax, "k");
    sim.advanceBy(Duration.ofMinutes(4));
    dax.write(
        "PutItem", () -> table.put("k", "v2"), r -> List.of(ItemUpdate.written("T", "k", "v2")));
    sim.advanceBy(Duration.ofMinutes(5).minusNanos(1));
    assertEquals("v2", get(dax, "k"));
    assertEquals(1, tableReads);
    dax.write("DeleteItem", () -> table.remove("k"), r -> List.of(ItemUpdate.deleted("T", "k")));
    assertNull(get(dax, "k"));
    assertEquals(1, tableReads);
  }

  @Test
  void write_failing_cachesNothing() {
    DaxCluster dax = cluster(DaxClusterConfig.defaults());
    table.put("k", "v1");
    get(dax, "k");
    assertThrows(
        IllegalStateException.class,
        () ->
            dax.write(
                "PutItem",
                () -> {
                  throw new IllegalStateException("throttled");
                },
                r -> List.of(ItemUpdate.written("T", "k", "v2"))));
    assertEquals("v1", get(dax, "k"));
    assertEquals(1.0, metric("ErrorRequestCount"));
  }

  @Test
  void query_keyedByExactRequest_notInvalidatedByWrites_untilQueryTtl() {
    DaxCluster dax = cluster(DaxClusterConfig.defaults().withQueryTtl(Duration.ofSeconds(30)));
    table.put("k", "v1");
    assertEquals("v1", dax.query("Query", "q(k)", false, () -> read("k")));
    dax.write(
        "PutItem", () -> table.put("k", "v2"), r -> List.of(ItemUpdate.written("T", "k", "v2")));
    assertEquals(
        "v1", dax.query("Query", "q(k)", false, () -> read("k")), "writes do not touch it");
    assertEquals("v2", dax.query("Query", "q(k) limit 1", false, () -> read("k")), "another key");
    assertEquals("v2", get(dax, "k"), "the write went to the item cache");
    sim.advanceBy(Duration.ofSeconds(30).minusNanos(1));
    assertEquals("v1", dax.query("Query", "q(k)", false, () -> read("k")));
    sim.advanceBy(Duration.ofNanos(1));
    assertEquals("v2", dax.query("Query", "q(k)", false, () -> read("k")));
    assertEquals(3.0, metric("QueryCacheMisses"));
    assertEquals(2.0, metric("QueryCacheHits"));
  }

  @Test
  void ttlZero_itemsStayUntilEvicted_queriesAreNotCached() {
    DaxCluster dax =
        cluster(DaxClusterConfig.defaults().withItemTtl(Duration.ZERO).withQueryTtl(Duration.ZERO));
    table.put("k", "v1");
    get(dax, "k");
    table.put("k", "v2");
    sim.advanceBy(Duration.ofDays(30));
    assertEquals("v1", get(dax, "k"));
    dax.query("Scan", "scan", false, () -> read("k"));
    dax.query("Scan", "scan", false, () -> read("k"));
    assertEquals(3, tableReads);
    assertEquals(0, dax.queryCacheSize());
    assertEquals(2.0, metric("ScanCacheMisses"));
  }

  @Test
  void itemCache_full_evictsLeastRecentlyUsedBeforeItsTtl() {
    DaxCluster dax = cluster(DaxClusterConfig.defaults().withMaxEntries(2, 2));
    table.put("a", "1");
    table.put("b", "2");
    table.put("c", "3");
    get(dax, "a");
    get(dax, "b");
    get(dax, "a"); // b is now least recently used
    get(dax, "c"); // evicts b
    assertEquals(3, tableReads);
    get(dax, "a");
    assertEquals(3, tableReads);
    get(dax, "b");
    assertEquals(4, tableReads);
    assertEquals(2, dax.itemCacheEvictions());
  }

  @Test
  void nodes_readsSpreadOverNodes_writesOnPrimary_throttledPerSecond() {
    DaxCluster dax = cluster(DaxClusterConfig.defaults().withNodes(3, 2));
    table.put("k", "v");
    for (int i = 0; i < 6; i++) {
      get(dax, "k");
    }
    DaxException e = assertThrows(DaxException.class, () -> get(dax, "k"));
    assertEquals("ThrottlingException", e.errorCode());
    assertEquals(400, e.statusCode());
    sim.advanceBy(Duration.ofSeconds(1));
    dax.write("PutItem", () -> "ok", r -> List.of());
    dax.write("PutItem", () -> "ok", r -> List.of());
    assertThrows(DaxException.class, () -> dax.write("PutItem", () -> "ok", r -> List.of()));
    assertEquals(2.0, metric("ThrottledRequestCount"));
  }

  @Test
  void createCluster_badNameOrDuplicate_daxErrors() {
    cluster(DaxClusterConfig.defaults());
    assertEquals(
        "ClusterAlreadyExistsFault",
        assertThrows(DaxException.class, () -> cluster(DaxClusterConfig.defaults())).errorCode());
    for (String bad : new String[] {"1abc", "a--b", "ab-", "a".repeat(21), ""}) {
      assertEquals(
          "InvalidParameterValueException",
          assertThrows(
                  DaxException.class,
                  () -> sim.dax().createCluster(bad, DaxClusterConfig.defaults()))
              .errorCode());
    }
    sim.dax().createCluster("a".repeat(20), DaxClusterConfig.defaults());
    assertEquals(List.of("c1", "a".repeat(20)), sim.dax().listClusters());
  }
}
