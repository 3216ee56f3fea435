package dev.awssim.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awssim.internal.RandomIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  @Test
  void sameSeedAndName_giveTheSameNumbers() {
    assertEquals(
        new RandomStreams(42).stream("sqs/q").nextLong(),
        new RandomStreams(42).stream("sqs/q").nextLong());
  }

  @Test
  void differentSeeds_giveDifferentNumbers() {
    assertNotEquals(
        new RandomStreams(1).stream("sqs/q").nextLong(),
        new RandomStreams(2).stream("sqs/q").nextLong());
  }

  @Test
  void addingAStream_doesNotShiftAnother() {
    RandomStreams alone = new RandomStreams(7);
    long expected = alone.stream("kinesis/s").nextLong();

    RandomStreams crowded = new RandomStreams(7);
    crowded.stream("sqs/a").nextLong();
    crowded.stream("dynamodb/t").nextLong();

    assertEquals(expected, crowded.stream("kinesis/s").nextLong());
  }

  @Test
  void sameName_returnsTheSameContinuingStream() {
    RandomStreams streams = new RandomStreams(3);
    assertSame(streams.stream("x"), streams.stream("x"));
  }

  @Test
  void emptyOrNullName_isRejected() {
    RandomStreams streams = new RandomStreams(3);
    assertThrows(IllegalArgumentException.class, () -> streams.stream(""));
    assertThrows(NullPointerException.class, () -> streams.stream(null));
  }

  @Test
  void uuid_isVersion4AndRepeatsForTheSameSeed() {
    UUID a = RandomIds.uuid(new RandomStreams(9).stream("ids"));
    UUID b = RandomIds.uuid(new RandomStreams(9).stream("ids"));
    assertEquals(a, b);
    assertEquals(4, a.version());
    assertEquals(2, a.variant());
  }
}
