package dev.plinth.server.problem;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps a body that is not valid JSON (JSON-P) to 400 {@code malformed-json}. */
@Provider
public final class MalformedJsonMapper implements ExceptionMapper<JsonException> {

  @Override
  public Response toResponse(JsonException e) {
    return malformed().toResponse();
  }

  /**
   * The problem for an unreadable JSON body. The parser's message is not echoed: it may quote the
   * payload.
   *
   * @return the problem
   */
  static Problem malformed() {
    return Problem.of(
        400,
        "malformed-json",
        "Malformed JSON",
        "The request body is not valid JSON; send a JSON object with Content-Type"
            + " application/json.");
  }
}
