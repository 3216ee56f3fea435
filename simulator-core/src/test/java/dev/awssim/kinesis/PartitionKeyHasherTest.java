package dev.awssim.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PartitionKeyHasherTest {
  private final PartitionKeyHasher hasher = new PartitionKeyHasher();

  @Test
  void hashKeyIsTheMd5OfTheUtf8BytesAsAnUnsignedInteger() {
    // MD5("a") = 0cc175b9c0f1b6a831c399e269772661 (RFC 1321, appendix A.5)
    assertEquals(
        new BigInteger("0cc175b9c0f1b6a831c399e269772661", 16), hasher.hash("a").toBigInteger());
    // MD5("message digest") = f96b697d7cb7938d525a2f31aaf161d0, above 2^127: read unsigned
    assertEquals(
        new BigInteger("f96b697d7cb7938d525a2f31aaf161d0", 16),
        hasher.hash("message digest").toBigInteger());
  }

  @Test
  void theReusedDigestGivesTheSameKeyEveryTime() {
    HashKey first = hasher.hash("customer-1");
    hasher.hash("another key");
    assertEquals(first, hasher.hash("customer-1"));
  }

  @Test
  void nonAsciiKeysAreHashedAsUtf8() {
    // md5sum of the UTF-8 bytes c3 a9 of "\u00e9"
    assertEquals(
        new BigInteger("66ddcd97cfdeabb2f6fb8a999b4bc76f", 16),
        hasher.hash("\u00e9").toBigInteger());
  }

  @Test
  void utf8LengthIsTheEncodedLengthAndTheHashUsesThatEncoding() {
    for (String key :
        new String[] {
          "a",
          "key-1",
          "\u043a\u043b\u044e\u0447-\u00e9",
          "\uD83D\uDE00",
          "x".repeat(256),
          "y".repeat(300)
        }) {
      assertEquals(Shards.utf8Length(key), hasher.utf8Length(key), key);
      assertEquals(new PartitionKeyHasher().hash(key), hasher.hash(key), key);
    }
  }

  @Test
  void aKeyEncodedForItsLengthDoesNotLeakIntoTheNextKeysHash() {
    hasher.utf8Length("customer-1");
    // MD5("a") = 0cc175b9c0f1b6a831c399e269772661 (RFC 1321, appendix A.5)
    assertEquals(
        new BigInteger("0cc175b9c0f1b6a831c399e269772661", 16), hasher.hash("a").toBigInteger());
  }

  @Test
  void aKeyThatCannotBeEncodedLeavesNoHalfWrittenEncodingBehind() {
    String key = "abcdef";
    hasher.utf8Length(key);
    KinesisException e = assertThrows(KinesisException.class, () -> hasher.utf8Length("ab\uD800"));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(new PartitionKeyHasher().hash(key), hasher.hash(key));
  }
}
