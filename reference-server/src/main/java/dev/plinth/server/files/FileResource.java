package dev.plinth.server.files;

import dev.plinth.server.problem.RequestValidationException;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.BlobStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A project's files, stored only in the blob store. Upload as a raw body ({@code X-File-Name} or
 * {@code ?name=}) or as {@code multipart/form-data} (part {@code file}); both are streamed, and a
 * body above {@code plinth.server.max-upload-bytes} is refused with 413. Viewers read; users and
 * admins upload, delete and create links.
 */
@Path("/projects/{projectId}/files")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {
  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 1000;

  @Inject BlobStore storage;

  @Inject
  @ConfigProperty(name = "plinth.server.max-upload-bytes", defaultValue = "10485760")
  long maxUploadBytes;

  /**
   * Uploads a file.
   *
   * @param projectId the project
   * @param queryName the file name from {@code ?name=}
   * @param headerName the file name from {@code X-File-Name}
   * @param headers the request headers (media type)
   * @param request the servlet request (declared length; -1 when chunked)
   * @param body the request body, streamed
   * @param security the caller
   * @param uri the request URI, for {@code Location}
   * @return 201 with the file's JSON, {@code Location} and {@code ETag}
   */
  @POST
  @RolesAllowed({"user", "admin"})
  @Consumes(MediaType.WILDCARD)
  public Response upload(
      @PathParam("projectId") String projectId,
      @QueryParam("name") String queryName,
      @HeaderParam("X-File-Name") String headerName,
      @Context HttpHeaders headers,
      @Context HttpServletRequest request,
      InputStream body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    FileNames.projectId(projectId);
    FileUploader uploader = new FileUploader(storage, maxUploadBytes);
    long length = request.getContentLengthLong();
    if (length > maxUploadBytes) {
      throw uploader.tooLarge(); // answered before a byte of the body is read
    }
    MediaType type = headers.getMediaType();
    String caller = security.getUserPrincipal().getName();
    BlobInfo info;
    if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      String boundary = type.getParameters().get("boundary");
      if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
        throw new RequestValidationException(
            "Content-Type",
            "multipart/form-data needs a boundary parameter of 1 to 70 characters.");
      }
      info = uploader.multipart(projectId, boundary, body, caller);
    } else {
      String name =
          queryName != null
              ? FileNames.fileName("name", queryName)
              : FileNames.fileName("X-File-Name", headerName);
      info = uploader.raw(projectId, name, type, body, length, caller);
    }
    return Response.created(uri.getAbsolutePathBuilder().path(FileKeys.fileId(info.key())).build())
        .header(HttpHeaders.ETAG, EntityTags.header(info.etag()))
        .entity(FileJson.of(info))
        .build();
  }

  /**
   * Lists a project's files in key order, one page at a time.
   *
   * @param projectId the project
   * @param limit page size (default 50, at most 1000)
   * @param cursor the {@code next} value of the previous page
   * @return {@code {"items": [...], "next": cursor-or-null}}
   */
  @GET
  @RolesAllowed({"viewer", "user", "admin"})
  public JsonObject list(
      @PathParam("projectId") String projectId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    String prefix = FileKeys.prefix(FileNames.projectId(projectId));
    BlobPage page;
    try {
      page =
          storage.list(prefix, pageSize(limit), cursor == null || cursor.isBlank() ? null : cursor);
    } catch (IllegalArgumentException e) {
      throw new RequestValidationException(
          "cursor", "Invalid cursor; pass the 'next' value of the previous page.");
    }
    JsonArrayBuilder items = Json.createArrayBuilder();
    page.items().forEach(item -> items.add(FileJson.of(item)));
    JsonObjectBuilder json = Json.createObjectBuilder().add("items", items);
    if (page.hasMore()) {
      json.add("next", page.continuationToken());
    } else {
      json.addNull("next");
    }
    return json.build();
  }

  /**
   * Downloads a file, streamed; supports {@code If-None-Match} (304) and one {@code Range} (206).
   *
   * @param projectId the project
   * @param fileId the file
   * @param ifNoneMatch the {@code If-None-Match} header
   * @param range the {@code Range} header
   * @return the content
   */
  @GET
  @Path("/{fileId}")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed({"viewer", "user", "admin"})
  public Response download(
      @PathParam("projectId") String projectId,
      @PathParam("fileId") String fileId,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam("Range") String range) {
    return BlobResponses.download(storage, key(projectId, fileId), ifNoneMatch, range);
  }

  /**
   * Deletes a file. Idempotent: deleting a missing file also answers 204.
   *
   * @param projectId the project
   * @param fileId the file
   * @return 204
   */
  @DELETE
  @Path("/{fileId}")
  @RolesAllowed({"user", "admin"})
  public Response delete(
      @PathParam("projectId") String projectId, @PathParam("fileId") String fileId) {
    storage.delete(key(projectId, fileId));
    return Response.noContent().build();
  }

  static String key(String projectId, String fileId) {
    return FileKeys.key(FileNames.projectId(projectId), FileNames.fileId(fileId));
  }

  private static int pageSize(String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_PAGE;
    }
    try {
      int size = Integer.parseInt(limit.strip());
      if (size >= 1 && size <= MAX_PAGE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new RequestValidationException("limit", "Must be a whole number from 1 to 1000.");
  }
}
