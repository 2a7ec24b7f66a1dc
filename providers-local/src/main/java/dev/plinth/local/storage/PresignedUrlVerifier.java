package dev.plinth.local.storage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the filesystem provider's presigned URLs. A URL is {@code <base>/<url-encoded
 * key>?method=GET&expires=<epochSeconds>&sig=<sig>} where {@code sig} is the base64url (unpadded)
 * HMAC-SHA256 of {@code method|key|expires}. A server that serves blobs obtains this verifier from
 * {@link FileSystemBlobStoreDriver#presignVerifier()} and calls {@link #verify} before honouring a
 * request.
 */
public final class PresignedUrlVerifier {
  private static final String ALGORITHM = "HmacSHA256";

  /** The outcome of a verification. */
  public enum Verdict {
    /** The signature matches and the URL has not expired. */
    VALID,
    /** The signature matches but the URL has expired. */
    EXPIRED,
    /** The signature does not match the method, key and expiry (tampered or foreign). */
    BAD_SIGNATURE
  }

  private final SecretKeySpec secret;
  private final Clock clock;

  /**
   * Creates a verifier.
   *
   * @param secret the HMAC key (at least 16 bytes)
   * @param clock the clock that decides expiry
   */
  public PresignedUrlVerifier(byte[] secret, Clock clock) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < 16) {
      throw new IllegalArgumentException("Presign secret must have at least 16 bytes");
    }
    this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Computes the signature of a URL.
   *
   * @param method {@code GET} or {@code PUT}
   * @param key the blob key
   * @param expiresEpochSeconds the expiry in epoch seconds
   * @return the base64url signature, unpadded
   */
  public String sign(String method, String key, long expiresEpochSeconds) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac(method, key, expiresEpochSeconds));
  }

  /**
   * Verifies the parts of a presigned URL, comparing signatures in constant time.
   *
   * @param method the {@code method} query parameter
   * @param key the blob key (URL-decoded)
   * @param expiresEpochSeconds the {@code expires} query parameter
   * @param signature the {@code sig} query parameter
   * @return the verdict
   */
  public Verdict verify(String method, String key, long expiresEpochSeconds, String signature) {
    if (method == null || key == null || signature == null) {
      return Verdict.BAD_SIGNATURE;
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return Verdict.BAD_SIGNATURE;
    }
    if (!MessageDigest.isEqual(mac(method, key, expiresEpochSeconds), given)) {
      return Verdict.BAD_SIGNATURE;
    }
    return clock.instant().getEpochSecond() >= expiresEpochSeconds
        ? Verdict.EXPIRED
        : Verdict.VALID;
  }

  /**
   * Builds the relative or absolute URL text of a presigned request.
   *
   * @param baseUrl the base, e.g. {@code /blobs}
   * @param method {@code GET} or {@code PUT}
   * @param key the blob key
   * @param expiresEpochSeconds the expiry
   * @return the URL text
   */
  public String url(String baseUrl, String method, String key, long expiresEpochSeconds) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base
        + "/"
        + encodePath(key)
        + "?method="
        + method
        + "&expires="
        + expiresEpochSeconds
        + "&sig="
        + sign(method, key, expiresEpochSeconds);
  }

  /** Percent-encodes each segment, keeping the {@code /} separators readable. */
  static String encodePath(String key) {
    StringBuilder sb = new StringBuilder(key.length() + 16);
    for (String segment : key.split("/", -1)) {
      if (sb.length() > 0 || key.startsWith("/")) {
        sb.append('/');
      }
      sb.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return sb.toString();
  }

  private byte[] mac(String method, String key, long expires) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac.doFinal((method + "|" + key + "|" + expires).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
