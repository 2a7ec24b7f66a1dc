package dev.plinth.core.telemetry;

import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Span;

/**
 * The span current on each thread, for telemetry providers that make their own spans: {@link
 * Span#makeCurrent()} enters a span and the returned scope restores the previous one.
 *
 * @param <S> the provider's span type
 */
public final class CurrentSpan<S extends Span> {
  private final ThreadLocal<S> current = new ThreadLocal<>();

  /**
   * Returns the current span of this thread.
   *
   * @return the span, or null if none
   */
  public S get() {
    return current.get();
  }

  /**
   * Makes a span current on this thread until the scope is closed.
   *
   * @param span the span
   * @return the scope that restores the previous span
   */
  public Scope enter(S span) {
    S previous = current.get();
    current.set(span);
    return () -> {
      if (previous == null) {
        current.remove();
      } else {
        current.set(previous);
      }
    };
  }
}
