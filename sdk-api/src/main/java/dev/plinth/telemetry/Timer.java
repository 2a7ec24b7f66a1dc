package dev.plinth.telemetry;

import java.time.Duration;

/** Records durations into a latency histogram (exposed in seconds). */
public interface Timer {

  /**
   * Records a duration in nanoseconds.
   *
   * @param nanos the duration
   */
  void recordNanos(long nanos);

  /**
   * Records a duration.
   *
   * @param duration the duration
   */
  default void record(Duration duration) {
    recordNanos(duration.toNanos());
  }
}
