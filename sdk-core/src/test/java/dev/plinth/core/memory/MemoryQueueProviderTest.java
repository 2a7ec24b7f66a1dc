package dev.plinth.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.queue.QueueDriver;
import dev.plinth.spi.queue.QueueProvider;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MemoryQueueProviderTest {

  private static ProviderContext context(Map<String, String> values) {
    return new ProviderContext("queue", new MapPlinthConfig(values), Telemetry.noop());
  }

  @Test
  void serviceLoader_findsTheMemoryProvider() {
    assertThat(ServiceLoader.load(QueueProvider.class).stream().map(p -> p.get().name()))
        .contains("memory");
  }

  @Test
  void create_readsSettingsAndDeclaresCapabilities() {
    try (QueueDriver driver =
        new MemoryQueueProvider()
            .create(
                context(
                    Map.of(
                        "plinth.queue.memory.duplicate-window", "1m",
                        "plinth.queue.memory.close-timeout", "250ms")))) {
      assertThat(driver.capabilities().features())
          .containsExactlyInAnyOrder(
              QueueCapabilities.SCHEDULED_DELIVERY,
              QueueCapabilities.ORDERING,
              QueueCapabilities.DUPLICATE_DETECTION);
      assertThat(driver.capabilities().supports(QueueCapabilities.DURABLE)).isFalse();
    }
  }

  @Test
  void create_badDuration_failsNamingTheKey() {
    MemoryQueueProvider provider = new MemoryQueueProvider();
    ProviderContext bad = context(Map.of("plinth.queue.memory.duplicate-window", "soon"));
    assertThatThrownBy(() -> provider.create(bad))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("plinth.queue.memory.duplicate-window");
  }
}
