package dev.plinth.server.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A concurrent update won the race between read and write: 412, as for a stale If-Match. */
@Provider
public final class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {

  @Override
  public Response toResponse(OptimisticLockException e) {
    return conflict().toResponse();
  }

  static Problem conflict() {
    return Problem.of(
        412,
        "precondition-failed",
        "Precondition failed",
        "The resource was changed concurrently; GET it again and retry with its ETag.");
  }
}
