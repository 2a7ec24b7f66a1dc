package dev.plinth.local.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.spi.queue.QueueProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ArtemisQueueProviderTest {

  @Test
  void serviceLoader_findsTheArtemisProvider() {
    assertThat(ServiceLoader.load(QueueProvider.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(
            p -> {
              assertThat(p.name()).isEqualTo("artemis");
              assertThat(p.description()).contains("Artemis");
            });
  }
}
