package dev.plinth.core.config;

import dev.plinth.config.ConfigSource;
import dev.plinth.config.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provider of every port for a profile, ordinal 0 (any other source overrides it):
 *
 * <ul>
 *   <li>{@code local}: storage filesystem, cache memory, queue artemis, auth dev, telemetry console
 *   <li>{@code azure}: azure-blob, azure-redis, azure-servicebus, entra-id, app-insights
 *   <li>{@code memory}: memory for every port
 * </ul>
 */
public final class ProfileDefaults implements ConfigSource {
  /** The ordinal of profile defaults. */
  public static final int ORDINAL = 0;

  private final Profile profile;
  private final Map<String, String> values;

  /**
   * Creates the defaults of a profile.
   *
   * @param profile the active profile
   */
  public ProfileDefaults(Profile profile) {
    this.profile = profile;
    this.values =
        switch (profile) {
          case LOCAL -> providers("filesystem", "memory", "artemis", "dev", "console");
          case AZURE ->
              providers(
                  "azure-blob", "azure-redis", "azure-servicebus", "entra-id", "app-insights");
          case MEMORY -> providers("memory", "memory", "memory", "memory", "memory");
        };
  }

  private static Map<String, String> providers(
      String storage, String cache, String queue, String auth, String telemetry) {
    return Map.of(
        "plinth.storage.provider", storage,
        "plinth.cache.provider", cache,
        "plinth.queue.provider", queue,
        "plinth.auth.provider", auth,
        "plinth.telemetry.provider", telemetry);
  }

  @Override
  public String name() {
    return "profile-defaults(" + profile.id() + ")";
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
