package dev.plinth.core.storage;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.config.PlinthConfig;
import dev.plinth.core.internal.Unwrapper;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.ByteRange;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import dev.plinth.storage.StorageCapabilities;
import dev.plinth.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link BlobStore} every application gets, whatever the provider. It adds to a {@link
 * BlobStoreDriver} everything that must behave identically on every backend: key, metadata and
 * option validation, capability checks, metrics, tracing and error mapping. Drivers only move
 * bytes.
 */
public final class PortableBlobStore implements BlobStore, AutoCloseable {
  /** Configuration key: enforce Azure's metadata rules everywhere (default true). */
  public static final String STRICT_KEY = "plinth.storage.strict";

  /** The largest page a listing may ask for. */
  public static final int MAX_PAGE_SIZE = 5000;

  /** The longest lifetime of a presigned URL (Azure's user-delegation SAS limit). */
  public static final Duration MAX_PRESIGN_TTL = Duration.ofDays(7);

  private final String provider;
  private final BlobStoreDriver driver;
  private final Capabilities capabilities;
  private final boolean strict;
  private final long maxBlobBytes;
  private final StorageInstrumentation ops;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Wraps a started driver.
   *
   * @param provider the provider name, e.g. {@code memory}
   * @param driver the driver
   * @param telemetry where metrics and spans go
   * @param config the configuration ({@value #STRICT_KEY} is read from it)
   */
  public PortableBlobStore(
      String provider, BlobStoreDriver driver, Telemetry telemetry, PlinthConfig config) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.capabilities = Objects.requireNonNull(driver.capabilities(), "driver capabilities");
    this.strict = config == null || config.getBoolean(STRICT_KEY, true);
    this.maxBlobBytes =
        capabilities.limit(StorageCapabilities.MAX_BLOB_BYTES).orElse(Long.MAX_VALUE);
    this.ops = new StorageInstrumentation(provider, Objects.requireNonNull(telemetry, "telemetry"));
  }

  @Override
  public BlobInfo put(String key, InputStream content, long length, PutOptions options) {
    Objects.requireNonNull(content, "content");
    return checkedPut(
        key,
        options,
        length,
        checked -> {
          CountingInputStream counting =
              new CountingInputStream(key, content, length, maxBlobBytes);
          try {
            return driver.put(key, counting, length, checked);
          } catch (RuntimeException | IOException e) {
            // Report the stream's own failure (limit, length, caller's I/O) even if a driver
            // wrapped it.
            if (counting.failure() != null) {
              throw counting.failure();
            }
            throw e;
          } finally {
            ops.bytesIn().increment(counting.count());
          }
        });
  }

  /**
   * Writes a blob from a byte array through the driver's in-memory path ({@link
   * BlobStoreDriver#put(String, byte[], PutOptions)}), so a driver that can send the array as it is
   * does not copy it. Same checks, metrics and errors as the stream put: the array's length is the
   * declared length, and its bytes count as read once the driver was called.
   */
  @Override
  public BlobInfo put(String key, byte[] content, PutOptions options) {
    Objects.requireNonNull(content, "content");
    return checkedPut(
        key,
        options,
        content.length,
        checked -> {
          try {
            return driver.put(key, content, checked);
          } finally {
            ops.bytesIn().increment(content.length);
          }
        });
  }

  @Override
  public Blob get(String key, ByteRange range) {
    return ops.run(
        "get",
        key,
        () -> {
          ensureOpen();
          BlobKeys.requireValidKey(key);
          Blob blob = driver.get(key, range);
          return new Blob(
              blob.info(), new MeteredInputStream(blob.content(), ops.bytesOut()), blob.range());
        });
  }

  @Override
  public BlobInfo stat(String key) {
    return ops.run(
        "stat",
        key,
        () -> {
          ensureOpen();
          return driver.stat(BlobKeys.requireValidKey(key));
        });
  }

  @Override
  public boolean exists(String key) {
    return ops.run(
        "exists",
        key,
        () -> {
          ensureOpen();
          try {
            driver.stat(BlobKeys.requireValidKey(key));
            return true;
          } catch (NotFoundException e) {
            return false;
          }
        });
  }

  @Override
  public boolean delete(String key) {
    return ops.run(
        "delete",
        key,
        () -> {
          ensureOpen();
          return driver.delete(BlobKeys.requireValidKey(key));
        });
  }

  @Override
  public BlobPage list(String prefix, int pageSize, String continuationToken) {
    return ops.run(
        "list",
        prefix,
        () -> {
          ensureOpen();
          String checked = BlobKeys.requireValidPrefix(prefix);
          if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                "Page size must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
          }
          String token =
              continuationToken == null || continuationToken.isEmpty() ? null : continuationToken;
          return driver.list(checked, pageSize, token);
        });
  }

