package dev.plinth.core.memory;

import dev.plinth.error.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 keys of the memory issuer: one current key and, after {@link #rotate()}, the
 * previous ones until their grace period ends. Secrets are random per instance and never leave it.
 */
final class MemorySigningKeys {
  static final String ALGORITHM = "HS256";
  private static final String MAC = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A key; {@code retiresAt} is null for the current key. */
  private record SigningKey(byte[] secret, Instant retiresAt) {}

  private final Clock clock;
  private final Duration grace;
  private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();
  private volatile String currentKid;

  MemorySigningKeys(Clock clock, Duration grace) {
    this.clock = clock;
    this.grace = grace;
    this.currentKid = addKey();
  }

  private String addKey() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String kid = UUID.randomUUID().toString();
    keys.put(kid, new SigningKey(secret, null));
    return kid;
  }

  synchronized String rotate() {
    String previous = currentKid;
    SigningKey old = keys.get(previous);
    keys.put(previous, new SigningKey(old.secret(), clock.instant().plus(grace)));
    currentKid = addKey();
    return currentKid;
  }

  String sign(Map<String, String> claims) {
    String kid = currentKid;
    Map<String, String> header = new LinkedHashMap<>();
    header.put("alg", ALGORITHM);
    header.put("typ", "JWT");
    header.put("kid", kid);
    String signedPart =
        MemoryTokenFormat.encodePart(header) + "." + MemoryTokenFormat.encodePart(claims);
    return signedPart + "." + MemoryTokenFormat.encodeSignature(mac(keys.get(kid), signedPart));
  }

  /**
   * Verifies a signature.
   *
   * @return true if it matches the named key
   * @throws AuthenticationException UNKNOWN_KEY if the key is unknown or its grace period ended
   */
  boolean verify(String kid, String signedPart, byte[] signature) {
    SigningKey key = kid == null ? null : keys.get(kid);
    if (key != null && key.retiresAt() != null && clock.instant().isAfter(key.retiresAt())) {
      keys.remove(kid, key);
      key = null;
    }
    if (key == null) {
      throw new AuthenticationException(
          AuthenticationException.Reason.UNKNOWN_KEY,
          "The token was signed with a key this issuer does not know (or retired after rotation);"
              + " obtain a new token");
    }
    return MessageDigest.isEqual(mac(key, signedPart), signature);
  }

  private static byte[] mac(SigningKey key, String signedPart) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(new SecretKeySpec(key.secret(), MAC));
      return mac.doFinal(signedPart.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
    }
  }
}
