package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.plinth.Port;
import dev.plinth.spi.Driver;
import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.auth.AuthenticatorProvider;
import dev.plinth.spi.cache.CacheProvider;
import dev.plinth.spi.queue.QueueProvider;
import dev.plinth.spi.storage.BlobStoreProvider;
import dev.plinth.spi.telemetry.TelemetryProvider;
import dev.plinth.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Checks that a provider is discoverable and well-behaved as a plug-in: registered once in {@code
 * META-INF/services} under its port's SPI, named in lower case with dashes, described, and able to
 * create a driver from minimal configuration that reports capabilities and health and closes
 * idempotently.
 */
public abstract class ProviderDiscoveryContract {

  /**
   * Returns the SPI the provider implements, e.g. {@code BlobStoreProvider.class}.
   *
   * @return the SPI type
   */
  protected abstract Class<? extends PlinthProvider<?>> spiType();

  /**
   * Returns the provider's name, e.g. {@code filesystem}.
   *
   * @return the name
   */
  protected abstract String providerName();

  /**
   * Returns the smallest configuration (full dotted keys) with which {@code create} succeeds, e.g.
   * {@code plinth.storage.filesystem.root=<temp dir>}.
   *
   * @return the configuration
   */
  protected abstract Map<String, String> minimalConfig();

  /**
   * Returns the port name for the provider context; derived from {@link #spiType()}.
   *
   * @return {@code storage}, {@code cache}, {@code queue}, {@code auth} or {@code telemetry}
   */
  protected String port() {
    Class<?> spi = spiType();
    if (BlobStoreProvider.class.isAssignableFrom(spi)) {
      return "storage";
    }
    if (CacheProvider.class.isAssignableFrom(spi)) {
      return "cache";
    }
    if (QueueProvider.class.isAssignableFrom(spi)) {
      return "queue";
    }
    if (AuthenticatorProvider.class.isAssignableFrom(spi)) {
      return "auth";
    }
    if (TelemetryProvider.class.isAssignableFrom(spi)) {
      return "telemetry";
    }
    throw new IllegalStateException("Unknown SPI " + spi.getName() + "; override port()");
  }

  private List<PlinthProvider<?>> providersNamed(String name) {
    List<PlinthProvider<?>> found = new ArrayList<>();
    for (PlinthProvider<?> provider : ServiceLoader.load(spiType())) {
      if (provider.name().equals(name)) {
        found.add(provider);
      }
    }
    return found;
  }

  private PlinthProvider<?> provider() {
    List<PlinthProvider<?>> found = providersNamed(providerName());
    assertThat(found).as("providers named '%s'", providerName()).hasSize(1);
    return found.get(0);
  }

  @Test
  void serviceLoader_findsExactlyOneProviderWithTheName() {
    assertThat(providersNamed(providerName())).hasSize(1);
  }

  @Test
  void name_isLowerCaseWithDashes() {
    assertThat(provider().name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
  }

  @Test
  void description_isNotBlank() {
    assertThat(provider().description()).isNotBlank();
  }

  @Test
  void create_withMinimalConfig_returnsDriverThatReportsAndClosesIdempotently() throws Exception {
    ProviderContext context =
        new ProviderContext(port(), new MapPlinthConfig(minimalConfig()), Telemetry.noop());

    Object driver = provider().create(context);

    assertThat(driver).isNotNull();
    if (driver instanceof Driver d) {
      assertThat(d.capabilities()).isNotNull();
      assertThat(d.health()).isNotNull();
      assertThat(d.nativeClient()).isNotNull();
    } else {
      assertThat(driver).isInstanceOf(Port.class);
      assertThat(((Port) driver).capabilities()).isNotNull();
      assertThat(((Port) driver).health()).isNotNull();
    }
    AutoCloseable closeable = (AutoCloseable) driver;
    closeable.close();
    assertThatCode(closeable::close).as("second close").doesNotThrowAnyException();
  }
}
