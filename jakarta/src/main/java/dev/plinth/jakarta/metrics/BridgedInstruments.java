package dev.plinth.jakarta.metrics;

import dev.plinth.telemetry.Counter;
import dev.plinth.telemetry.Histogram;
import dev.plinth.telemetry.Timer;
import java.time.Duration;

/** SDK instruments that record to the provider's instrument and to a MicroProfile one. */
final class BridgedInstruments {

  private BridgedInstruments() {}

  /** A counter recording to both; {@code mp} may be null (refused by the registry). */
  record BridgedCounter(Counter sdk, org.eclipse.microprofile.metrics.Counter mp)
      implements Counter {
    @Override
    public void increment(long amount) {
      sdk.increment(amount);
      if (mp != null && amount > 0) { // MP counters refuse negative increments
        mp.inc(amount);
      }
    }
  }

  /** A timer recording to both; {@code mp} may be null. */
  record BridgedTimer(Timer sdk, org.eclipse.microprofile.metrics.Timer mp) implements Timer {
    @Override
    public void recordNanos(long nanos) {
      sdk.recordNanos(nanos);
      if (mp != null) {
        mp.update(Duration.ofNanos(nanos));
      }
    }
  }

  /**
   * A histogram recording to both; {@code mp} may be null. MicroProfile histograms take whole
   * numbers, so values are rounded (the SDK records sizes and counts).
   */
  record BridgedHistogram(Histogram sdk, org.eclipse.microprofile.metrics.Histogram mp)
      implements Histogram {
    @Override
    public void record(double value) {
      sdk.record(value);
      if (mp != null) {
        mp.update(Math.round(value));
      }
    }
  }
}
