package dev.plinth.core.memory;

import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One immutable stored version: content in fixed-size chunks (no single huge array, and copies
 * share chunks) plus its info. Identity equality on purpose: the driver's compare-and-set replaces
 * exactly the version it checked.
 */
final class MemoryBlob {
  /** Size of every chunk but the last. */
  static final int CHUNK_BYTES = 64 * 1024;

  private final byte[][] chunks;
  private final BlobInfo info;

  private MemoryBlob(byte[][] chunks, BlobInfo info) {
    this.chunks = chunks;
    this.info = info;
  }

  /**
   * Reads a stream to its end into a new version, hashing it on the way for the ETag.
   *
   * @param key the key
   * @param content the stream
   * @param options validated options (content type, metadata)
   * @param maxBytes the largest allowed size
   * @return the new version
   * @throws IOException if the stream fails
   */
  static MemoryBlob read(String key, InputStream content, PutOptions options, long maxBytes)
      throws IOException {
    MessageDigest sha256 = sha256();
    List<byte[]> chunks = new ArrayList<>();
    long size = 0;
    while (true) {
      byte[] chunk = new byte[CHUNK_BYTES];
      int n = content.readNBytes(chunk, 0, CHUNK_BYTES);
      if (n > 0) {
        size += n;
        if (size > maxBytes) {
          throw new PayloadTooLargeException(
              "Blob '"
                  + key
                  + "' exceeds the memory store's limit of "
                  + maxBytes
                  + " bytes"
                  + " (plinth.storage.memory.max-bytes); nothing was stored.");
        }
        sha256.update(chunk, 0, n);
        chunks.add(n == CHUNK_BYTES ? chunk : Arrays.copyOf(chunk, n));
      }
      if (n < CHUNK_BYTES) {
        break;
      }
    }
    BlobInfo info =
        new BlobInfo(
            key,
            size,
            HexFormat.of().formatHex(sha256.digest()),
            options.effectiveContentType(),
            Instant.now(),
            options.metadata());
    return new MemoryBlob(chunks.toArray(new byte[0][]), info);
  }

  /**
   * Returns this content under another key, sharing the chunks.
   *
   * @param targetKey the new key
   * @return the copy
   */
  MemoryBlob copyTo(String targetKey) {
    BlobInfo copied =
        new BlobInfo(
            targetKey,
            info.size(),
            info.etag(),
            info.contentType(),
            Instant.now(),
            info.metadata());
    return new MemoryBlob(chunks, copied);
  }

  /** Returns the info of this version. */
  BlobInfo info() {
    return info;
  }

  /**
   * Opens a stream over part of the content.
   *
   * @param offset the first byte
   * @param length how many bytes
   * @return the stream
   */
  InputStream open(long offset, long length) {
    return new ChunkInputStream(chunks, offset, length);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM must provide SHA-256", e);
    }
  }

  /** Reads a range across chunks without copying them. */
  private static final class ChunkInputStream extends InputStream {
    private final byte[][] chunks;
    private long position;
    private final long end;

    ChunkInputStream(byte[][] chunks, long offset, long length) {
      this.chunks = chunks;
      this.position = offset;
      this.end = offset + length;
    }

    @Override
    public int read() {
      if (position >= end) {
        return -1;
      }
      byte b = chunks[(int) (position / CHUNK_BYTES)][(int) (position % CHUNK_BYTES)];
      position++;
      return b & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (position >= end) {
        return -1;
      }
      int within = (int) (position % CHUNK_BYTES);
      byte[] chunk = chunks[(int) (position / CHUNK_BYTES)];
      int n = (int) Math.min(Math.min(len, chunk.length - within), end - position);
      System.arraycopy(chunk, within, buffer, off, n);
      position += n;
      return n;
    }

    @Override
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, end - position);
    }
  }
}
