package dev.plinth.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.config.ConfigSource;
import dev.plinth.config.Profile;
import dev.plinth.error.ConfigurationException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

  @Test
  void environmentSource_mapsDottedKeyToEnvName() {
    EnvironmentSource env =
        new EnvironmentSource(
            Map.of("PLINTH_STORAGE_PROVIDER", "memory", "PLINTH_AUTH_MEMORY_ROTATION_GRACE", "1m"));

    assertThat(env.get("plinth.storage.provider")).contains("memory");
    assertThat(env.get("plinth.auth.memory.rotation-grace")).contains("1m");
    assertThat(env.get("plinth.cache.provider")).isEmpty();
    assertThat(env.keys()).contains("plinth.storage.provider");
    assertThat(env.ordinal()).isEqualTo(300);
  }

  @Test
  void systemPropertiesSource_readsGivenProperties() {
    Properties properties = new Properties();
    properties.setProperty("plinth.queue.provider", "memory");
    properties.setProperty("java.home", "/x");
    SystemPropertiesSource source = new SystemPropertiesSource(properties);

    assertThat(source.get("plinth.queue.provider")).contains("memory");
    assertThat(source.keys()).containsExactly("plinth.queue.provider");
    assertThat(source.ordinal()).isEqualTo(400);
  }

  @Test
  void mergedConfig_highestOrdinalWinsAndKeysAreUnited() {
    MergedConfig config =
        new MergedConfig(
            List.of(
                new MapConfigSource("low", 100, Map.of("a", "low", "b", "low")),
                new MapConfigSource("high", 400, Map.of("a", "high", "c", "high"))));

    assertThat(config.get("a")).contains("high");
    assertThat(config.get("b")).contains("low");
    assertThat(config.keys()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(config.profile()).isEqualTo(Profile.LOCAL);
  }

  @Test
  void mergedConfig_unknownProfile_failsNamingAllowedValues() {
    List<ConfigSource> sources =
        List.of(new MapConfigSource("b", 500, Map.of("plinth.profile", "moon")));

    assertThatThrownBy(() -> new MergedConfig(sources))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'moon'")
        .hasMessageContaining("[local, azure, memory]");
  }

  @Test
  void profileDefaults_nameAProviderForEveryPort() {
    assertThat(new ProfileDefaults(Profile.LOCAL).get("plinth.storage.provider"))
        .contains("filesystem");
    assertThat(new ProfileDefaults(Profile.LOCAL).get("plinth.telemetry.provider"))
        .contains("console");
    assertThat(new ProfileDefaults(Profile.AZURE).get("plinth.queue.provider"))
        .contains("azure-servicebus");
    assertThat(new ProfileDefaults(Profile.AZURE).get("plinth.auth.provider")).contains("entra-id");
    assertThat(new ProfileDefaults(Profile.MEMORY).keys()).hasSize(5);
    assertThat(new ProfileDefaults(Profile.MEMORY).get("plinth.cache.provider")).contains("memory");
  }

  @Test
  void propertiesFileSource_namedFileWinsOverClasspath(@TempDir Path dir) throws Exception {
    Path classpath = Files.createDirectories(dir.resolve("cp"));
    Files.writeString(classpath.resolve("plinth.properties"), "a=classpath\nb=classpath\n");
    Path file = Files.writeString(dir.resolve("extra.properties"), "a=file\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
      PropertiesFileSource source = new PropertiesFileSource(loader, file);

      assertThat(source.get("a")).contains("file");
      assertThat(source.get("b")).contains("classpath");
      assertThat(source.ordinal()).isEqualTo(100);
    }
  }

  @Test
  void propertiesFileSource_missingNamedFile_failsNamingTheKey(@TempDir Path dir) {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> new PropertiesFileSource(getClass().getClassLoader(), missing))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).contains("plinth.config.file"))
        .hasMessageContaining("nope.properties");
  }

  @Test
  void configLoader_appliesFullPrecedenceAndProfileDefaults(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("p.properties"),
            "plinth.profile=azure\nplinth.cache.provider=file-cache\nplinth.queue.provider=q\n");

    MergedConfig config =
        ConfigLoader.load(
            List.of(new MapConfigSource("builder", 500, Map.of("plinth.queue.provider", "b"))),
            Map.of("PLINTH_CONFIG_FILE", file.toString(), "PLINTH_STORAGE_PROVIDER", "env-store"),
            getClass().getClassLoader());

    assertThat(config.profile()).isEqualTo(Profile.AZURE);
    assertThat(config.get("plinth.queue.provider")).contains("b");
    assertThat(config.get("plinth.storage.provider")).contains("env-store");
    assertThat(config.get("plinth.cache.provider")).contains("file-cache");
    assertThat(config.get("plinth.auth.provider")).contains("entra-id");
  }
}
