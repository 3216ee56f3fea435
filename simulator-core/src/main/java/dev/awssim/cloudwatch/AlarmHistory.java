package dev.awssim.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The alarm history of one simulation: items in the order they happened, each with a sequence
 * number that page tokens name, dropped after {@link CloudWatchLimits#ALARM_HISTORY_RETENTION} and
 * kept when their alarm is deleted (API_DescribeAlarmHistory.html). Not thread-safe: the caller
 * holds the simulation's lock.
 */
final class AlarmHistory {
  private record Entry(long sequence, AlarmHistoryItem item) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long nextSequence;

  void add(AlarmHistoryItem item) {
    evict(item.timestamp());
    entries.addLast(new Entry(nextSequence++, item));
  }

  /**
   * One page of the items that pass the request's filters.
   *
   * @throws CloudWatchException InvalidParameterValue for MaxRecords outside 1 to 100, or an end
   *     before the start; InvalidNextToken for a token this history did not hand out
   */
  DescribeAlarmHistoryResult describe(DescribeAlarmHistoryRequest r, Instant now) {
    int max = r.maxRecords() == null ? CloudWatchLimits.MAX_RECORDS : r.maxRecords();
    if (max < 1 || max > CloudWatchLimits.MAX_RECORDS) {
      throw CloudWatchException.invalid(
          "The value " + max + " for parameter MaxRecords must be between 1 and 100.");
    }
    if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
      throw CloudWatchException.invalid("The parameter EndDate must be after StartDate.");
    }
    evict(now);
    long after = r.nextToken() == null ? -1 : token(r.nextToken());
    boolean ascending = r.scanBy() == ScanBy.TIMESTAMP_ASCENDING;
    Iterator<Entry> it = ascending ? entries.iterator() : entries.descendingIterator();
    List<AlarmHistoryItem> page = new ArrayList<>();
    String next = null;
    while (it.hasNext()) {
      Entry e = it.next();
      if (after >= 0 && (ascending ? e.sequence() < after : e.sequence() > after)) {
        continue;
      }
      if (!matches(e.item(), r)) {
        continue;
      }
      if (page.size() == max) {
        next = "h" + e.sequence();
        break;
      }
      page.add(e.item());
    }
    return new DescribeAlarmHistoryResult(page, next);
  }

  private static long token(String token) {
    try {
      if (token.startsWith("h")) {
        return Long.parseLong(token.substring(1));
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new CloudWatchException(
        "InvalidNextToken", 400, "The service couldn't process the token.");
  }

  private static boolean matches(AlarmHistoryItem i, DescribeAlarmHistoryRequest r) {
    return (r.alarmName() == null || r.alarmName().equals(i.alarmName()))
        && (r.historyItemType() == null || r.historyItemType() == i.historyItemType())
        && (r.startDate() == null || !i.timestamp().isBefore(r.startDate()))
        && (r.endDate() == null || !i.timestamp().isAfter(r.endDate()));
  }

  /** Drops the items whose retention has passed: an item stamped t is kept while now < t + 14 d. */
  private void evict(Instant now) {
    Duration keep = CloudWatchLimits.ALARM_HISTORY_RETENTION;
    while (!entries.isEmpty() && !now.isBefore(entries.peekFirst().item().timestamp().plus(keep))) {
      entries.removeFirst();
    }
  }
}
