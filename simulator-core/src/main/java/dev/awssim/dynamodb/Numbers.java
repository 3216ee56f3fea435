package dev.awssim.dynamodb;

import java.math.BigDecimal;

/**
 * DynamoDB's number rules: up to 38 significant digits, magnitudes from 1E-130 to below 1E+126 (AWS
 * Developer Guide, "Supported data types": Number).
 */
final class Numbers {
  private static final int MAX_DIGITS = DynamoDbLimits.MAX_NUMBER_DIGITS;
  private static final int MAX_EXPONENT = DynamoDbLimits.MAX_NUMBER_EXPONENT;
  private static final int MIN_EXPONENT = -130;

  private Numbers() {}

  static BigDecimal parse(String text) {
    BigDecimal parsed;
    try {
      parsed = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw Errors.validation("A value provided cannot be converted into a number");
    }
    if (parsed.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = parsed.stripTrailingZeros();
    if (stripped.precision() > MAX_DIGITS) {
      throw Errors.validation("Attempting to store more than 38 significant digits in a Number");
    }
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent > MAX_EXPONENT) {
      throw Errors.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (exponent < MIN_EXPONENT) {
      throw Errors.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    return stripped;
  }

  static String canonical(BigDecimal number) {
    return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
  }

  /**
   * Bytes of a number in the item-size formula: one byte per two significant digits plus one (AWS
   * Developer Guide, CapacityUnitCalculations.html).
   */
  static int size(BigDecimal number) {
    if (number.signum() == 0) {
      return 2;
    }
    int digits = number.stripTrailingZeros().precision();
    return (digits + 1) / 2 + 1;
  }

  /** Adds two numbers, rejecting a result outside DynamoDB's range. */
  static BigDecimal add(BigDecimal a, BigDecimal b) {
    return parse(a.add(b).toPlainString());
  }
}
