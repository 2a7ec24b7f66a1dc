package dev.plinth.azure.auth;

import dev.plinth.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of the signing-key cache, turned into {@link Health}: UP with fresh keys, DEGRADED
 * when the last refresh failed and last-good keys are served, DOWN when no key was ever fetched and
 * the issuer failed.
 *
 * @param keyCount the number of cached keys
 * @param lastSuccess when the keys were last fetched, or null
 * @param lastFailure why the last fetch failed, or null if it succeeded (or none was made)
 * @param fetchAttempts how many fetches were attempted
 * @param discoveryUrl where the keys are discovered
 */
record KeyCacheState(
    int keyCount,
    Instant lastSuccess,
    String lastFailure,
    long fetchAttempts,
    String discoveryUrl) {

  /**
   * Converts the state to health.
   *
   * @param now the current time
   * @return the health
   */
  Health toHealth(Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("signingKeys", keyCount);
    data.put("discoveryUrl", discoveryUrl);
    data.put("fetchAttempts", fetchAttempts);
    if (lastSuccess != null) {
      data.put("lastSuccessfulFetch", lastSuccess.toString());
      data.put("lastFetchAgeSeconds", Duration.between(lastSuccess, now).toSeconds());
    }
    Health health;
    if (lastFailure == null && lastSuccess == null) {
      health = Health.up("Entra ID signing keys are fetched on the first token.");
    } else if (lastFailure == null) {
      health = Health.up("Entra ID signing keys fetched " + age(now) + " ago.");
    } else if (lastSuccess == null || keyCount == 0) {
      health =
          Health.down(
              "No Entra ID signing keys: "
                  + lastFailure
                  + " Tokens cannot be verified until the"
                  + " issuer is reachable.");
    } else {
      health =
          Health.degraded(
              "Serving last-good Entra ID signing keys fetched "
                  + age(now)
                  + " ago; the last refresh failed: "
                  + lastFailure
                  + " Tokens signed with new keys are refused until it recovers.");
    }
    return health.withData(data);
  }

  private String age(Instant now) {
    return Duration.between(lastSuccess, now).toSeconds() + "s";
  }
}
