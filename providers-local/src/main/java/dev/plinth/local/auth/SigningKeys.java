package dev.plinth.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The RSA signing keys of the dev issuer: one current key, plus earlier keys that still verify
 * during the rotation grace period. Readers see an immutable snapshot; rotation is serialized.
 *
 * <p>Each snapshot carries one ready {@link JWSVerifier} per key id, built when the keys change
 * (creation, load, rotation), so verifying a token neither rebuilds the RSA public key nor the
 * verifier.
 */
final class SigningKeys {
  private static final int KEY_SIZE = 2048;

  /** A key and, once it is no longer current, when it was retired. */
  record Entry(RSAKey key, Instant retiredAt) {}

  /** A key's verifier and when it stops verifying ({@code null} while the key is current). */
  private record Verification(JWSVerifier verifier, Instant expiresAt) {}

  /**
   * The keys and their verifiers, published together so a reader never sees one without the other.
   */
  private record Snapshot(List<Entry> entries, Map<String, Verification> verifiers) {}

  private final Clock clock;
  private final Duration grace;
  private final Optional<KeyFile> file;
  private volatile Snapshot snapshot; // entries index 0 is the current key

  SigningKeys(Clock clock, Duration grace, Optional<KeyFile> file) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.grace = Objects.requireNonNull(grace, "grace");
    this.file = Objects.requireNonNull(file, "file");
    List<Entry> loaded = file.map(KeyFile::load).orElse(List.of());
    List<Entry> entries =
        loaded.isEmpty() ? List.of(new Entry(generate(), null)) : stillValid(loaded);
    this.snapshot = snapshotOf(entries);
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
    return snapshot.entries().get(0).key();
  }

  /**
   * Returns the verifier of a key that may still verify tokens: the current one, or one retired
   * less than the grace period ago. Allocates nothing: this runs on every authentication.
   *
   * @param kid the key id from a token header, may be {@code null}
   * @return the key's verifier, or {@code null} if the key is unknown or past its grace period
   */
  JWSVerifier verifier(String kid) {
    Verification found = kid == null ? null : snapshot.verifiers().get(kid);
    if (found == null) {
      return null;
    }
    Instant expiresAt = found.expiresAt();
    return expiresAt == null || clock.instant().isBefore(expiresAt) ? found.verifier() : null;
  }

  /**
   * Returns the public halves of every key that still verifies.
   *
   * @return the public JWK set
   */
  JWKSet publicKeys() {
    List<JWK> keys = new ArrayList<>();
    for (Entry entry : stillValid(snapshot.entries())) {
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
    for (Entry entry : stillValid(snapshot.entries())) {
      next.add(entry.retiredAt() == null ? new Entry(entry.key(), now) : entry);
    }
    List<Entry> entries = List.copyOf(next);
    snapshot = snapshotOf(entries);
    file.ifPresent(f -> f.save(entries));
    return current().getKeyID();
  }

  /**
   * Returns how many keys currently verify tokens.
   *
   * @return the count
   */
  int size() {
    return stillValid(snapshot.entries()).size();
  }

  private Snapshot snapshotOf(List<Entry> entries) {
    Map<String, Verification> verifiers = new HashMap<>();
    for (Entry entry : entries) {
      Instant expiresAt = entry.retiredAt() == null ? null : entry.retiredAt().plus(grace);
      verifiers.putIfAbsent(
          entry.key().getKeyID(), new Verification(verifierOf(entry.key()), expiresAt));
    }
    return new Snapshot(List.copyOf(entries), Map.copyOf(verifiers));
  }

  private static JWSVerifier verifierOf(RSAKey key) {
    try {
      return new RSASSAVerifier(key.toRSAPublicKey());
    } catch (JOSEException e) {
      throw new PlinthException(
          "Could not build the verifier of dev signing key " + key.getKeyID(), e);
    }
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
