package dev.awssim.sqs;

import java.util.ArrayDeque;

/** One message group of a FIFO queue: its messages in send order and how many are in flight. */
final class FifoGroup {
  final String id;
  final ArrayDeque<StoredMessage> messages = new ArrayDeque<>();
  int inflight;

  /** The key under which the group is listed as available (its head's sequence), or -1. */
  long listedKey = -1;

  FifoGroup(String id) {
    this.id = id;
  }
}