  @Override
  public BlobInfo copy(String sourceKey, String targetKey) {
    return ops.run(
        "copy",
        sourceKey,
        () -> {
          ensureOpen();
          BlobKeys.requireValidKey(sourceKey);
          BlobKeys.requireValidKey(targetKey);
          return driver.copy(sourceKey, targetKey);
        });
  }

  @Override
  public PresignedUrl presign(String key, PresignMethod method, Duration ttl) {
    return ops.run(
        "presign",
        key,
        () -> {
          ensureOpen();
          BlobKeys.requireValidKey(key);
          capabilities.require(StorageCapabilities.PRESIGN, provider);
          Objects.requireNonNull(method, "method");
          if (ttl == null
              || ttl.isNegative()
              || ttl.isZero()
              || ttl.compareTo(MAX_PRESIGN_TTL) > 0) {
            throw new IllegalArgumentException(
                "Presign ttl must be positive and at most 7 days (Azure's SAS limit), was " + ttl);
          }
          return driver.presign(key, method, ttl);
        });
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public Health health() {
    if (closed.get()) {
      return Health.down("Blob store '" + provider + "' is closed");
    }
    try {
      return driver.health();
    } catch (RuntimeException e) {
      return Health.down("Blob store '" + provider + "' health check failed: " + e);
    }
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapper.unwrap(
        this, driver, driver.nativeClient(), type, "Blob store '" + provider + "'");
  }

  /** Closes the driver; later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      driver.close();
    }
  }

  @Override
  public String toString() {
    return "PortableBlobStore{provider=" + provider + ", strict=" + strict + '}';
  }

  /** Runs a put in its span after the checks every put makes before the driver sees it. */
  private BlobInfo checkedPut(String key, PutOptions options, long length, DriverPut call) {
    PutOptions given = options == null ? PutOptions.none() : options;
    return ops.run(
        "put",
        key,
        () -> {
          ensureOpen();
          BlobKeys.requireValidKey(key);
          PutOptions checked = checkPutOptions(given);
          if (length < -1) {
            throw new IllegalArgumentException("Length must be >= 0, or -1 if unknown: " + length);
          }
          if (length > maxBlobBytes) {
            throw new PayloadTooLargeException(
                "Blob '"
                    + BlobKeys.describe(key)
                    + "' is "
                    + length
                    + " bytes; provider '"
                    + provider
                    + "' allows at most "
                    + maxBlobBytes
                    + " (storage.max-blob-bytes). Nothing was stored.");
          }
          return call.put(checked);
        });
  }

  /** The driver call of a put, given the validated options. */
  @FunctionalInterface
  private interface DriverPut {
    BlobInfo put(PutOptions checked) throws IOException;
  }

  private PutOptions checkPutOptions(PutOptions given) {
    PutOptions checked =
        PutOptions.none().metadata(BlobMetadata.normalize(given.metadata(), strict));
    if (given.contentType() != null) {
      checked = checked.contentType(given.contentType());
    }
    if (given.ifMatchEtag() != null || given.isIfNoneMatch()) {
      capabilities.require(StorageCapabilities.CONDITIONAL_WRITES, provider);
    }
    if (given.ifMatchEtag() != null) {
      if (given.ifMatchEtag().isBlank()) {
        throw new IllegalArgumentException("ifMatch needs the ETag of the current blob, not blank");
      }
      checked = checked.ifMatch(given.ifMatchEtag());
    } else if (given.isIfNoneMatch()) {
      checked = checked.ifNoneMatch();
    }
    return checked;
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("Blob store '" + provider + "' is closed");
    }
  }
}
