package dev.plinth.server.problem;

import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers unexpected failures with 500 and a reference id; the stack trace goes to the log only.
 */
final class ServerErrors {
  private static final Logger LOG = Logger.getLogger(ServerErrors.class.getName());

  private ServerErrors() {}

  static Response internal(Throwable e) {
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
    return Problem.of(
            500,
            "internal",
            "Internal server error",
            "The server failed unexpectedly; quote reference " + reference + " when reporting it.")
        .with("reference", reference)
        .toResponse();
  }
}
