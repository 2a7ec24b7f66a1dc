package dev.plinth.local.storage;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.error.NotFoundException;
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
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores blobs as plain files under a root directory: data at {@code <root>/<key>}, content type,
 * metadata and ETag (SHA-256 hex of the content) in a sidecar under {@code <root>/.plinth/meta}.
 * Writes stream into a temp file, are fsynced and renamed into place, so readers see the old or the
 * new blob; conditional writes are checked under a per-key lock that also excludes other processes
 * sharing the directory.
 */
public final class FileSystemBlobStoreDriver implements BlobStoreDriver {
  private static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .feature(
              StorageCapabilities.CONDITIONAL_WRITES,
              StorageCapabilities.PRESIGN,
              StorageCapabilities.RANGE_READS)
          .build();

  private final BlobLayout layout;
  private final KeyLocks locks;
  private final ConsistentReader reader;
  private final BlobLister lister;
  private final BlobWriter writer;
  private final PresignedUrlVerifier verifier;
  private final String presignBaseUrl;
  private final Clock clock;

  /**
   * Opens (creating if needed) a store rooted at a directory.
   *
   * @param root the root directory
   * @param presignSecret the HMAC key for presigned URLs, or null to use (and create on first use)
   *     {@code <root>/.plinth/presign.key}
   * @param presignBaseUrl the base of presigned URLs, e.g. {@code /blobs}
   * @throws IOException if the root cannot be created or read
   */
  public FileSystemBlobStoreDriver(Path root, String presignSecret, String presignBaseUrl)
      throws IOException {
    Files.createDirectories(root);
    Path realRoot = root.toRealPath();
    this.layout = new BlobLayout(realRoot);
    Files.createDirectories(layout.metaRoot());
    this.locks = KeyLocks.forDirectory(layout.lockRoot());
    SidecarCache cache = SidecarCache.forDirectory(layout.metaRoot());
    this.reader = new ConsistentReader(layout, locks, cache);
    this.lister = new BlobLister(layout);
    this.clock = Clock.systemUTC();
    this.writer = new BlobWriter(layout, locks, reader, cache, clock, Fsync.SYSTEM);
    byte[] secret = PresignSecret.resolve(Optional.ofNullable(presignSecret), layout.reserved());
    this.verifier = new PresignedUrlVerifier(secret, clock);
    this.presignBaseUrl = Objects.requireNonNull(presignBaseUrl, "presignBaseUrl");
  }

  /**
   * Returns the verifier a server uses to honour this store's presigned URLs.
   *
   * @return the verifier
   */
  public PresignedUrlVerifier presignVerifier() {
    return verifier;
  }

  /**
   * Returns the root directory.
   *
   * @return the real path of the root
   */
  public Path root() {
    return layout.root();
  }

  @Override
  public BlobInfo put(String key, InputStream content, long length, PutOptions options)
      throws IOException {
    return writer.put(key, content, length, options);
  }

  /** Writes the array straight into the temp file, without the stream path's copy buffer. */
  @Override
  public BlobInfo put(String key, byte[] content, PutOptions options) throws IOException {
    return writer.put(key, content, options);
  }

  @Override
  public Blob get(String key, ByteRange range) throws IOException {
    ConsistentReader.Opened opened = reader.open(key);
    try {
      BlobInfo info = opened.sidecar().info();
      ByteRange resolved = range == null ? null : range.resolve(info.size());
      long length = info.size();
      if (resolved != null) {
        opened.channel().position(resolved.offset()); // skipped bytes are never read
        length = resolved.length();
      }
      InputStream stream = new BlobReadStream(opened.channel(), length);
      return new Blob(info, stream, resolved);
    } catch (IOException | RuntimeException e) {
      opened.channel().close();
      throw e;
    }
  }

  @Override
  public BlobInfo stat(String key) throws IOException {
    return reader.stat(key);
  }

  @Override
  public boolean delete(String key) throws IOException {
    return writer.delete(key);
  }

  @Override
  public BlobPage list(String prefix, int pageSize, String continuationToken) throws IOException {
    String startAfter =
        continuationToken == null ? null : ContinuationTokens.decode(continuationToken);
    List<String> keys = lister.keys(prefix == null ? "" : prefix, startAfter, pageSize + 1);
    boolean more = keys.size() > pageSize;
    List<String> pageKeys = more ? keys.subList(0, pageSize) : keys;
    List<BlobInfo> items = new ArrayList<>(pageKeys.size());
    for (String key : pageKeys) {
      try {
        items.add(reader.stat(key));
      } catch (NotFoundException e) {
        // deleted while listing
      }
    }
    String token = more ? ContinuationTokens.encode(pageKeys.get(pageKeys.size() - 1)) : null;
    return new BlobPage(items, token);
  }

  @Override
  public BlobInfo copy(String sourceKey, String targetKey) throws IOException {
    ConsistentReader.Opened source = reader.open(sourceKey);
    try (InputStream in = Channels.newInputStream(source.channel())) {
      BlobInfo info = source.sidecar().info();
      PutOptions options =
          PutOptions.none().contentType(info.contentType()).metadata(info.metadata());
      return put(targetKey, in, info.size(), options);
    }
  }

  @Override
  public PresignedUrl presign(String key, PresignMethod method, Duration ttl) throws IOException {
    layout.dataPath(key); // refuse reserved keys
    Instant end = clock.instant().plus(ttl);
    // Round up to whole seconds so a URL never lives shorter than asked.
    long expires = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
    String url = verifier.url(presignBaseUrl, method.name(), key, expires);
    return new PresignedUrl(URI.create(url), method, Instant.ofEpochSecond(expires));
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Health health() {
    Path root = layout.root();
    if (!Files.isDirectory(root) || !Files.isWritable(root)) {
      return Health.down(
          "Storage root "
              + root
              + " is missing or not writable; fix its permissions or set "
              + FileSystemBlobStoreProvider.ROOT_KEY);
    }
    try {
      long free = Files.getFileStore(root).getUsableSpace();
      return Health.up("Storage root " + root + " is writable")
          .withData(Map.of("root", root.toString(), "freeBytes", free));
    } catch (IOException e) {
      return Health.degraded("Cannot read free space of " + root + ": " + e.getMessage());
    }
  }

  @Override
  public Object nativeClient() {
    return this;
  }

  @Override
  public void close() {
    // Nothing to release: files and locks are opened per operation.
  }
}
