package dev.plinth.azure.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.error.ConfigurationException;
import dev.plinth.queue.QueueCapabilities;
import dev.plinth.spi.queue.QueueProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceBusQueueProviderTest {

  @Test
  void serviceLoader_findsTheProviderByName() {
    assertThat(ServiceLoader.load(QueueProvider.class).stream().map(p -> p.get().name()))
        .contains("azure-servicebus");
  }

  @Test
  void platform_withoutSettings_failsFastNamingTheKey() {
    assertThatThrownBy(
            () ->
                Platform.builder()
                    .profile(Profile.MEMORY)
                    .property("plinth.cache.provider", "none")
                    .property("plinth.queue.provider", "azure-servicebus")
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_QUEUE_AZURE_SERVICEBUS_NAMESPACE");
  }

  @Test
  void platform_withNamespace_startsWithoutNetworkAndDeclaresCapabilities() {
    try (Platform platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .property("plinth.cache.provider", "none")
            .property("plinth.queue.provider", "azure-servicebus")
            .property("plinth.queue.azure-servicebus.namespace", "unit.servicebus.windows.net")
            .build()) {
      assertThat(platform.queue().provider()).isEqualTo("azure-servicebus");
      assertThat(platform.queue().capabilities().supports(QueueCapabilities.SCHEDULED_DELIVERY))
          .isTrue();
      assertThat(platform.queue().unwrap(ServiceBusQueueDriver.class)).isNotNull();
      assertThat(platform.queue().health().detail()).contains("unit.servicebus.windows.net");
    }
  }

  @Test
  void platform_withConnectionString_neverEchoesItInHealth() {
    try (Platform platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .property("plinth.cache.provider", "none")
            .property("plinth.queue.provider", "azure-servicebus")
            .property(
                "plinth.queue.azure-servicebus.connection-string",
                ServiceBusFakes.CONNECTION_STRING)
            .build()) {
      assertThat(platform.queue().health().toString()).doesNotContain("s3cr3t");
      assertThat(platform.describe().toString()).doesNotContain("s3cr3t");
    }
  }
}
