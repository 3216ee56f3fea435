package dev.awssim.dax;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.awssim.internal.SimulationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DynamoDB Accelerator (DAX) in a simulation: named clusters, each a {@link DaxCluster} with its
 * own caches. A cluster serves any table of the account, as a DAX cluster does; the SDK adapter
 * ({@code SimulatedAws.daxClient(cluster)}) puts it behind a {@code DynamoDbClient}.
 *
 * <pre>{@code
 * DaxCluster cache = sim.dax().createCluster("orders-cache", DaxClusterConfig.defaults());
 * }</pre>
 */
public final class Dax {
  /**
   * A cluster name: 1 to 20 letters, digits or hyphens, starting with a letter, not ending with a
   * hyphen, without two hyphens in a row ({@code
   * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_dax_CreateCluster.html}).
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z](?!.*--)[A-Za-z0-9-]{0,19}");

  private final SimulationContext context;
  private final Map<String, DaxCluster> clusters = new LinkedHashMap<>();

  /**
   * DAX in {@code context}'s simulation.
   *
   * @throws NullPointerException if {@code context} is null
   */
  public Dax(SimulationContext context) {
    this.context = checkNotNull(context, "context");
  }

  /**
   * Creates a cluster.
   *
   * @throws DaxException {@code InvalidParameterValueException} for a bad name or null config,
   *     {@code ClusterAlreadyExistsFault} if the name is taken
   */
  public DaxCluster createCluster(String clusterName, DaxClusterConfig config) {
    synchronized (context.lock()) {
      if (clusterName == null
          || !NAME.matcher(clusterName).matches()
          || clusterName.endsWith("-")) {
        throw DaxException.invalidParameter(
            "Cluster name must be 1 to 20 letters, digits or hyphens, start with a letter, and"
                + " neither end with a hyphen nor contain two in a row: "
                + clusterName);
      }
      if (config == null) {
        throw DaxException.invalidParameter("The cluster's configuration is required.");
      }
      if (clusters.containsKey(clusterName)) {
        throw DaxException.clusterAlreadyExists(clusterName);
      }
      DaxCluster c = new DaxCluster(context, clusterName, config);
      clusters.put(clusterName, c);
      return c;
    }
  }

  /**
   * The cluster named {@code clusterName}.
   *
   * @throws DaxException {@code ClusterNotFoundFault} if there is none
   */
  public DaxCluster cluster(String clusterName) {
    synchronized (context.lock()) {
      DaxCluster c = clusters.get(clusterName);
      if (c == null) {
        throw DaxException.clusterNotFound(clusterName);
      }
      return c;
    }
  }

  /**
   * Deletes a cluster and its caches.
   *
   * @throws DaxException {@code ClusterNotFoundFault} if there is none
   */
  public void deleteCluster(String clusterName) {
    synchronized (context.lock()) {
      if (clusters.remove(clusterName) == null) {
        throw DaxException.clusterNotFound(clusterName);
      }
    }
  }

  /** The clusters' names in creation order. */
  public List<String> listClusters() {
    synchronized (context.lock()) {
      return new ArrayList<>(clusters.keySet());
    }
  }
}
