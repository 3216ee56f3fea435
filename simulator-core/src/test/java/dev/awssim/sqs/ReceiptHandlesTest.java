package dev.awssim.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceiptHandlesTest {
  private static final long SECRET = 0x1234_5678_9ABC_DEF0L;

  @Test
  void aHandleDecodesToTheReceiveItNames() {
    String handle = ReceiptHandles.encode(7, -2L, 3, SECRET);
    assertTrue(handle.startsWith("AQEB"));
    assertEquals(52, handle.length());
    assertEquals(new ReceiptHandles.Receipt(7, -2L, 3), ReceiptHandles.decode(handle, 7, SECRET));
  }

  @Test
  void anEditedHandleOrAnotherQueuesHandleIsInvalid() {
    String handle = ReceiptHandles.encode(7, 42, 1, SECRET);
    char last = handle.charAt(handle.length() - 1);
    String edited = handle.substring(0, handle.length() - 1) + (last == '0' ? '1' : '0');
    assertNull(ReceiptHandles.decode(edited, 7, SECRET));
    assertNull(ReceiptHandles.decode(handle, 8, SECRET));
    assertNull(ReceiptHandles.decode(handle.replace('a', 'x').replace('0', 'x'), 7, SECRET));
    assertNull(ReceiptHandles.decode("AQEB", 7, SECRET));
    assertNull(ReceiptHandles.decode(null, 7, SECRET));
  }
}
