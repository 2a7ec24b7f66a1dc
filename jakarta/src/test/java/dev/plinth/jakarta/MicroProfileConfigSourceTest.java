package dev.plinth.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MicroProfileConfigSourceTest {
  private final MicroProfileConfigSource source =
      new MicroProfileConfigSource(
          new MapConfig(
              Map.of("plinth.storage.provider", "memory", "java.home", "/jdk", "other", "x")));

  @Test
  void get_readsThroughMicroProfileConfig() {
    assertThat(source.get("plinth.storage.provider")).contains("memory");
    assertThat(source.get("plinth.cache.provider")).isEmpty();
  }

  @Test
  void keys_listsOnlyPlinthKeys() {
    assertThat(source.keys()).containsExactly("plinth.storage.provider");
  }

  @Test
  void ordinal_sitsBetweenSystemPropertiesAndBuilderProperties() {
    assertThat(source.ordinal()).isGreaterThan(400).isLessThan(500);
  }
}
