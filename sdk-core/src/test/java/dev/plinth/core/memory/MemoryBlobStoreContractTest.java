package dev.plinth.core.memory;

import dev.plinth.core.storage.PortableBlobStore;
import dev.plinth.storage.BlobStore;
import dev.plinth.tck.BlobStoreContract;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the blob store contract against the memory provider. */
class MemoryBlobStoreContractTest extends BlobStoreContract {
  private static PortableBlobStore store;

  @BeforeAll
  static void start() {
    store =
        new PortableBlobStore(
            "memory", new MemoryBlobStoreDriver(), Telemetry.noop(), MapPlinthConfig.empty());
  }

  @AfterAll
  static void stop() {
    store.close();
  }

  @Override
  protected BlobStore blobStore() {
    return store;
  }

  @Override
  protected long largeBlobBytes() {
    return 32L * 1024 * 1024;
  }
}
