package dev.plinth.cache;

/** Feature and limit names a {@link Cache} provider may declare. */
public final class CacheCapabilities {
  /** Entries are shared between processes (a network cache such as Redis). */
  public static final String SHARED = "cache.shared";

  /** Single-flight loading can hold a lease across processes ({@code SET NX PX}). */
  public static final String DISTRIBUTED_SINGLE_FLIGHT = "cache.distributed-single-flight";

  /** Entries survive a restart of the application. */
  public static final String PERSISTENT = "cache.persistent";

  /** Limit: the largest value in bytes. */
  public static final String MAX_VALUE_BYTES = "cache.max-value-bytes";

  private CacheCapabilities() {}
}
