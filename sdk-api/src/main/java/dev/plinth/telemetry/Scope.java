package dev.plinth.telemetry;

/** Undoes a context change (current span or correlation id) when closed. */
@FunctionalInterface
public interface Scope extends AutoCloseable {

  /** Restores the previous context. */
  @Override
  void close();
}
