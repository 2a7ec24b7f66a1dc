package dev.plinth.telemetry;

/** Records the distribution of values such as sizes. */
public interface Histogram {

  /**
   * Records one value.
   *
   * @param value the value
   */
  void record(double value);
}
