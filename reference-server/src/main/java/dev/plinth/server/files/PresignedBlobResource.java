package dev.plinth.server.files;

import dev.plinth.local.storage.FileSystemBlobStoreDriver;
import dev.plinth.local.storage.PresignedUrlVerifier;
import dev.plinth.server.problem.Problem;
import dev.plinth.storage.BlobStore;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Serves the local filesystem provider's presigned URLs ({@code /blobs/{key}?method=GET&expires=
 * &sig=}) to anyone holding one: no bearer token, the HMAC signature is the credential. Verified
 * with the provider's own {@link PresignedUrlVerifier}; an expired link answers 403 {@code
 * link-expired}, a tampered one 403 {@code bad-signature}. With another provider (whose links point
 * at the provider itself) this route answers 404.
 */
@Path("/blobs")
@ApplicationScoped
@PermitAll
public class PresignedBlobResource {
  @Inject BlobStore storage;

  private volatile PresignedUrlVerifier verifier;
  private volatile boolean resolved;

  /**
   * Downloads a blob through a presigned link.
   *
   * @param key the blob key (URL-decoded)
   * @param method the signed method; must be GET
   * @param expires the signed expiry, epoch seconds
   * @param signature the signature
   * @param ifNoneMatch the {@code If-None-Match} header
   * @param range the {@code Range} header
   * @return the content, or a 403/404 problem
   */
  @GET
  @Path("/{key: .+}")
  @Produces(MediaType.WILDCARD)
  public Response get(
      @PathParam("key") String key,
      @QueryParam("method") String method,
      @QueryParam("expires") String expires,
      @QueryParam("sig") String signature,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam("Range") String range) {
    PresignedUrlVerifier current = verifier();
    if (current == null) {
      return Problem.of(
              404,
              "not-found",
              "Not found",
              "This server does not serve presigned links for the configured storage provider.")
          .toResponse();
    }
    PresignedUrlVerifier.Verdict verdict = verify(current, method, key, expires, signature);
    if (verdict == PresignedUrlVerifier.Verdict.EXPIRED) {
      return Problem.of(
              403, "link-expired", "Link expired", "This link has expired; ask for a new one.")
          .toResponse();
    }
    if (verdict != PresignedUrlVerifier.Verdict.VALID) {
      return Problem.of(
              403,
              "bad-signature",
              "Invalid link",
              "The link's signature does not match; use the link exactly as it was issued.")
          .toResponse();
    }
    return BlobResponses.download(storage, key, ifNoneMatch, range);
  }

  private static PresignedUrlVerifier.Verdict verify(
      PresignedUrlVerifier verifier, String method, String key, String expires, String signature) {
    // Only download links are served here; a PUT link's signature covers "PUT" and fails anyway.
    if (!"GET".equals(method) || expires == null) {
      return PresignedUrlVerifier.Verdict.BAD_SIGNATURE;
    }
    try {
      return verifier.verify(method, key, Long.parseLong(expires), signature);
    } catch (NumberFormatException e) {
      return PresignedUrlVerifier.Verdict.BAD_SIGNATURE;
    }
  }

  /** The filesystem provider's verifier, or null when another provider is configured. */
  private PresignedUrlVerifier verifier() {
    if (!resolved) {
      try {
        verifier = storage.unwrap(FileSystemBlobStoreDriver.class).presignVerifier();
      } catch (IllegalArgumentException e) {
        verifier = null;
      }
      resolved = true;
    }
    return verifier;
  }
}
