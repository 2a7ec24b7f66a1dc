package dev.plinth.core.memory;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.auth.AuthenticatorProvider;
import dev.plinth.spi.cache.CacheProvider;
import dev.plinth.spi.queue.QueueProvider;
import dev.plinth.spi.storage.BlobStoreProvider;
import dev.plinth.spi.telemetry.TelemetryProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The provider-discovery contract for every provider sdk-core ships: the memory provider of each
 * port and telemetry {@code none}. None needs configuration, so one parameterized class serves.
 */
@ParameterizedClass(name = "{1} ({0})")
@MethodSource("builtInProviders")
class BuiltInProvidersDiscoveryTest extends ProviderDiscoveryContract {
  @Parameter(0)
  Class<? extends PlinthProvider<?>> spi;

  @Parameter(1)
  String name;

  static Stream<Arguments> builtInProviders() {
    return Stream.of(
        Arguments.of(BlobStoreProvider.class, "memory"),
        Arguments.of(CacheProvider.class, "memory"),
        Arguments.of(QueueProvider.class, "memory"),
        Arguments.of(AuthenticatorProvider.class, "memory"),
        Arguments.of(TelemetryProvider.class, "memory"),
        Arguments.of(TelemetryProvider.class, "none"));
  }

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return spi;
  }

  @Override
  protected String providerName() {
    return name;
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of();
  }
}
