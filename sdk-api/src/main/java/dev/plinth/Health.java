package dev.plinth;

import java.util.Map;
import java.util.Objects;

/**
 * The health of one port or of the whole platform.
 *
 * @param state UP, DEGRADED or DOWN
 * @param detail a human-readable explanation, never containing secrets
 * @param data extra facts (for example latency or queue depth); never null
 */
public record Health(State state, String detail, Map<String, Object> data) {

  /** Health states, from best to worst. */
  public enum State {
    /** Fully working. */
    UP,
    /** Working with reduced function (for example a cache outage treated as misses). */
    DEGRADED,
    /** Not working. */
    DOWN
  }

  /**
   * Creates a health value.
   *
   * @param state the state
   * @param detail the explanation
   * @param data extra facts
   */
  public Health {
    Objects.requireNonNull(state, "state");
    detail = detail == null ? "" : detail;
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /**
   * Returns an UP health with a detail.
   *
   * @param detail what was checked
   * @return the health
   */
  public static Health up(String detail) {
    return new Health(State.UP, detail, Map.of());
  }

  /**
   * Returns a DEGRADED health with a detail.
   *
   * @param detail what is degraded and what to do
   * @return the health
   */
  public static Health degraded(String detail) {
    return new Health(State.DEGRADED, detail, Map.of());
  }

  /**
   * Returns a DOWN health with a detail.
   *
   * @param detail what failed and what to do
   * @return the health
   */
  public static Health down(String detail) {
    return new Health(State.DOWN, detail, Map.of());
  }

  /**
   * Returns a copy with extra data.
   *
   * @param extra facts to attach
   * @return the new health
   */
  public Health withData(Map<String, Object> extra) {
    return new Health(state, detail, extra);
  }
}
