package dev.plinth.server.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/**
 * Maps Bean Validation failures to 400 {@code validation}, naming the first invalid field (sorted,
 * so the answer is stable) without the Java method and parameter names.
 */
@Provider
public final class ConstraintViolationMapper
    implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException e) {
    ConstraintViolation<?> first =
        e.getConstraintViolations().stream()
            .min(Comparator.comparing(v -> String.valueOf(v.getPropertyPath())))
            .orElse(null);
    if (first == null) {
      return Problem.of(400, "validation", "Invalid request", "The request is invalid.")
          .toResponse();
    }
    String field = fieldName(first.getPropertyPath());
    return Problem.of(400, "validation", "Invalid request", field + ": " + first.getMessage())
        .with("field", field)
        .toResponse();
  }

  /** Drops the method and parameter nodes ({@code create.arg0.name} becomes {@code name}). */
  private static String fieldName(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> {}
        default -> {
          if (field.length() > 0) {
            field.append('.');
          }
          field.append(node.getName());
        }
      }
    }
    return field.length() == 0 ? "body" : field.toString();
  }
}
