package dev.plinth.azure.storage;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobCopyInfo;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.ConsistentReadControl;
import com.azure.storage.blob.models.CopyStatusType;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobBeginCopyOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.specialized.BlobInputStream;
import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.ByteRange;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import dev.plinth.storage.StorageCapabilities;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Azure Blob Storage behind the {@link BlobStoreDriver} SPI: one container, block blobs, ETag
 * conditions evaluated by the service, consistent chunked reads pinned to one ETag, server-side
 * copies and SAS presigning.
 */
public final class AzureBlobStoreDriver implements BlobStoreDriver {
  /** Azure's limit on the number of committed blocks in one block blob. */
  static final long MAX_BLOCKS = 50_000;

  /** How long a server-side copy may take before the driver gives up waiting. */
  private static final Duration COPY_TIMEOUT = Duration.ofMinutes(10);

  /** A health check answers quickly rather than waiting out the SDK's retries. */
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

  private final AzureBlobSettings settings;
  private final BlobContainerClient container;
  private final SasPresigner presigner;
  private final BlobUploader uploader;
  private final AzureErrors errors;
  private final Capabilities capabilities;

  /**
   * Creates a driver over built clients. Does not contact Azure.
   *
   * @param settings validated settings
   * @param clients the SDK clients
   */
  AzureBlobStoreDriver(AzureBlobSettings settings, AzureBlobClients clients) {
    this.settings = settings;
    this.container = clients.container();
    this.presigner = clients.presigner();
    this.uploader = new BlobUploader(settings.blockSize(), settings.maxConcurrency());
    this.errors = new AzureErrors(settings.container());
    Capabilities.Builder caps =
        Capabilities.builder()
            .feature(
                StorageCapabilities.CONDITIONAL_WRITES,
                StorageCapabilities.RANGE_READS,
                StorageCapabilities.SERVER_SIDE_COPY)
            .limit(StorageCapabilities.MAX_BLOB_BYTES, MAX_BLOCKS * settings.blockSize());
    if (presigner != null) {
      caps.feature(StorageCapabilities.PRESIGN);
    }
    this.capabilities = caps.build();
  }

  @Override
  public BlobInfo put(String key, InputStream content, long length, PutOptions options) {
    try {
      return uploader.upload(container.getBlobClient(key), content, length, options);
    } catch (RuntimeException e) {
      throw errors.mapWrite(key, BlobUploader.isConditional(options), e);
    }
  }

  /** Sends the caller's array as the request body, without the stream path's buffer copy. */
  @Override
  public BlobInfo put(String key, byte[] content, PutOptions options) {
    try {
      return uploader.upload(container.getBlobClient(key), content, options);
    } catch (RuntimeException e) {
      throw errors.mapWrite(key, BlobUploader.isConditional(options), e);
    }
  }

  @Override
  public Blob get(String key, ByteRange range) {
    BlobInputStream in;
    try {
      // One download gives the first chunk and the properties of the same version; later chunks
      // carry If-Match with that version's ETag.
      in =
          container
              .getBlobClient(key)
              .openInputStream(
                  new BlobInputStreamOptions()
                      .setRange(range == null ? null : blobRange(range))
                      .setBlockSize((int) settings.blockSize())
                      .setConsistentReadControl(ConsistentReadControl.ETAG),
                  Context.NONE);
    } catch (RuntimeException e) {
      throw errors.map("get", key, e);
    }
    BlobProperties properties = in.getProperties();
    BlobInfo info = BlobInfos.of(key, properties);
    ByteRange resolved;
    try {
      resolved = range == null ? null : range.resolve(info.size());
    } catch (IllegalArgumentException e) {
      closeQuietly(in);
      throw e;
    }
    return new Blob(info, new PinnedBlobStream(in, key, info.etag()), resolved);
  }

  @Override
  public BlobInfo stat(String key) {
    try {
      return BlobInfos.of(key, container.getBlobClient(key).getProperties());
    } catch (RuntimeException e) {
      throw errors.map("stat", key, e);
    }
  }

  @Override
  public boolean delete(String key) {
    try {
      return container
          .getBlobClient(key)
          .deleteIfExistsWithResponse(DeleteSnapshotsOptionType.INCLUDE, null, null, Context.NONE)
          .getValue();
    } catch (RuntimeException e) {
      throw errors.map("delete", key, e);
    }
  }

