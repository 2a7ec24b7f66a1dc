package dev.plinth.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Walks a benchmark's key set per thread, so threads do not contend on one counter. */
@State(Scope.Thread)
public class KeyCursor {
  private int next;

  /**
   * Returns the next index, wrapping at {@code size}.
   *
   * @param size the key count, a power of two
   * @return an index in {@code [0, size)}
   */
  public int next(int size) {
    return next++ & (size - 1);
  }
}
