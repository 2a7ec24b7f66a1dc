package dev.plinth.core.memory;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.ByteRange;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import dev.plinth.storage.StorageCapabilities;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A thread-safe blob store in the JVM heap, for tests and the {@code memory} profile. Writes read
 * the whole stream before a per-key compare-and-set publishes the new version, so conditions are
 * atomic and a failed write changes nothing. Listing is sorted; the continuation token is the last
 * key returned. It cannot presign.
 */
public final class MemoryBlobStoreDriver implements BlobStoreDriver {
  /** The default size limit of one blob: 256 MiB. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

  private final ConcurrentSkipListMap<String, MemoryBlob> blobs = new ConcurrentSkipListMap<>();
  private final long maxBytes;
  private final Capabilities capabilities;

  /** Creates a store with the {@linkplain #DEFAULT_MAX_BYTES default} size limit. */
  public MemoryBlobStoreDriver() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * Creates a store.
   *
   * @param maxBytes the largest blob accepted, in bytes (positive)
   */
  public MemoryBlobStoreDriver(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.capabilities =
        Capabilities.builder()
            .feature(
                StorageCapabilities.CONDITIONAL_WRITES,
                StorageCapabilities.RANGE_READS,
                StorageCapabilities.SERVER_SIDE_COPY)
            .limit(StorageCapabilities.MAX_BLOB_BYTES, maxBytes)
            .build();
  }

  @Override
  public BlobInfo put(String key, InputStream content, long length, PutOptions options)
      throws IOException {
    MemoryBlob candidate = MemoryBlob.read(key, content, options, maxBytes);
    while (true) {
      MemoryBlob current = blobs.get(key);
      checkCondition(key, current, options);
      boolean published =
          current == null
              ? blobs.putIfAbsent(key, candidate) == null
              : blobs.replace(key, current, candidate);
      if (published) {
        return candidate.info();
      }
      // Another writer won the race since we looked: evaluate the condition again.
    }
  }

  @Override
  public Blob get(String key, ByteRange range) {
    MemoryBlob blob = require(key);
    long size = blob.info().size();
    if (range == null) {
      return new Blob(blob.info(), blob.open(0, size), null);
    }
    ByteRange resolved = range.resolve(size);
    return new Blob(blob.info(), blob.open(resolved.offset(), resolved.length()), resolved);
  }

  @Override
  public BlobInfo stat(String key) {
    return require(key).info();
  }

  @Override
  public boolean delete(String key) {
    return blobs.remove(key) != null;
  }

  @Override
  public BlobPage list(String prefix, int pageSize, String continuationToken) {
    String after = continuationToken == null ? null : decodeToken(continuationToken);
    NavigableMap<String, MemoryBlob> view =
        after != null && after.compareTo(prefix) >= 0
            ? blobs.tailMap(after, false)
            : blobs.tailMap(prefix, true);
    List<BlobInfo> items = new ArrayList<>(Math.min(pageSize, 64));
    for (Map.Entry<String, MemoryBlob> entry : view.entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        break;
      }
      if (items.size() == pageSize) {
        return new BlobPage(items, encodeToken(items.get(items.size() - 1).key()));
      }
      items.add(entry.getValue().info());
    }
    return new BlobPage(items, null);
  }

  @Override
  public BlobInfo copy(String sourceKey, String targetKey) {
    MemoryBlob copy = require(sourceKey).copyTo(targetKey);
    blobs.put(targetKey, copy);
    return copy.info();
  }

  @Override
  public PresignedUrl presign(String key, PresignMethod method, Duration ttl) {
    throw new UnsupportedOperationException(
        "The memory blob store cannot presign URLs: there is no server to honour them ('"
            + StorageCapabilities.PRESIGN
            + "' is not declared).");
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public Health health() {
    return Health.up("memory blob store").withData(Map.of("blobs", blobs.size()));
  }

  @Override
  public Object nativeClient() {
    return this;
  }

  @Override
  public void close() {
    blobs.clear();
  }

  private MemoryBlob require(String key) {
    MemoryBlob blob = blobs.get(key);
    if (blob == null) {
      throw new NotFoundException("Blob '" + key + "' does not exist in the memory store.");
    }
    return blob;
  }

  private static void checkCondition(String key, MemoryBlob current, PutOptions options) {
    if (options.isIfNoneMatch() && current != null) {
      throw new PreconditionFailedException(
          "Blob '" + key + "' already exists and ifNoneMatch (create-only) was requested.");
    }
    String expected = options.ifMatchEtag();
    if (expected != null && (current == null || !current.info().etag().equals(expected))) {
      throw new PreconditionFailedException(
          "Blob '"
              + key
              + "' "
              + (current == null
                  ? "does not exist"
                  : "has changed (ETag is no longer " + expected + ")")
              + "; re-read it and retry with its current ETag.");
    }
  }

  private static String encodeToken(String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Continuation token '" + token + "' was not issued by this store; pass null to restart.",
          e);
    }
  }
}
