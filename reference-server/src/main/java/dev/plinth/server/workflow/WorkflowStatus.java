package dev.plinth.server.workflow;

import java.util.Locale;
import java.util.Optional;

/** The lifecycle of a workflow: only {@code active} workflows are meant to run. */
public enum WorkflowStatus {
  /** Being edited. */
  DRAFT,
  /** Ready to run. */
  ACTIVE,
  /** Kept for history; not to run. */
  ARCHIVED;

  /**
   * Returns the name used in JSON and in the database.
   *
   * @return e.g. {@code draft}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON or database name.
   *
   * @param text e.g. {@code active}
   * @return the status, or empty if unknown
   */
  public static Optional<WorkflowStatus> parse(String text) {
    for (WorkflowStatus status : values()) {
      if (status.id().equals(text)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
