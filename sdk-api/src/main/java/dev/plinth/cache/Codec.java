package dev.plinth.cache;

import java.nio.charset.StandardCharsets;

/**
 * Converts values to and from the bytes a {@link Cache} stores.
 *
 * @param <T> the value type
 */
public interface Codec<T> {

  /**
   * Encodes a value.
   *
   * @param value the value, never null
   * @return its bytes
   */
  byte[] encode(T value);

  /**
   * Decodes a value.
   *
   * @param bytes bytes produced by {@link #encode}
   * @return the value
   */
  T decode(byte[] bytes);

  /**
   * A codec for UTF-8 strings.
   *
   * @return the codec
   */
  static Codec<String> utf8() {
    return new Codec<>() {
      @Override
      public byte[] encode(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
    };
  }
}
