package dev.plinth.core.memory;

import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.spi.storage.BlobStoreProvider;

/**
 * Discovers the {@code memory} blob store. Setting: {@code plinth.storage.memory.max-bytes}, the
 * largest blob accepted (default 256 MiB).
 */
public final class MemoryBlobStoreProvider implements BlobStoreProvider {
  /** The provider name. */
  public static final String NAME = "memory";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public MemoryBlobStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "In-memory blob store (JVM heap; for tests and demos, lost on exit)";
  }

  @Override
  public BlobStoreDriver create(ProviderContext context) {
    String key = context.key(NAME + ".max-bytes");
    long maxBytes = context.config().getLong(key, MemoryBlobStoreDriver.DEFAULT_MAX_BYTES);
    if (maxBytes <= 0) {
      throw new ConfigurationException(
          key,
          "Invalid value '"
              + maxBytes
              + "' for '"
              + key
              + "': expected a positive number of"
              + " bytes, e.g. "
              + MemoryBlobStoreDriver.DEFAULT_MAX_BYTES
              + " (256 MiB).");
    }
    return new MemoryBlobStoreDriver(maxBytes);
  }
}
