package dev.plinth.core.config;

import dev.plinth.config.ConfigSource;
import dev.plinth.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * {@code plinth.properties} files, ordinal 100: first the one on the classpath, then (winning over
 * it) the file named by {@code plinth.config.file}, if set.
 */
public final class PropertiesFileSource implements ConfigSource {
  /** The ordinal of properties files. */
  public static final int ORDINAL = 100;

  /** The classpath resource that is read. */
  public static final String RESOURCE = "plinth.properties";

  /** The key naming an extra properties file on disk. */
  public static final String FILE_KEY = "plinth.config.file";

  private final Map<String, String> values;

  /**
   * Loads the files.
   *
   * @param classLoader where to look for {@code plinth.properties}
   * @param file the file named by {@code plinth.config.file}, or null
   * @throws ConfigurationException if the named file does not exist or cannot be read
   */
  public PropertiesFileSource(ClassLoader classLoader, Path file) {
    Map<String, String> merged = new HashMap<>(readClasspath(classLoader));
    if (file != null) {
      merged.putAll(readFile(file));
    }
    this.values = Map.copyOf(merged);
  }

  private static Map<String, String> readClasspath(ClassLoader classLoader) {
    URL url = classLoader.getResource(RESOURCE);
    if (url == null) {
      return Map.of();
    }
    try (InputStream in = url.openStream()) {
      return toMap(in);
    } catch (IOException e) {
      throw new ConfigurationException(
          null, "Cannot read " + url + ": " + e.getMessage() + ". Fix or remove the file.", e);
    }
  }

  private static Map<String, String> readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(
          FILE_KEY,
          "The file '"
              + file
              + "' named by '"
              + FILE_KEY
              + "' (PLINTH_CONFIG_FILE) does not exist. Example: PLINTH_CONFIG_FILE=/etc/plinth/plinth.properties");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return toMap(in);
    } catch (IOException e) {
      throw new ConfigurationException(
          FILE_KEY, "Cannot read '" + file + "' named by '" + FILE_KEY + "': " + e.getMessage(), e);
    }
  }

  private static Map<String, String> toMap(InputStream in) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> map = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k).trim()));
    return map;
  }

  @Override
  public String name() {
    return "plinth.properties";
  }

  @Override
  public int ordinal() {
    return ORDINAL;
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public Set<String> keys() {
    return values.keySet();
  }
}
