package dev.plinth.azure.storage;

import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.testing.Azurite;
import java.nio.file.Path;
import java.util.Map;

/**
 * Azurite and a {@link Platform} whose storage port is azure-blob on it, selected by configuration
 * as an application would (the other ports off): the fixture of the tests that go through Platform.
 * Start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 *
 * @param azurite the running emulator
 * @param platform the platform on it
 */
record AzuriteBlobPlatform(Azurite azurite, Platform platform) implements AutoCloseable {
  /**
   * Starts Azurite and the platform.
   *
   * @param azuriteHome a directory for Azurite's data and log
   * @param container the container, created if missing
   * @param storageProperties further {@code plinth.storage.azure-blob.*} properties
   * @return the running fixture
   */
  static AzuriteBlobPlatform start(
      Path azuriteHome, String container, Map<String, String> storageProperties) {
    Azurite azurite = Azurite.start(azuriteHome);
    try {
      Platform platform =
          Platform.builder()
              .profile(Profile.MEMORY)
              .property("plinth.storage.provider", "azure-blob")
              .property("plinth.storage.azure-blob.connection-string", azurite.connectionString())
              .property("plinth.storage.azure-blob.container", container)
              .property("plinth.storage.azure-blob.create-container", "true")
              .properties(storageProperties)
              // Only the storage port is under test; the others stay off.
              .property("plinth.cache.provider", "none")
              .property("plinth.queue.provider", "none")
              .property("plinth.auth.provider", "none")
              .build();
      return new AzuriteBlobPlatform(azurite, platform);
    } catch (RuntimeException e) {
      azurite.close();
      throw e;
    }
  }

  /** Closes the platform, then stops Azurite. */
  @Override
  public void close() {
    try {
      platform.close();
    } finally {
      azurite.close();
    }
  }
}