  @Override
  public BlobPage list(String prefix, int pageSize, String continuationToken) {
    ListBlobsOptions options =
        new ListBlobsOptions()
            .setPrefix(prefix.isEmpty() ? null : prefix)
            .setMaxResultsPerPage(pageSize)
            .setDetails(new BlobListDetails().setRetrieveMetadata(true));
    try {
      String token = continuationToken;
      List<BlobInfo> items = new ArrayList<>();
      // Azure may return an empty page with a marker; follow it so callers never see one.
      do {
        Iterator<PagedResponse<BlobItem>> pages =
            container.listBlobs(options, null).iterableByPage(token, pageSize).iterator();
        if (!pages.hasNext()) {
          return new BlobPage(items, null);
        }
        try (PagedResponse<BlobItem> page = pages.next()) {
          page.getElements().forEach(item -> items.add(BlobInfos.of(item)));
          token = page.getContinuationToken();
        }
        token = token == null || token.isEmpty() ? null : token;
      } while (items.isEmpty() && token != null);
      return new BlobPage(items, token);
    } catch (java.io.IOException e) {
      throw new ProviderUnavailableException("Listing '" + prefix + "' failed: " + e, e);
    } catch (RuntimeException e) {
      throw errors.map("list", prefix, e);
    }
  }

  @Override
  public BlobInfo copy(String sourceKey, String targetKey) {
    BlobClient source = container.getBlobClient(sourceKey);
    BlobClient target = container.getBlobClient(targetKey);
    try {
      // Shared-key requests authorize a same-account source themselves; a token-authenticated
      // copy hands the service a short read SAS for the source instead.
      String sourceUrl =
          presigner != null && presigner.isUserDelegation()
              ? presigner.readUrl(source, Duration.ofMinutes(15))
              : source.getBlobUrl();
      SyncPoller<BlobCopyInfo, Void> poller =
          target.beginCopy(
              new BlobBeginCopyOptions(sourceUrl).setPollInterval(Duration.ofMillis(500)));
      PollResponse<BlobCopyInfo> done = poller.waitForCompletion(COPY_TIMEOUT);
      BlobCopyInfo copy = done.getValue();
      if (copy != null && copy.getCopyStatus() != CopyStatusType.SUCCESS) {
        throw new ProviderUnavailableException(
            "Copy of '"
                + sourceKey
                + "' to '"
                + targetKey
                + "' ended with status "
                + copy.getCopyStatus()
                + " ("
                + copy.getError()
                + "); retry it");
      }
      return BlobInfos.of(targetKey, target.getProperties());
    } catch (RuntimeException e) {
      throw errors.map("copy", sourceKey, e);
    }
  }

  @Override
  public PresignedUrl presign(String key, PresignMethod method, Duration ttl) {
    if (presigner == null) {
      throw new UnsupportedOperationException(
          "Provider 'azure-blob' does not support '"
              + StorageCapabilities.PRESIGN
              + "' with a SAS connection string; use an account key or Microsoft Entra ID");
    }
    try {
      return presigner.presign(container.getBlobClient(key), method, ttl);
    } catch (RuntimeException e) {
      throw errors.map("presign", key, e);
    }
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public Health health() {
    Map<String, Object> data =
        Map.of("container", settings.container(), "endpoint", container.getAccountUrl());
    try {
      if (container.existsWithResponse(HEALTH_TIMEOUT, Context.NONE).getValue()) {
        return Health.up("Container '" + settings.container() + "' is reachable").withData(data);
      }
      return Health.down(
              "Container '"
                  + settings.container()
                  + "' does not exist; create it or set"
                  + " PLINTH_STORAGE_AZURE_BLOB_CREATE_CONTAINER=true")
          .withData(data);
    } catch (RuntimeException e) {
      return Health.down(errors.map("check", settings.container(), e).getMessage()).withData(data);
    }
  }

  /**
   * Returns the {@link BlobContainerClient} of the configured container.
   *
   * @return the container client
   */
  @Override
  public Object nativeClient() {
    return container;
  }

  /** Nothing to release: the SDK's HTTP client is shared and managed by the SDK. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "AzureBlobStoreDriver{" + settings + '}';
  }

  private static BlobRange blobRange(ByteRange range) {
    return range.length() < 0
        ? new BlobRange(range.offset())
        : new BlobRange(range.offset(), range.length());
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (java.io.IOException | RuntimeException ignored) {
      // The caller gets the range error; a failed close of the half-open download adds nothing.
    }
  }
}
