package dev.plinth.server.backup;

import dev.plinth.server.problem.Problem;
import dev.plinth.server.problem.RequestValidationException;
import dev.plinth.storage.Blob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backups of the database (admin only): take one, upload one, list, read, download, delete and
 * restore. See {@link BackupService} for how, and README-server.md "Backup and restore".
 */
@Path("/admin/backups")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class BackupResource {
  @Inject BackupService backups;

  @Inject
  @ConfigProperty(name = "plinth.server.backup.max-upload-bytes", defaultValue = "1073741824")
  long maxUploadBytes;

  /**
   * Takes a backup now.
   *
   * @param security the caller
   * @param uri the request URI
   * @return 201, {@code Location} and the backup's info
   * @throws SQLException if the database fails
   * @throws IOException if the temporary file fails
   */
  @POST
  public Response create(@Context SecurityContext security, @Context UriInfo uri)
      throws SQLException, IOException {
    return created(uri, backups.create(security.getUserPrincipal().getName()));
  }

  /**
   * Stores an uploaded backup file (e.g. downloaded from another server) after checking it.
   *
   * @param body the gzipped backup
   * @param security the caller
   * @param uri the request URI
   * @return 201 with the new backup's info, 400 if the file is not a valid backup
   * @throws IOException if the upload fails
   */
  @POST
  @Path("/upload")
  @Consumes({"application/gzip", MediaType.APPLICATION_OCTET_STREAM})
  public Response upload(InputStream body, @Context SecurityContext security, @Context UriInfo uri)
      throws IOException {
    try {
      return created(
          uri, backups.upload(body, maxUploadBytes, security.getUserPrincipal().getName()));
    } catch (InvalidBackupException e) {
      return invalid(e);
    }
  }

  /**
   * Lists the backups, newest first.
   *
   * @return {@code {"count", "items": [...]}}
   */
  @GET
  public JsonObject list() {
    List<BackupInfo> all = backups.list();
    JsonArrayBuilder items = Json.createArrayBuilder();
    all.forEach(backup -> items.add(backup.toJson()));
    return Json.createObjectBuilder().add("count", all.size()).add("items", items).build();
  }

  /**
   * Returns a backup's info, or its file with {@code ?download=true}.
   *
   * @param id the backup id
   * @param download whether to stream the file instead
   * @return the info or the file
   */
  @GET
  @Path("/{id}")
  @Produces({MediaType.APPLICATION_JSON, "application/gzip"})
  public Response get(@PathParam("id") String id, @QueryParam("download") boolean download) {
    if (download) {
      return content(id);
    }
    BackupInfo info = backups.find(id).orElseThrow(() -> BackupStore.notFound(id));
    return Response.ok(info.toJson(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * Streams a backup's file.
   *
   * @param id the backup id
   * @return 200 with the gzipped JSON lines
   */
  @GET
  @Path("/{id}/content")
  @Produces("application/gzip")
  public Response content(@PathParam("id") String id) {
    Blob blob = backups.open(id);
    StreamingOutput body =
        out -> {
          try (Blob open = blob) {
            open.content().transferTo(out);
          }
        };
    return Response.ok(body, BackupStore.CONTENT_TYPE)
        .header(HttpHeaders.CONTENT_LENGTH, blob.info().size())
        .header("Content-Disposition", "attachment; filename=\"" + id + BackupStore.SUFFIX + "\"")
        .build();
  }

  /**
   * Deletes a backup.
   *
   * @param id the backup id
   * @return 204, or 404
   */
  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    if (!backups.delete(id)) {
      throw BackupStore.notFound(id);
    }
    return Response.noContent().build();
  }

  /**
   * Restores a backup: into an empty database by default, or with {@code ?mode=replace|merge}.
   *
   * @param id the backup id
   * @param modeText {@code empty} (default), {@code replace} or {@code merge}
   * @return 200 with what was restored; 400 for a bad backup; 409 when the database is not empty or
   *     another restore runs
   * @throws SQLException if the database fails (nothing was changed)
   */
  @POST
  @Path("/{id}/restore")
  public Response restore(@PathParam("id") String id, @QueryParam("mode") String modeText)
      throws SQLException {
    RestoreMode mode =
        RestoreMode.parse(modeText)
            .orElseThrow(
                () -> new RequestValidationException("mode", "Must be empty, replace or merge."));
    if (backups.find(id).isEmpty()) {
      throw BackupStore.notFound(id);
    }
    Optional<RestoreResult> outcome;
    try {
      outcome = backups.restore(id, mode);
    } catch (InvalidBackupException e) {
      return invalid(e);
    }
    if (outcome.isEmpty()) {
      return Problem.of(
              409,
              "restore-in-progress",
              "Restore in progress",
              "Another restore is running; retry when it has finished.")
          .toResponse();
    }
    RestoreResult result = outcome.get();
    if (result.notEmpty()) {
      return Problem.of(
              409,
              "database-not-empty",
              "Database not empty",
              "The database already holds workflows or executions. Restore with ?mode=replace"
                  + " (delete them, then load the backup) or ?mode=merge (keep them, add the"
                  + " backup's missing rows).")
          .toResponse();
    }
    return Response.ok(
            Json.createObjectBuilder()
                .add("id", id)
                .add("mode", mode.id())
                .add("restored", numbers(result.restored()))
                .add("skipped", numbers(result.skipped()))
                .add("requeued", result.requeued())
                .build())
        .build();
  }

  private static Response created(UriInfo uri, BackupInfo info) {
    URI location = uri.getBaseUriBuilder().path(BackupResource.class).path(info.id()).build();
    return Response.created(location).entity(info.toJson()).build();
  }

  private static Response invalid(InvalidBackupException e) {
    boolean unsupported = InvalidBackupException.UNSUPPORTED.equals(e.code());
    return Problem.of(
            400,
            e.code(),
            unsupported ? "Unsupported backup" : "Invalid backup",
            e.getMessage() + " Nothing was changed.")
        .toResponse();
  }

  private static JsonObjectBuilder numbers(Map<String, Long> counts) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    counts.forEach(json::add);
    return json;
  }
}
