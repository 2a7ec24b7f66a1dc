package dev.plinth.core.testing;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.spi.storage.BlobStoreProvider;

/** Test-only {@code recording} provider of the storage port. */
public final class RecordingStorageProvider implements BlobStoreProvider {

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public String description() {
    return "Test storage driver that logs its lifecycle";
  }

  @Override
  public BlobStoreDriver create(ProviderContext context) {
    return RecordingDrivers.create(BlobStoreDriver.class, context);
  }
}
