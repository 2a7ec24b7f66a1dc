package dev.plinth.storage;

/** Feature and limit names a {@link BlobStore} provider may declare. */
public final class StorageCapabilities {
  /** {@code ifMatch} / {@code ifNoneMatch} writes are atomic. */
  public static final String CONDITIONAL_WRITES = "storage.conditional-writes";

  /** {@link BlobStore#presign} works. */
  public static final String PRESIGN = "storage.presign";

  /** Range reads are served without reading the skipped bytes. */
  public static final String RANGE_READS = "storage.range-reads";

  /** {@link BlobStore#copy} runs in the backend without streaming through the client. */
  public static final String SERVER_SIDE_COPY = "storage.server-side-copy";

  /** Limit: the largest blob in bytes. */
  public static final String MAX_BLOB_BYTES = "storage.max-blob-bytes";

  private StorageCapabilities() {}
}
