package dev.plinth.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Which Maven artifact ships each provider name, so a missing one can be named in errors. */
final class KnownProviders {
  /** The artifact of the embedded providers. */
  static final String LOCAL = "dev.plinth:plinth-providers-local";

  /** The artifact of the Azure providers. */
  static final String AZURE = "dev.plinth:plinth-providers-azure";

  /** The artifact of the memory providers. */
  static final String CORE = "dev.plinth:plinth-sdk-core";

  private static final Map<String, String> ARTIFACTS = new LinkedHashMap<>();

  static {
    for (String name : new String[] {"filesystem", "artemis", "dev", "redis", "console"}) {
      ARTIFACTS.put(name, LOCAL);
    }
    for (String name :
        new String[] {
          "azure-blob", "azure-servicebus", "entra-id", "azure-redis", "app-insights"
        }) {
      ARTIFACTS.put(name, AZURE);
    }
    ARTIFACTS.put("memory", CORE);
  }

  private KnownProviders() {}

  /**
   * Returns the artifact that ships a provider.
   *
   * @param name the provider name
   * @return the Maven coordinates, or empty for an unknown name
   */
  static Optional<String> artifactOf(String name) {
    return Optional.ofNullable(ARTIFACTS.get(name));
  }

  /**
   * Describes the whole table for an error message.
   *
   * @return e.g. {@code filesystem, artemis, ... -> dev.plinth:plinth-providers-local; ...}
   */
  static String table() {
    Map<String, List<String>> byArtifact = new LinkedHashMap<>();
    ARTIFACTS.forEach(
        (name, artifact) -> byArtifact.computeIfAbsent(artifact, a -> new ArrayList<>()).add(name));
    StringJoiner table = new StringJoiner("; ");
    byArtifact.forEach((artifact, names) -> table.add(String.join("/", names) + " -> " + artifact));
    return table.toString();
  }
}
