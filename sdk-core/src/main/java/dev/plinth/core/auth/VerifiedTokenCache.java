package dev.plinth.core.auth;

import dev.plinth.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Principals of tokens that already passed verification, so that a client re-sending the same
 * bearer token pays one signature check. Entries are keyed by the SHA-256 digest of the token (the
 * token itself is never stored, so a heap dump or a log of a key does not leak it; a different
 * token, e.g. a forged one, has a different digest and is verified by the driver) and are valid
 * until the earlier of the token's expiry and {@code maxTtl} after verification. Expiry is checked
 * on every hit against the clock; only successful verifications are ever stored. Bounded: above the
 * limit, expired entries go first, then arbitrary ones.
 */
final class VerifiedTokenCache {
  private final int maxEntries;
  private final Duration maxTtl;
  private final Clock clock;
  private final ConcurrentHashMap<Digest, Entry> entries = new ConcurrentHashMap<>();
  private final ReentrantLock trimLock = new ReentrantLock();
  private final ThreadLocal<Hasher> hashers = ThreadLocal.withInitial(Hasher::new);

  /**
   * Creates a cache.
   *
   * @param maxEntries the most entries kept; positive
   * @param maxTtl the longest an entry is trusted without re-verification; positive
   * @param clock the clock expiry is checked against
   */
  VerifiedTokenCache(int maxEntries, Duration maxTtl, Clock clock) {
    if (maxEntries < 1 || maxTtl.isNegative() || maxTtl.isZero()) {
      throw new IllegalArgumentException("maxEntries and maxTtl must be positive");
    }
    this.maxEntries = maxEntries;
    this.maxTtl = maxTtl;
    this.clock = clock;
  }

  /**
   * Returns the digest a token is cached under.
   *
   * @param token the token without {@code Bearer }
   * @return its digest
   */
  Digest digest(String token) {
    Hasher hasher = hashers.get();
    return new Digest(hasher.sha256(token));
  }

  /**
   * Returns the principal of a token verified before and still valid now, else null. An expired
   * entry is removed.
   *
   * @param digest the token's digest
   * @return the principal, or null if the token must be verified
   */
  Principal find(Digest digest) {
    Entry entry = entries.get(digest);
    if (entry == null) {
      return null;
    }
    if (!clock.instant().isBefore(entry.validUntil())) {
      entries.remove(digest, entry);
      return null;
    }
    return entry.principal();
  }

  /**
   * Remembers a principal the driver just verified.
   *
   * @param digest the token's digest
   * @param principal what the driver returned
   */
  void remember(Digest digest, Principal principal) {
    Instant now = clock.instant();
    Instant validUntil = now.plus(maxTtl);
    Instant expiresAt = principal.expiresAt();
    if (expiresAt != null && expiresAt.isBefore(validUntil)) {
      validUntil = expiresAt;
    }
    if (!now.isBefore(validUntil)) {
      return; // already expired: nothing to gain
    }
    entries.put(digest, new Entry(principal, validUntil));
    if (entries.size() > maxEntries) {
      trim(now);
    }
  }

  /**
   * Returns the number of entries, expired ones included until they are dropped.
   *
   * @return the size
   */
  int size() {
    return entries.size();
  }

  private void trim(Instant now) {
    if (!trimLock.tryLock()) {
      return; // another thread is trimming
    }
    try {
      entries.values().removeIf(e -> !now.isBefore(e.validUntil()));
      // Drop a tenth more than needed so that trimming does not run on every insert.
      int excess = entries.size() - maxEntries + maxEntries / 10;
      for (Iterator<Digest> it = entries.keySet().iterator();
          excess > 0 && it.hasNext();
          excess--) {
        it.next();
        it.remove();
      }
    } finally {
      trimLock.unlock();
    }
  }

  /**
   * One thread's SHA-256 and a reusable buffer: tokens (JWTs) are ASCII, so their bytes are copied
   * into the buffer instead of encoding a new array per request.
   */
  private static final class Hasher {
    private static final int MAX_BUFFER = 16 * 1024;

    private final MessageDigest sha256;
    private byte[] buffer = new byte[2048];

    Hasher() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("Every Java platform must support SHA-256", e);
      }
    }

    byte[] sha256(String token) {
      int length = token.length();
      if (length > MAX_BUFFER) {
        return sha256.digest(token.getBytes(StandardCharsets.UTF_8)); // rare: keep buffers small
      }
      if (buffer.length < length) {
        buffer = new byte[length];
      }
      for (int i = 0; i < length; i++) {
        char c = token.charAt(i);
        if (c >= 0x80) {
          return sha256.digest(token.getBytes(StandardCharsets.UTF_8)); // not ASCII: encode
        }
        buffer[i] = (byte) c;
      }
      sha256.update(buffer, 0, length);
      return sha256.digest();
    }
  }

  /** A SHA-256 digest of a token, compared by content. */
  static final class Digest {
    private final byte[] bytes;
    private final int hash;

    Digest(byte[] bytes) {
      this.bytes = bytes;
      // The digest is uniformly distributed: its first four bytes are a good hash.
      this.hash =
          (bytes[0] << 24)
              | ((bytes[1] & 0xff) << 16)
              | ((bytes[2] & 0xff) << 8)
              | (bytes[3] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Digest d && MessageDigest.isEqual(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "Digest{sha256}"; // never the digest or the token
    }
  }

  private record Entry(Principal principal, Instant validUntil) {}
}
