package dev.plinth.server.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps {@link RequestValidationException} to 400 {@code validation} naming the field. */
@Provider
public final class RequestValidationMapper implements ExceptionMapper<RequestValidationException> {

  @Override
  public Response toResponse(RequestValidationException e) {
    return Problem.of(400, "validation", "Invalid request", e.getMessage())
        .with("field", e.field())
        .toResponse();
  }
}
