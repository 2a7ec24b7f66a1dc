package dev.plinth.server.execution;

import dev.plinth.error.NotFoundException;
import dev.plinth.server.execution.ExecutionRepository.Filter;
import dev.plinth.server.execution.ExecutionRepository.Transition;
import dev.plinth.server.problem.Problem;
import dev.plinth.server.problem.RequestValidationException;
import dev.plinth.server.workflow.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** Reads and cancels executions. Roles: viewer reads, user and admin also cancel. */
@Path("/executions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {
  @Inject ExecutionService executions;
  @Inject ExecutionRepository repository;

  /**
   * Lists executions, newest first.
   *
   * @param workflow only this workflow's
   * @param status only this status
   * @param page zero-based page (default 0)
   * @param size page size (default 20, at most 100)
   * @return {@code {"items": [...], "page", "size", "total"}}
   */
  @GET
  @RolesAllowed({"viewer", "user", "admin"})
  public JsonObject list(
      @QueryParam("workflow") String workflow,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    PageRequest request = PageRequest.parse(page, size);
    Filter filter =
        new Filter(
            workflow == null || workflow.isBlank() ? null : workflow.trim(),
            status == null || status.isBlank() ? null : parseStatus(status.trim()));
    JsonArrayBuilder items = Json.createArrayBuilder();
    repository
        .list(filter, request.page(), request.size())
        .forEach(e -> items.add(ExecutionJson.summary(e)));
    return Json.createObjectBuilder()
        .add("items", items)
        .add("page", request.page())
        .add("size", request.size())
        .add("total", repository.count(filter))
        .build();
  }

  /**
   * Returns an execution: status, step results, attempts, timestamps, error.
   *
   * @param id the id
   * @return the execution
   */
  @GET
  @Path("/{id}")
  @RolesAllowed({"viewer", "user", "admin"})
  public JsonObject get(@PathParam("id") String id) {
    return executions.view(id).orElseThrow(() -> notFound(id));
  }

  /**
   * Cancels an execution that has not finished; a running one stops before its next step.
   *
   * @param id the id
   * @return 200 with the cancelled execution; 409 when it already finished
   */
  @POST
  @Path("/{id}/cancel")
  @RolesAllowed({"user", "admin"})
  public Response cancel(@PathParam("id") String id) {
    Transition result = executions.transition(id, e -> e.cancel(Instant.now()));
    if (!result.found()) {
      throw notFound(id);
    }
    if (!result.changed()) {
      return Problem.of(
              409,
              "already-finished",
              "Execution already finished",
              "Execution '"
                  + id
                  + "' is "
                  + result.execution().status().id()
                  + "; only queued or running executions can be cancelled.")
          .toResponse();
    }
    return Response.ok(ExecutionJson.full(result.execution())).build();
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("No execution with id '" + id + "'.");
  }

  private static ExecutionStatus parseStatus(String status) {
    return ExecutionStatus.parse(status)
        .orElseThrow(
            () ->
                new RequestValidationException(
                    "status",
                    "Must be one of queued, running, succeeded, failed, cancelled,"
                        + " dead_lettered."));
  }
}
