package dev.plinth.server.files;

import dev.plinth.server.problem.Problem;
import dev.plinth.server.problem.RequestValidationException;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;

/**
 * Creates download links that work without a bearer token until they expire: the blob store's
 * presigned URL. A relative URL (the local filesystem provider's, served by {@link
 * PresignedBlobResource}) is made absolute with the request's base URI; an absolute one (an Azure
 * SAS URL pointing at Blob Storage) is returned as it is.
 */
@Path("/projects/{projectId}/files/{fileId}/link")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FileLinkResource {
  static final long DEFAULT_TTL_SECONDS = 900;
  static final long MAX_TTL_SECONDS = Duration.ofDays(7).toSeconds();

  @Inject BlobStore storage;

  /**
   * Creates a link.
   *
   * @param projectId the project
   * @param fileId the file
   * @param body optional {@code {"ttlSeconds": 1..604800}} (default 900)
   * @param uri the request URI, to make a relative link absolute
   * @return {@code {"url", "method", "expiresAt"}}
   */
  @POST
  @RolesAllowed({"user", "admin"})
  @Consumes(MediaType.WILDCARD)
  public Response create(
      @PathParam("projectId") String projectId,
      @PathParam("fileId") String fileId,
      String body,
      @Context UriInfo uri) {
    String key = FileResource.key(projectId, fileId);
    Duration ttl = Duration.ofSeconds(ttlSeconds(body));
    storage.stat(key); // 404 for a missing file rather than a link to nothing
    PresignedUrl link;
    try {
      link = storage.presign(key, PresignMethod.GET, ttl);
    } catch (UnsupportedOperationException e) {
      return Problem.of(
              501,
              "presign-unsupported",
              "Links not supported",
              "The configured storage provider cannot create presigned links.")
          .toResponse();
    }
    URI url = link.url().isAbsolute() ? link.url() : uri.getBaseUri().resolve(link.url());
    return Response.ok(
            Json.createObjectBuilder()
                .add("url", url.toString())
                .add("method", link.method().name())
                .add("expiresAt", link.expiresAt().toString())
                .build())
        .build();
  }

  static long ttlSeconds(String body) {
    if (body == null || body.isBlank()) {
      return DEFAULT_TTL_SECONDS;
    }
    JsonObject json;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      json = reader.readObject();
    }
    JsonValue value = json.get("ttlSeconds");
    if (value == null || value == JsonValue.NULL) {
      return DEFAULT_TTL_SECONDS;
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      long seconds = number.longValue();
      if (seconds >= 1 && seconds <= MAX_TTL_SECONDS) {
        return seconds;
      }
    }
    throw new RequestValidationException(
        "ttlSeconds", "Must be a whole number of seconds from 1 to 604800 (7 days).");
  }
}
