package dev.plinth.server.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime wraps a body it could not read in {@link ProcessingException}: a JSON cause is
 * the client's fault (400 {@code malformed-json}), anything else is a server error.
 */
@Provider
public final class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonException || t instanceof JsonbException) {
        return MalformedJsonMapper.malformed().toResponse();
      }
    }
    return ServerErrors.internal(e);
  }
}
