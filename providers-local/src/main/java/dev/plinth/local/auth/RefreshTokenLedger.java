package dev.plinth.local.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which refresh tokens (by {@code jti}) were already exchanged, until they would have
 * expired anyway, so that each one works once. In memory: after a restart a refresh token that was
 * used before the restart could be used once more, which is acceptable for a development issuer.
 */
final class RefreshTokenLedger {
  private final Map<String, Instant> used = new ConcurrentHashMap<>();
  private final Clock clock;

  RefreshTokenLedger(Clock clock) {
    this.clock = clock;
  }

  /**
   * Marks a refresh token as used.
   *
   * @param jti the token id
   * @param expiresAt when the token expires (after which it need not be remembered)
   * @return true the first time, false if it was already used
   */
  boolean markUsed(String jti, Instant expiresAt) {
    if (jti == null) {
      return false;
    }
    Instant now = clock.instant();
    used.values().removeIf(exp -> exp.isBefore(now));
    return used.putIfAbsent(jti, expiresAt) == null;
  }
}
