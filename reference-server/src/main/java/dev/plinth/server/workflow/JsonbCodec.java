package dev.plinth.server.workflow;

import dev.plinth.cache.Codec;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;

/**
 * Stores cache values as JSON through JSON-B: readable in the backend (e.g. {@code redis-cli GET})
 * and independent of Java serialization.
 *
 * @param <T> the value type (a record or bean JSON-B can bind)
 */
final class JsonbCodec<T> implements Codec<T> {
  // Jsonb instances are thread-safe and costly to create: one per codec.
  private static final Jsonb JSONB = JsonbBuilder.create();

  private final Class<T> type;

  /**
   * Creates a codec.
   *
   * @param type the value type
   */
  JsonbCodec(Class<T> type) {
    this.type = type;
  }

  @Override
  public byte[] encode(T value) {
    return JSONB.toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public T decode(byte[] bytes) {
    return JSONB.fromJson(new String(bytes, StandardCharsets.UTF_8), type);
  }
}
