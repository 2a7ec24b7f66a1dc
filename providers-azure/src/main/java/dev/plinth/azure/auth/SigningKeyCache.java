package dev.plinth.azure.auth;

import com.nimbusds.jose.jwk.RSAKey;
import dev.plinth.error.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The signing keys of the issuer, by {@code kid}, fetched lazily and refreshed:
 *
 * <ul>
 *   <li><b>single-flight</b>: concurrent callers that need a refresh share one fetch (a caller that
 *       waited for the lock uses the fetch that finished meanwhile instead of starting another);
 *   <li><b>rate-limited</b>: an unknown {@code kid} refreshes only if the last fetch is older than
 *       the minimum interval, or if the kid was never seen and no other kid triggered a refresh
 *       within the interval (so a rotation is picked up at once, but a flood of made-up kids costs
 *       at most one fetch per interval);
 *   <li><b>last-good</b>: a failed fetch never drops keys already known, so tokens signed with them
 *       keep verifying during an issuer outage; only with no keys at all is the issuer reported
 *       unavailable (retried at most every 5 s); after a failed refresh the next request past the
 *       minimum interval retries, so the cache recovers without waiting for the TTL.
 * </ul>
 */
final class SigningKeyCache {
  private static final int MAX_MISSED_KIDS = 1_000;
  private static final Duration INITIAL_RETRY = Duration.ofSeconds(5);

  private final OidcKeySource source;
  private final Clock clock;
  private final Duration minInterval;
  private final Duration ttl;
  private final ReentrantLock refreshLock = new ReentrantLock();
  private final Set<String> missedKids = ConcurrentHashMap.newKeySet();

  private volatile Map<String, RSAKey> keys = Map.of();
  private volatile Instant lastSuccess;
  private volatile Instant lastAttempt;
  private volatile Instant lastKidRefresh;
  private volatile String lastFailure;
  private volatile long attempts;

  SigningKeyCache(OidcKeySource source, Clock clock, Duration minInterval, Duration ttl) {
    this.source = source;
    this.clock = clock;
    this.minInterval = minInterval;
    this.ttl = ttl;
  }

  /**
   * Finds the key of a {@code kid}, fetching or refreshing the key set when needed.
   *
   * @param kid the key id from the token header
   * @return the key, or empty if it is unknown even after any allowed refresh
   * @throws ProviderUnavailableException if no key was ever fetched and the issuer cannot be
   *     reached
   */
  Optional<RSAKey> find(String kid) {
    long seen = attempts;
    if (keys.isEmpty()) {
      refresh(seen, RefreshCause.INITIAL);
      if (keys.isEmpty() && lastFailure != null) {
        throw new ProviderUnavailableException(
            "No Entra ID signing keys are available: "
                + lastFailure
                + " Check network access to "
                + source.discoveryUri()
                + " and the plinth.auth.entra-id.authority / tenant-id settings; retry later.");
      }
    } else if (isStale()) {
      refreshIfIdle();
    }
    RSAKey key = keys.get(kid);
    if (key == null) {
      refresh(seen, missedKids.contains(kid) ? RefreshCause.KNOWN_MISS : RefreshCause.NEW_KID);
      key = keys.get(kid);
      if (key == null && missedKids.size() < MAX_MISSED_KIDS) {
        missedKids.add(kid);
      }
    }
    return Optional.ofNullable(key);
  }

  private enum RefreshCause {
    INITIAL,
    NEW_KID,
    KNOWN_MISS
  }

  private void refresh(long seenAttempts, RefreshCause cause) {
    refreshLock.lock();
    try {
      if (attempts != seenAttempts) {
        return; // another caller fetched while this one waited: use its result
      }
      Instant now = clock.instant();
      boolean allowed =
          switch (cause) {
            case INITIAL -> keys.isEmpty() && (lastFailure == null || retryDue(now));
            case KNOWN_MISS -> elapsed(lastAttempt, now);
            case NEW_KID -> elapsed(lastAttempt, now) || elapsed(lastKidRefresh, now);
          };
      if (allowed) {
        if (cause == RefreshCause.NEW_KID) {
          lastKidRefresh = now;
        }
        fetch(now);
      }
    } finally {
      refreshLock.unlock();
    }
  }

  /** A scheduled (TTL) refresh never makes callers wait behind another caller's fetch. */
  private void refreshIfIdle() {
    if (refreshLock.tryLock()) {
      try {
        if (isStale()) {
          fetch(clock.instant());
        }
      } finally {
        refreshLock.unlock();
      }
    }
  }

  /** Due for a scheduled refresh: past the TTL, or retrying a failed refresh to recover. */
  private boolean isStale() {
    Instant now = clock.instant();
    boolean expired = lastSuccess != null && !now.isBefore(lastSuccess.plus(ttl));
    return (expired || lastFailure != null) && elapsed(lastAttempt, now);
  }

  /** With no keys at all, retry soon, but not on every request while the issuer is down. */
  private boolean retryDue(Instant now) {
    Duration wait = minInterval.compareTo(INITIAL_RETRY) < 0 ? minInterval : INITIAL_RETRY;
    return !now.isBefore(lastAttempt.plus(wait));
  }

  private boolean elapsed(Instant since, Instant now) {
    return since == null || !now.isBefore(since.plus(minInterval));
  }

  private void fetch(Instant now) {
    lastAttempt = now;
    try {
      Map<String, RSAKey> fetched = source.fetch();
      keys = Map.copyOf(fetched);
      lastSuccess = now;
      lastFailure = null;
      missedKids.clear();
    } catch (KeyFetchException e) {
      lastFailure = e.getMessage(); // keep the last-good keys
    } finally {
      attempts++;
    }
  }

  /**
   * Returns the state for health reporting.
   *
   * @return a snapshot of the cache state
   */
  KeyCacheState state() {
    return new KeyCacheState(
        keys.size(), lastSuccess, lastFailure, attempts, source.discoveryUri().toString());
  }
}
