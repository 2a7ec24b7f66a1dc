package dev.plinth.azure.storage;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.UserDelegationKey;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Signs blob SAS URLs: a user-delegation SAS when the provider authenticates with a Microsoft Entra
 * ID token (no key ever leaves Azure), a service SAS signed with the account key otherwise. User
 * delegation keys are fetched once and reused until a URL would outlive them.
 */
final class SasPresigner {
  /** Azure's longest user-delegation key lifetime, less a margin for clock skew. */
  private static final Duration KEY_LIFETIME = Duration.ofDays(7).minusMinutes(2);

  /** Start times are back-dated so that a slightly fast Azure clock accepts a fresh URL. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final BlobServiceClient delegationSource;
  private UserDelegationKey delegationKey;

  private SasPresigner(BlobServiceClient delegationSource) {
    this.delegationSource = delegationSource;
  }

  /**
   * Returns a presigner that signs with the client's shared key credential.
   *
   * @return the presigner
   */
  static SasPresigner sharedKey() {
    return new SasPresigner(null);
  }

  /**
   * Returns a presigner that signs with user delegation keys from the service.
   *
   * @param service the service client authenticated with a token credential
   * @return the presigner
   */
  static SasPresigner userDelegation(BlobServiceClient service) {
    return new SasPresigner(service);
  }

  /**
   * Tells whether this presigner uses user delegation keys.
   *
   * @return true for user-delegation SAS
   */
  boolean isUserDelegation() {
    return delegationSource != null;
  }

  /**
   * Presigns one blob.
   *
   * @param blob the blob
   * @param method GET (read) or PUT (create and write)
   * @param ttl how long the URL lives; rounded up to whole seconds
   * @return the URL
   */
  PresignedUrl presign(BlobClient blob, PresignMethod method, Duration ttl) {
    BlobSasPermission permission =
        method == PresignMethod.GET
            ? new BlobSasPermission().setReadPermission(true)
            : new BlobSasPermission().setCreatePermission(true).setWritePermission(true);
    Instant expiry = expiryAfter(ttl);
    return new PresignedUrl(URI.create(urlOf(blob, permission, expiry)), method, expiry);
  }

  /**
   * Returns a read-only SAS URL for a server-side copy source.
   *
   * @param blob the source blob
   * @param ttl how long the copy may take to start
   * @return the URL
   */
  String readUrl(BlobClient blob, Duration ttl) {
    BlobSasPermission permission = new BlobSasPermission().setReadPermission(true);
    return urlOf(blob, permission, expiryAfter(ttl));
  }

  private Instant expiryAfter(Duration ttl) {
    Instant now = Instant.now();
    Instant expiry = now.plus(ttl).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    if (delegationSource != null) {
      // A user-delegation SAS cannot outlive its key, which lives at most 7 days.
      Instant longest = now.plus(KEY_LIFETIME).minusSeconds(60);
      return expiry.isAfter(longest) ? longest.truncatedTo(ChronoUnit.SECONDS) : expiry;
    }
    return expiry;
  }

  private String urlOf(BlobClient blob, BlobSasPermission permission, Instant expiry) {
    BlobServiceSasSignatureValues values =
        new BlobServiceSasSignatureValues(
                OffsetDateTime.ofInstant(expiry, ZoneOffset.UTC), permission)
            .setStartTime(OffsetDateTime.now(ZoneOffset.UTC).minus(CLOCK_SKEW));
    String sas =
        delegationSource != null
            ? blob.generateUserDelegationSas(values, delegationKeyValidUntil(expiry))
            : blob.generateSas(values);
    return blob.getBlobUrl() + "?" + sas;
  }

  private synchronized UserDelegationKey delegationKeyValidUntil(Instant expiry) {
    if (delegationKey == null || delegationKey.getSignedExpiry().toInstant().isBefore(expiry)) {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      delegationKey =
          delegationSource.getUserDelegationKey(now.minus(CLOCK_SKEW), now.plus(KEY_LIFETIME));
    }
    return delegationKey;
  }
}
