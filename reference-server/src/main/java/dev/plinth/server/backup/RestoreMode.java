package dev.plinth.server.backup;

import java.util.Locale;
import java.util.Optional;

/** How a restore treats rows already in the database. */
public enum RestoreMode {
  /** Only into an empty database (no workflow, no execution): the default, and the safe one. */
  EMPTY,
  /** Delete every workflow, execution and outbox row first, then load the backup. */
  REPLACE,
  /** Add the backup's rows that are missing; a row whose id (or idempotency key) exists is kept. */
  MERGE;

  /**
   * @return the lower-case name used in {@code ?mode=}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code ?mode=}.
   *
   * @param text the parameter, or null for the default
   * @return the mode, or empty when unknown
   */
  public static Optional<RestoreMode> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of(EMPTY);
    }
    for (RestoreMode mode : values()) {
      if (mode.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
