package dev.plinth.examples;

import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import java.nio.file.Path;

/** Builds the local profile with its data under a test directory. */
final class LocalPlatform {
  private LocalPlatform() {}

  static Platform start(Path dataDir) {
    return Platform.builder()
        .profile(Profile.LOCAL)
        .property("plinth.storage.filesystem.root", dataDir.resolve("blobs").toString())
        .property("plinth.queue.artemis.data-dir", dataDir.resolve("artemis").toString())
        .property("plinth.telemetry.console.spans", "false")
        .build();
  }
}
