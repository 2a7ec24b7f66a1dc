package dev.plinth.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies (HdrHistogram, microsecond resolution, 3 significant digits) and error count of one
 * scenario; safe to record from many threads.
 */
final class LatencyStats {
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final Histogram histogram = new ConcurrentHistogram(1, MAX_MICROS, 3);
  private final AtomicLong errors = new AtomicLong();

  /**
   * Records one successful operation.
   *
   * @param nanos its latency in nanoseconds
   */
  void record(long nanos) {
    histogram.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1_000)));
  }

  /** Counts one failed operation (not part of the latency figures). */
  void error() {
    errors.incrementAndGet();
  }

  /**
   * Summarizes what was recorded.
   *
   * @param elapsedNanos the wall time the operations took, for the throughput
   * @return count, errors, throughput and percentiles in milliseconds
   */
  Summary summary(long elapsedNanos) {
    Histogram copy = histogram.copy();
    long count = copy.getTotalCount();
    double seconds = elapsedNanos / 1e9;
    return new Summary(
        count,
        errors.get(),
        seconds,
        seconds > 0 ? count / seconds : 0,
        millis(copy, 50),
        millis(copy, 99),
        millis(copy, 99.9),
        count == 0 ? 0 : copy.getMaxValue() / 1_000.0);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0
        ? 0
        : histogram.getValueAtPercentile(percentile) / 1_000.0;
  }

  /**
   * The figures of one scenario.
   *
   * @param count successful operations
   * @param errors failed operations
   * @param seconds wall time
   * @param perSecond successful operations per second
   * @param p50Ms median latency
   * @param p99Ms 99th percentile
   * @param p999Ms 99.9th percentile
   * @param maxMs slowest operation
   */
  record Summary(
      long count,
      long errors,
      double seconds,
      double perSecond,
      double p50Ms,
      double p99Ms,
      double p999Ms,
      double maxMs) {}
}
