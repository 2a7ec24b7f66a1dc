package dev.plinth.server.workflow;

import dev.plinth.error.NotFoundException;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.server.problem.Problem;
import dev.plinth.server.problem.RequestValidationException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Workflow CRUD. Roles: viewer reads, user creates and replaces, admin also deletes. Replacing
 * requires {@code If-Match: "<version>"} (the ETag of a GET): 412 when the workflow changed since,
 * 428 when the header is missing.
 */
@Path("/workflows")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {
  private static final String READERS = "viewer";

  @Inject WorkflowRepository repository;
  @Inject WorkflowCache cache;

  /**
   * Creates a workflow.
   *
   * @param body {@code {"name", "status", "definition": {"steps": [...]}}}
   * @param security the caller
   * @param uri the request URI, for {@code Location}
   * @return 201 with the workflow, {@code Location} and {@code ETag}
   */
  @POST
  @RolesAllowed({"user", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonObject body, @Context SecurityContext security, @Context UriInfo uri) {
    WorkflowInput input = WorkflowInputParser.parse(body);
    WorkflowEntity workflow = repository.create(input, security.getUserPrincipal().getName());
    return Response.created(uri.getAbsolutePathBuilder().path(workflow.id()).build())
        .tag(ETags.of(workflow.version()))
        .entity(WorkflowJson.full(workflow))
        .build();
  }

  /**
   * Lists workflows, newest first.
   *
   * @param status optional filter: draft, active or archived
   * @param page zero-based page (default 0)
   * @param size page size (default 20, at most 100)
   * @return {@code {"items": [...], "page", "size", "total"}}
   */
  @GET
  @RolesAllowed({READERS, "user", "admin"})
  public JsonObject list(
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    PageRequest request = PageRequest.parse(page, size);
    WorkflowStatus filter = status == null || status.isBlank() ? null : parseStatus(status);
    List<WorkflowEntity> items = repository.list(filter, request.page(), request.size());
    JsonArrayBuilder array = Json.createArrayBuilder();
    items.forEach(item -> array.add(WorkflowJson.summary(item)));
    return Json.createObjectBuilder()
        .add("items", array)
        .add("page", request.page())
        .add("size", request.size())
        .add("total", repository.count(filter))
        .build();
  }

  /**
   * Returns one workflow with its definition, through the cache ({@link WorkflowCache}).
   *
   * @param id the id
   * @return 200 with {@code ETag: "<version>"}
   */
  @GET
  @Path("/{id}")
  @RolesAllowed({READERS, "user", "admin"})
  public Response get(@PathParam("id") String id) {
    CachedWorkflow workflow = cache.get(id, repository::find).orElseThrow(() -> notFound(id));
    return Response.ok(workflow.getJson(), MediaType.APPLICATION_JSON_TYPE)
        .tag(ETags.of(workflow.getVersion()))
        .build();
  }

  /**
   * Replaces a workflow's name, status and definition; the version is incremented.
   *
   * @param id the id
   * @param ifMatch the ETag the client last saw
   * @param body the new content
   * @return 200 with the new {@code ETag}
   */
  @PUT
  @Path("/{id}")
  @RolesAllowed({"user", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return Problem.of(
              428,
              "precondition-required",
              "Precondition required",
              "Send If-Match with the ETag of your last GET, e.g. If-Match: \"1\".")
          .toResponse();
    }
    Long expected = ETags.expectedVersion(ifMatch);
    WorkflowInput input = WorkflowInputParser.parse(body);
    WorkflowRepository.Replacement result = repository.replace(id, expected, input);
    if (result.outcome() == WorkflowRepository.Replacement.Outcome.REPLACED) {
      cache.invalidate(id); // after the commit: replace() is its own transaction
    }
    return switch (result.outcome()) {
      case NOT_FOUND -> throw notFound(id);
      case STALE ->
          throw new PreconditionFailedException(
              "Workflow '"
                  + id
                  + "' is at version "
                  + result.workflow().version()
                  + ", not "
                  + expected
                  + "; GET it again and retry with its ETag in If-Match.");
      case REPLACED ->
          Response.ok(WorkflowJson.full(result.workflow()))
              .tag(ETags.of(result.workflow().version()))
              .build();
    };
  }

  /**
   * Deletes a workflow.
   *
   * @param id the id
   * @return 204
   */
  @DELETE
  @Path("/{id}")
  @RolesAllowed("admin")
  public Response delete(@PathParam("id") String id) {
    if (!repository.delete(id)) {
      throw notFound(id);
    }
    cache.invalidate(id);
    return Response.noContent().build();
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("No workflow with id '" + id + "'.");
  }

  private static WorkflowStatus parseStatus(String status) {
    return WorkflowStatus.parse(status.trim())
        .orElseThrow(
            () ->
                new RequestValidationException(
                    "status", "Must be one of draft, active, archived."));
  }
}
