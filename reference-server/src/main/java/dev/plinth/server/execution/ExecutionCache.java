package dev.plinth.server.execution;

import dev.plinth.cache.Cache;
import dev.plinth.server.cache.CacheCircuit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cache-aside for execution views (TTL 1 minute) through the SDK cache. Every state change
 * invalidates the entry after its transaction commits. A cache error is a miss: the database still
 * answers, so a cache outage never fails a request, and reads and re-fills go through the {@link
 * CacheCircuit} breaker so that during an outage they stop waiting for the cache client's timeout.
 */
@ApplicationScoped
public class ExecutionCache {
  static final Duration TTL = Duration.ofMinutes(1);
  private static final Logger LOG = Logger.getLogger(ExecutionCache.class.getName());

  /** The prefix of every execution entry's key. */
  public static final String PREFIX = "execution:";

  @Inject Cache cache;
  @Inject CacheCircuit circuit;

  /**
   * Reads a cached view.
   *
   * @param id the execution id
   * @return the view, or empty on a miss or a cache error
   */
  public Optional<JsonObject> get(String id) {
    try {
      return circuit
          .call(() -> cache.get(PREFIX + id))
          .map(bytes -> ExecutionJson.parse(new String(bytes, StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Execution cache read failed; reading the database", e);
      return Optional.empty();
    }
  }

  /**
   * Stores a view.
   *
   * @param id the execution id
   * @param view the rendered execution
   */
  public void put(String id, JsonObject view) {
    try {
      byte[] bytes = view.toString().getBytes(StandardCharsets.UTF_8);
      circuit.call(
          () -> {
            cache.put(PREFIX + id, bytes, TTL);
            return null;
          });
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Execution cache write failed; ignored", e);
    }
  }

  /**
   * Drops a view after a state change.
   *
   * @param id the execution id
   */
  public void invalidate(String id) {
    try {
      cache.delete(PREFIX + id);
    } catch (RuntimeException e) {
      // The entry expires within the TTL; the outage itself is reported by the cache health check.
      LOG.log(Level.WARNING, "Execution cache invalidation failed for " + id, e);
    }
  }
}
