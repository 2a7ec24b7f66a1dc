package dev.plinth.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {
  private final InstantText text = new InstantText();

  @Test
  void format_matchesInstantToString_forEveryFractionLength() {
    for (String iso :
        new String[] {
          "2026-11-24T00:00:00Z",
          "2026-11-24T00:00:00.100Z",
          "2026-11-24T00:00:00.000100Z",
          "2026-11-24T00:00:00.000000001Z",
          "2026-11-24T23:59:59.999999999Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.5Z",
          "+10000-01-01T00:00:00.25Z"
        }) {
      Instant instant = Instant.parse(iso);
      assertThat(text.format(instant)).isEqualTo(instant.toString());
    }
  }

  @Test
  void format_matchesInstantToString_forRandomInstantsInAndAcrossSeconds() {
    SplittableRandom random = new SplittableRandom(42);
    long base = Instant.parse("2026-11-24T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 10_000; i++) {
      int nano = random.nextInt(1_000_000_000);
      nano =
          switch (i % 3) {
            case 0 -> nano;
            case 1 -> nano / 1_000 * 1_000;
            default -> nano / 1_000_000 * 1_000_000;
          };
      Instant instant = Instant.ofEpochSecond(base + random.nextInt(3), nano);
      assertThat(text.format(instant)).isEqualTo(instant.toString());
    }
  }
}
