package dev.plinth.jakarta;

import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * An empty MicroProfile Config for code that calls {@code ConfigProvider.getConfig()} in tests
 * (SmallRye Metrics reads its optional {@code mp.metrics.*} settings that way).
 */
public final class EmptyConfigResolver extends ConfigProviderResolver {
  private static final Config EMPTY = new MapConfig(Map.of());

  @Override
  public Config getConfig() {
    return EMPTY;
  }

  @Override
  public Config getConfig(ClassLoader loader) {
    return EMPTY;
  }

  @Override
  public ConfigBuilder getBuilder() {
    throw new UnsupportedOperationException("not needed by the tests");
  }

  @Override
  public void registerConfig(Config config, ClassLoader classLoader) {}

  @Override
  public void releaseConfig(Config config) {}
}
