package dev.plinth.azure.storage;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import dev.plinth.error.PlinthException;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Uploads one blob with bounded memory. Content of known length up to one block goes in a single
 * Put Blob; anything larger, or of unknown length, is staged block by block and committed with one
 * Put Block List, so the blob appears atomically (or not at all if the stream fails). The SDK keeps
 * at most {@code maxConcurrency} blocks of {@code blockSize} bytes in memory per upload.
 */
final class BlobUploader {
  private final long blockSize;
  private final ParallelTransferOptions transfer;

  /**
   * Creates the uploader.
   *
   * @param blockSize bytes per staged block, and the largest single-request upload
   * @param maxConcurrency blocks staged in parallel per upload
   */
  BlobUploader(long blockSize, int maxConcurrency) {
    this.blockSize = blockSize;
    this.transfer =
        new ParallelTransferOptions()
            .setBlockSizeLong(blockSize)
            .setMaxSingleUploadSizeLong(blockSize)
            .setMaxConcurrency(maxConcurrency);
  }

  /**
   * Uploads a blob, evaluating the options' condition atomically with the commit.
   *
   * @param blob the target blob
   * @param content the content (read to its end, not closed)
   * @param length the exact length, or -1
   * @param options validated options
   * @return the new blob's info
   */
  BlobInfo upload(BlobClient blob, InputStream content, long length, PutOptions options) {
    CountingStream counted = new CountingStream(content);
    BlockBlobItem item;
    if (length >= 0 && length <= blockSize) {
      // At most one block: buffered, so the SDK can replay it on a retry (the caller's stream
      // cannot be rewound).
      byte[] bytes = readExactly(counted, (int) length, blob.getBlobName());
      item = uploadSingle(blob, bytes, options);
    } else {
      item = uploadStaged(blob, new BlobParallelUploadOptions(counted), options);
    }
    return info(blob, counted.count, item, options);
  }

  /**
   * Uploads content already in memory without copying it: the SDK sends the array itself (a
   * replayable body, so a retry resends it as it is). Up to one block it is one Put Blob, larger
   * content is staged and committed as for a stream, with the same condition and headers.
   *
   * @param blob the target blob
   * @param content the content; only read
   * @param options validated options
   * @return the new blob's info
   */
  BlobInfo upload(BlobClient blob, byte[] content, PutOptions options) {
    BlockBlobItem item =
        content.length <= blockSize
            ? uploadSingle(blob, content, options)
            : uploadStaged(
                blob, new BlobParallelUploadOptions(BinaryData.fromBytes(content)), options);
    return info(blob, content.length, item, options);
  }

  private static BlockBlobItem uploadSingle(BlobClient blob, byte[] content, PutOptions options) {
    return blob.getBlockBlobClient()
        .uploadWithResponse(
            new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(content))
                .setHeaders(headers(options))
                .setMetadata(options.metadata())
                .setRequestConditions(conditions(options)),
            null,
            Context.NONE)
        .getValue();
  }

  private BlockBlobItem uploadStaged(
      BlobClient blob, BlobParallelUploadOptions upload, PutOptions options) {
    return blob.uploadWithResponse(
            upload
                .setParallelTransferOptions(transfer)
                .setHeaders(headers(options))
                .setMetadata(options.metadata())
                .setRequestConditions(conditions(options)),
            null,
            Context.NONE)
        .getValue();
  }

  private static BlobInfo info(BlobClient blob, long size, BlockBlobItem item, PutOptions options) {
    return new BlobInfo(
        blob.getBlobName(),
        size,
        BlobInfos.quoted(item.getETag()),
        options.effectiveContentType(),
        item.getLastModified() == null ? null : item.getLastModified().toInstant(),
        options.metadata());
  }

  private static BlobHttpHeaders headers(PutOptions options) {
    return new BlobHttpHeaders().setContentType(options.effectiveContentType());
  }

  /**
   * Tells whether a put carries a condition.
   *
   * @param options the options
   * @return true for ifMatch or ifNoneMatch
   */
  static boolean isConditional(PutOptions options) {
    return options.ifMatchEtag() != null || options.isIfNoneMatch();
  }

  private static byte[] readExactly(InputStream in, int length, String key) {
    try {
      // One exact array (readNBytes(int) would gather chunks and then copy them once more).
      byte[] bytes = new byte[length];
      int read = in.readNBytes(bytes, 0, length);
      if (read < length || in.read() >= 0) {
        throw new PlinthException(
            "Content for '"
                + key
                + "' was declared as "
                + length
                + " bytes but the stream "
                + (read < length ? "ended after " + read : "has more")
                + "; nothing was stored. Pass the exact length, or -1 if unknown.");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the content for '" + key + "' failed", e);
    }
  }

  private static BlobRequestConditions conditions(PutOptions options) {
    BlobRequestConditions conditions = new BlobRequestConditions();
    if (options.ifMatchEtag() != null) {
      conditions.setIfMatch(BlobInfos.quoted(options.ifMatchEtag()));
    } else if (options.isIfNoneMatch()) {
      conditions.setIfNoneMatch("*");
    }
    return conditions;
  }

  /** Counts the bytes the SDK reads, for the returned size; never closes the caller's stream. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      throw new IOException("Upload streams are read, not skipped");
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {
      // BlobStore.put reads the caller's stream but never closes it.
    }
  }
}
