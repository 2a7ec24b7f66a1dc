package dev.plinth.bench;

import java.util.Random;

/** Deterministic incompressible payloads, so every run and both sides use the same bytes. */
final class Payloads {
  private Payloads() {}

  /**
   * Returns pseudo-random bytes.
   *
   * @param size the length
   * @return a new array
   */
  static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
