package dev.plinth.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.core.Platform;
import dev.plinth.local.telemetry.ConsoleTelemetryDriver;
import dev.plinth.telemetry.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FixedWindowRateLimiterTest {
  // 10 s into a minute: the window ends in 50 s.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2030-01-01T10:00:10Z"), ZoneOffset.UTC);
  private static final RateLimitSettings SETTINGS =
      new RateLimitSettings(3, Duration.ofMinutes(1), Map.of("batch", 5));

  private final Platform platform = Platform.inMemory();
  private final ConsoleTelemetryDriver telemetry =
      new ConsoleTelemetryDriver(line -> {}, false, Clock.systemUTC());

  @AfterEach
  void close() {
    platform.close();
  }

  private FixedWindowRateLimiter limiter() {
    return new FixedWindowRateLimiter(platform.cache(), telemetry, SETTINGS, CLOCK);
  }

  @Test
  void acquire_withinTheLimit_allowsAndCountsDown() {
    FixedWindowRateLimiter limiter = limiter();

    RateLimitDecision first = limiter.acquire("alice", "10.0.0.1");
    RateLimitDecision second = limiter.acquire("alice", "10.0.0.1");

    assertThat(first.allowed()).isTrue();
    assertThat(first.limit()).isEqualTo(3);
    assertThat(first.remaining()).isEqualTo(2);
    assertThat(second.remaining()).isEqualTo(1);
    assertThat(first.resetSeconds()).isEqualTo(50);
  }

  @Test
  void acquire_overTheLimit_refusesUntilTheWindowEnds() {
    FixedWindowRateLimiter limiter = limiter();
    for (int i = 0; i < 3; i++) {
      limiter.acquire("alice", "10.0.0.1");
    }

    RateLimitDecision refused = limiter.acquire("alice", "10.0.0.1");

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.resetSeconds()).isEqualTo(50);
    assertThat(
            telemetry
                .registry()
                .counterValue(FixedWindowRateLimiter.DECISIONS, Tags.of("outcome", "throttled")))
        .isEqualTo(1);
  }

  @Test
  void acquire_countsEachCallerSeparately() {
    FixedWindowRateLimiter limiter = limiter();
    for (int i = 0; i < 3; i++) {
      limiter.acquire("alice", "10.0.0.1");
    }

    assertThat(limiter.acquire("bob", "10.0.0.1").allowed()).isTrue();
    assertThat(limiter.acquire(null, "10.0.0.1").allowed()).isTrue();
    assertThat(limiter.acquire("batch", "10.0.0.1").limit()).isEqualTo(5);
  }

  @Test
  void acquire_subjectWithSpaces_isAValidKey() {
    assertThat(limiter().acquire("Alice Smith", null).allowed()).isTrue();
  }

  @Test
  void acquire_whenTheCacheIsDown_failsOpenAndCountsIt() {
    FixedWindowRateLimiter limiter =
        new FixedWindowRateLimiter(FailingCache.create(), telemetry, SETTINGS, CLOCK);

    RateLimitDecision decision = limiter.acquire("alice", "10.0.0.1");

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.failedOpen()).isTrue();
    assertThat(
            telemetry
                .registry()
                .counterValue(FixedWindowRateLimiter.DECISIONS, Tags.of("outcome", "fail_open")))
        .isEqualTo(1);
  }
}
