package dev.plinth.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that tests move forward by hand, so that expiry, rotation and redelivery can be
 * tested without waiting for real time to pass. Thread-safe.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /**
   * Creates a clock that stands at {@code start} until advanced.
   *
   * @param start the first instant it reports
   */
  public MutableClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /**
   * Creates a clock that starts at the current system time.
   *
   * @return the clock
   */
  public static MutableClock now() {
    return new MutableClock(Instant.now());
  }

  /**
   * Moves the clock forward (or back, with a negative duration).
   *
   * @param duration how far to move it
   */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The zone is fixed to UTC; the same clock is returned. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
