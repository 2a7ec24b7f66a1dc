package dev.plinth.server.execution;

import dev.plinth.error.NotFoundException;
import dev.plinth.server.execution.ExecutionRepository.Creation;
import dev.plinth.server.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Starts executions of a workflow: {@code POST /workflows/{id}/executions} (user, admin). The
 * execution and its queue message are committed together (transactional outbox); with an {@code
 * Idempotency-Key}, the same caller sending the same key gets the same execution back.
 */
@Path("/workflows/{workflowId}/executions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowExecutionsResource {
  @Inject ExecutionService executions;

  /**
   * Queues an execution.
   *
   * @param workflowId the workflow (must be active)
   * @param idempotencyKey optional; the same key returns the same execution
   * @param body optional {@code {"params": {...}}}
   * @param security the caller
   * @param uri for {@code Location}
   * @return 202 with the execution and {@code Location}; 200 when the key was used before
   */
  @POST
  @RolesAllowed({"user", "admin"})
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response create(
      @PathParam("workflowId") String workflowId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      String body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    String key = ExecutionInput.idempotencyKey(idempotencyKey);
    String params = ExecutionInput.params(body);
    String caller = security.getUserPrincipal().getName();
    Creation creation = executions.create(workflowId, params, caller, key);
    return switch (creation.outcome()) {
      case WORKFLOW_NOT_FOUND ->
          throw new NotFoundException("No workflow with id '" + workflowId + "'.");
      case WORKFLOW_NOT_ACTIVE ->
          Problem.of(
                  409,
                  "workflow-not-active",
                  "Workflow not active",
                  "Workflow '"
                      + workflowId
                      + "' is not active; set its status to active (PUT) before running it.")
              .toResponse();
      case CREATED ->
          Response.accepted(ExecutionJson.full(creation.execution()))
              .location(location(uri, creation.execution().id()))
              .build();
      case EXISTING -> replay(creation.execution(), workflowId, uri);
    };
  }

  private static Response replay(ExecutionEntity existing, String workflowId, UriInfo uri) {
    if (!existing.workflowId().equals(workflowId)) {
      return Problem.of(
              409,
              "already-exists",
              "Idempotency key reused",
              "This Idempotency-Key already started execution '"
                  + existing.id()
                  + "' of another workflow; use a new key for a new execution.")
          .toResponse();
    }
    return Response.ok(ExecutionJson.full(existing))
        .location(location(uri, existing.id()))
        .header("Idempotent-Replayed", "true")
        .build();
  }

  private static URI location(UriInfo uri, String id) {
    return uri.getBaseUriBuilder().path("executions").path(id).build();
  }
}
