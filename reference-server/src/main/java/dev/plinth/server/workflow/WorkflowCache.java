package dev.plinth.server.workflow;

import dev.plinth.cache.Cache;
import dev.plinth.cache.Codec;
import dev.plinth.cache.TypedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Cache-aside for workflow reads through the SDK {@link Cache}: entries live {@link #TTL} and are
 * deleted when a workflow is replaced or deleted. The cache is an optimisation only: any cache
 * failure is treated as a miss and the database answers.
 */
@ApplicationScoped
public class WorkflowCache {
  /** How long a workflow stays cached. */
  public static final Duration TTL = Duration.ofMinutes(5);

  /** The prefix of every workflow entry's key. */
  public static final String PREFIX = "workflow:";

  private static final Logger LOG = Logger.getLogger(WorkflowCache.class.getName());
  // Ids are UUIDs; anything else is not cacheable (it could not be a valid cache key either).
  private static final Pattern CACHEABLE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final TypedCache<CachedWorkflow> cache;

  /**
   * Creates the cache-aside.
   *
   * @param cache the SDK cache
   */
  @Inject
  public WorkflowCache(Cache cache) {
    this(cache, new JsonbCodec<>(CachedWorkflow.class));
  }

  /** As the public constructor, with another codec (tests run without a JSON-B provider). */
  WorkflowCache(Cache cache, Codec<CachedWorkflow> codec) {
    this.cache = cache.typed(codec);
  }

  /** For CDI proxies only. */
  protected WorkflowCache() {
    this.cache = null;
  }

  /**
   * Returns a workflow from the cache, or loads and caches it.
   *
   * @param id the workflow id
   * @param loader reads the workflow from the database
   * @return the workflow, or empty if it does not exist (absence is not cached)
   */
  public Optional<CachedWorkflow> get(
      String id, Function<String, Optional<WorkflowEntity>> loader) {
    if (!CACHEABLE_ID.matcher(id).matches()) {
      return loader.apply(id).map(CachedWorkflow::of);
    }
    try {
      return cache.getOrLoad(
          key(id), TTL, ignored -> loader.apply(id).map(CachedWorkflow::of).orElse(null));
    } catch (RuntimeException e) {
      // A cache (or codec) failure must not fail the read: go to the database.
      LOG.log(Level.FINE, "Workflow cache unavailable, reading from the database", e);
      return loader.apply(id).map(CachedWorkflow::of);
    }
  }

  /**
   * Drops a workflow from the cache after it changed. A failure is logged: the entry then expires
   * within {@link #TTL}.
   *
   * @param id the workflow id
   */
  public void invalidate(String id) {
    if (!CACHEABLE_ID.matcher(id).matches()) {
      return;
    }
    try {
      cache.delete(key(id));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not drop workflow ''{0}'' from the cache ({1}); readers may see the old version"
              + " for up to "
              + TTL.toMinutes()
              + " minutes.",
          new Object[] {id, e.getClass().getName()});
    }
  }

  private static String key(String id) {
    return PREFIX + id;
  }
}
