package dev.plinth.local.storage;

import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.spi.storage.BlobStoreProvider;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code filesystem} storage provider. Settings: {@value #ROOT_KEY} (default {@value
 * #DEFAULT_ROOT}), {@code plinth.storage.filesystem.presign-secret} (default: a key generated once
 * under the root) and {@code plinth.storage.filesystem.presign-base-url} (default {@value
 * #DEFAULT_BASE_URL}).
 */
public final class FileSystemBlobStoreProvider implements BlobStoreProvider {
  /** The full configuration key of the root directory. */
  public static final String ROOT_KEY = "plinth.storage.filesystem.root";

  /** The root directory used when none is configured. */
  public static final String DEFAULT_ROOT = "./data/blobs";

  /** The presigned URL base used when none is configured. */
  public static final String DEFAULT_BASE_URL = "/blobs";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public FileSystemBlobStoreProvider() {}

  @Override
  public String name() {
    return "filesystem";
  }

  @Override
  public String description() {
    return "Blobs as files in a local directory, with atomic writes and HMAC-presigned URLs";
  }

  @Override
  public BlobStoreDriver create(ProviderContext context) {
    String rootText = context.get("filesystem.root").filter(v -> !v.isBlank()).orElse(DEFAULT_ROOT);
    String secret = context.get("filesystem.presign-secret").filter(v -> !v.isBlank()).orElse(null);
    String baseUrl =
        context
            .get("filesystem.presign-base-url")
            .filter(v -> !v.isBlank())
            .orElse(DEFAULT_BASE_URL);
    Path root;
    try {
      root = Path.of(rootText);
    } catch (InvalidPathException e) {
      throw new ConfigurationException(
          ROOT_KEY,
          "'" + ROOT_KEY + "' is not a valid path: " + rootText + ". Example: ./data/blobs",
          e);
    }
    try {
      return new FileSystemBlobStoreDriver(root, secret, baseUrl);
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(
          ROOT_KEY,
          "Cannot use storage root '"
              + root.toAbsolutePath()
              + "' ("
              + ROOT_KEY
              + "): "
              + e.getMessage()
              + ". Create it or point the setting at a writable directory",
          e);
    }
  }
}
