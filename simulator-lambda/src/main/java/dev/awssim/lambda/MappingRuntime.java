package dev.awssim.lambda;

/** The running side of one event source mapping. Guarded by the simulation lock. */
interface MappingRuntime {
  /** Starts polling (an enabled mapping). */
  void start();

  /**
   * Applies new parameters (already checked) and function to the batches that start from now on.
   */
  void configure(FunctionState function, String qualifier, EventSourceMappingConfig config);

  /** Stops polling: batches in flight finish, no new ones start. */
  void stop();
}
