package dev.plinth.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.spi.storage.BlobStoreProvider;
import dev.plinth.storage.StorageCapabilities;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MemoryBlobStoreProviderTest {

  private static ProviderContext context(Map<String, String> values) {
    return new ProviderContext("storage", new MapPlinthConfig(values), Telemetry.noop());
  }

  @Test
  void serviceLoader_findsMemoryProvider() {
    assertThat(ServiceLoader.load(BlobStoreProvider.class).stream())
        .extracting(p -> p.get().name())
        .contains("memory");
  }

  @Test
  void create_default_declaresCapabilitiesAnd256MiBLimit() {
    try (BlobStoreDriver driver = new MemoryBlobStoreProvider().create(context(Map.of()))) {
      assertThat(driver.capabilities().limit(StorageCapabilities.MAX_BLOB_BYTES))
          .hasValue(256L * 1024 * 1024);
      assertThat(driver.capabilities().supports(StorageCapabilities.CONDITIONAL_WRITES)).isTrue();
      assertThat(driver.capabilities().supports(StorageCapabilities.PRESIGN)).isFalse();
    }
  }

  @Test
  void create_maxBytesSetting_isApplied() {
    try (BlobStoreDriver driver =
        new MemoryBlobStoreProvider()
            .create(context(Map.of("plinth.storage.memory.max-bytes", "4096")))) {
      assertThat(driver.capabilities().limit(StorageCapabilities.MAX_BLOB_BYTES)).hasValue(4096);
    }
  }

  @Test
  void create_nonPositiveMaxBytes_failsNamingKey() {
    assertThatThrownBy(
            () ->
                new MemoryBlobStoreProvider()
                    .create(context(Map.of("plinth.storage.memory.max-bytes", "0"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.storage.memory.max-bytes");
  }
}
