package dev.awssim.apigateway;

import java.time.LocalDate;

/**
 * The period of a usage plan quota ({@code API_QuotaSettings.html}): DAY, WEEK or MONTH. Periods
 * start at UTC midnight; weeks on Sunday, months on the 1st (see the package documentation).
 *
 * <pre>{@code
 * QuotaPeriod p = QuotaPeriod.parse("DAY");
 * }</pre>
 */
public enum QuotaPeriod {
  /** A UTC calendar day. */
  DAY,
  /** A UTC week starting Sunday 00:00. */
  WEEK,
  /** A UTC calendar month. */
  MONTH;

  /** The index of the period holding UTC day {@code epochDay} (1970-01-01 is a Thursday). */
  long indexOf(long epochDay) {
    switch (this) {
      case DAY -> {
        return epochDay;
      }
      case WEEK -> {
        return Math.floorDiv(epochDay + 4, 7);
      }
      default -> {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return date.getYear() * 12L + date.getMonthValue() - 1;
      }
    }
  }

  /** The first UTC day of period {@code index}. */
  long startDay(long index) {
    return switch (this) {
      case DAY -> index;
      case WEEK -> index * 7 - 4;
      default ->
          LocalDate.of((int) Math.floorDiv(index, 12), (int) Math.floorMod(index, 12) + 1, 1)
              .toEpochDay();
    };
  }

  /**
   * The period named {@code name}, as AWS spells it.
   *
   * @throws ApiGatewayException {@code BadRequestException} for any other name
   */
  public static QuotaPeriod parse(String name) {
    for (QuotaPeriod p : values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw ApiGatewayErrors.badRequest(
        "Invalid quota period: " + name + ". Valid values are DAY, WEEK, MONTH.");
  }
}
