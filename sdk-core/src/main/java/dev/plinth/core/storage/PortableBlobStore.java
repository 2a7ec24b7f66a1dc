package dev.plinth.core.storage;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.config.PlinthConfig;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.ByteRange;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import dev.plinth.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * STUB (h-platform branch): a pure pass-through so {@code Platform} compiles. The storage owner's
 * version replaces it at merge.
 */
public final class PortableBlobStore implements BlobStore, AutoCloseable {
  private final String provider;
  private final BlobStoreDriver driver;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Wraps a driver.
   *
   * @param provider the provider name
   * @param driver the driver
   * @param telemetry the telemetry
   * @param config the configuration
   */
  public PortableBlobStore(
      String provider, BlobStoreDriver driver, Telemetry telemetry, PlinthConfig config) {
    this.provider = provider;
    this.driver = driver;
  }

  @Override
  public BlobInfo put(String key, InputStream content, long length, PutOptions options) {
    return io(() -> driver.put(key, content, length, options));
  }

  @Override
  public Blob get(String key, ByteRange range) {
    return io(() -> driver.get(key, range));
  }

  @Override
  public BlobInfo stat(String key) {
    return io(() -> driver.stat(key));
  }

  @Override
  public boolean exists(String key) {
    try {
      stat(key);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Override
  public boolean delete(String key) {
    return io(() -> driver.delete(key));
  }

  @Override
  public BlobPage list(String prefix, int pageSize, String continuationToken) {
    return io(() -> driver.list(prefix, pageSize, continuationToken));
  }

  @Override
  public BlobInfo copy(String sourceKey, String targetKey) {
    return io(() -> driver.copy(sourceKey, targetKey));
  }

  @Override
  public PresignedUrl presign(String key, PresignMethod method, Duration ttl) {
    return io(() -> driver.presign(key, method, ttl));
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public Capabilities capabilities() {
    return driver.capabilities();
  }

  @Override
  public Health health() {
    return driver.health();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    for (Object candidate : new Object[] {this, driver, driver.nativeClient()}) {
      if (type.isInstance(candidate)) {
        return type.cast(candidate);
      }
    }
    throw new IllegalArgumentException(
        "Storage provider '" + provider + "' wraps no " + type.getName());
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      driver.close();
    }
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private <T> T io(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new ProviderUnavailableException("Storage provider '" + provider + "' failed", e);
    }
  }
}
