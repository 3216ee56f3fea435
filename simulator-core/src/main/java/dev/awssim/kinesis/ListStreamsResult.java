package dev.awssim.kinesis;

import java.util.List;

/**
 * A page of ListStreams, names in alphabetical order.
 *
 * @param streamNames the names of this page
 * @param hasMoreStreams whether more follow
 */
public record ListStreamsResult(List<String> streamNames, boolean hasMoreStreams) {
  /** Copies the names. */
  public ListStreamsResult {
    streamNames = List.copyOf(streamNames);
  }
}
