package dev.plinth.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.plinth.error.PlinthException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The RSA signing keys of the dev issuer: one current key, plus earlier keys that still verify
 * during the rotation grace period. Readers see an immutable snapshot; rotation is serialized.
 */
final class SigningKeys {
  private static final int KEY_SIZE = 2048;

  /** A key and, once it is no longer current, when it was retired. */
  record Entry(RSAKey key, Instant retiredAt) {}

  private final Clock clock;
  private final Duration grace;
  private final Optional<KeyFile> file;
  private volatile List<Entry> entries; // index 0 is the current key

  SigningKeys(Clock clock, Duration grace, Optional<KeyFile> file) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.grace = Objects.requireNonNull(grace, "grace");
    this.file = Objects.requireNonNull(file, "file");
    List<Entry> loaded = file.map(KeyFile::load).orElse(List.of());
    this.entries = loaded.isEmpty() ? List.of(new Entry(generate(), null)) : stillValid(loaded);
    if (loaded.isEmpty() || loaded.size() != entries.size()) {
      file.ifPresent(f -> f.save(entries));
    }
  }

  /**
   * Returns the key that signs new tokens.
   *
   * @return the current private key
   */
  RSAKey current() {
    return entries.get(0).key();
  }

  /**
   * Finds a key that may still verify tokens: the current one, or one retired less than the grace
   * period ago.
   *
   * @param kid the key id from a token header
   * @return the key, or empty if unknown or past its grace period
   */
  Optional<RSAKey> find(String kid) {
    if (kid == null) {
      return Optional.empty();
    }
    return stillValid(entries).stream()
        .map(Entry::key)
        .filter(k -> kid.equals(k.getKeyID()))
        .findFirst();
  }

  /**
   * Returns the public halves of every key that still verifies.
   *
   * @return the public JWK set
   */
  JWKSet publicKeys() {
    List<JWK> keys = new ArrayList<>();
    for (Entry entry : stillValid(entries)) {
      keys.add(entry.key().toPublicJWK());
    }
    return new JWKSet(keys);
  }

  /**
   * Generates a new current key and retires the previous one.
   *
   * @return the id of the new key
   */
  synchronized String rotate() {
    Instant now = clock.instant();
    List<Entry> next = new ArrayList<>();
    next.add(new Entry(generate(), null));
    for (Entry entry : stillValid(entries)) {
      next.add(entry.retiredAt() == null ? new Entry(entry.key(), now) : entry);
    }
    entries = List.copyOf(next);
    file.ifPresent(f -> f.save(entries));
    return current().getKeyID();
  }

  /**
   * Returns how many keys currently verify tokens.
   *
   * @return the count
   */
  int size() {
    return stillValid(entries).size();
  }

  private List<Entry> stillValid(List<Entry> all) {
    Instant cutoff = clock.instant().minus(grace);
    return all.stream()
        .filter(e -> e.retiredAt() == null || e.retiredAt().isAfter(cutoff))
        .toList();
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(KEY_SIZE)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new PlinthException("Could not generate an RSA signing key for the dev issuer.", e);
    }
  }
}
