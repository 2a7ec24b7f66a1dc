package dev.plinth.server.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps a body JSON-B cannot read (bad syntax or wrong types) to 400 {@code malformed-json}. */
@Provider
public final class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

  @Override
  public Response toResponse(JsonbException e) {
    return MalformedJsonMapper.malformed().toResponse();
  }
}
