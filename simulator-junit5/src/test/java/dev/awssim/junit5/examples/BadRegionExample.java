package dev.awssim.junit5.examples;

import dev.awssim.junit5.AwsSimulation;
import dev.awssim.junit5.InRegion;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Run only through the test kit: a client asked for in a Region that is not a Region code. */
@AwsSimulation(seed = 7)
public class BadRegionExample {
  @Test
  void asksForANonRegion(@InRegion("Europe") SqsClient sqs) {
    sqs.listQueues();
  }
}
