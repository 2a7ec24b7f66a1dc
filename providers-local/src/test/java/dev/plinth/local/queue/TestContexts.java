package dev.plinth.local.queue;

import dev.plinth.config.PlinthConfig;
import dev.plinth.config.Profile;
import dev.plinth.spi.ProviderContext;
import dev.plinth.telemetry.Telemetry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds provider contexts for the Artemis tests. */
final class TestContexts {
  private TestContexts() {}

  /**
   * Returns a queue-port context holding exactly the given settings.
   *
   * @param settings full keys and values
   * @return the context
   */
  static ProviderContext queueContext(Map<String, String> settings) {
    PlinthConfig config =
        new PlinthConfig() {
          @Override
          public Optional<String> get(String key) {
            return Optional.ofNullable(settings.get(key));
          }

          @Override
          public Set<String> keys() {
            return settings.keySet();
          }

          @Override
          public Profile profile() {
            return Profile.LOCAL;
          }
        };
    return new ProviderContext("queue", config, Telemetry.noop());
  }
}
