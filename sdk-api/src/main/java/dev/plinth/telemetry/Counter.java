package dev.plinth.telemetry;

/** A monotonically increasing count. */
public interface Counter {

  /** Adds one. */
  default void increment() {
    increment(1);
  }

  /**
   * Adds an amount.
   *
   * @param amount a non-negative amount
   */
  void increment(long amount);
}
