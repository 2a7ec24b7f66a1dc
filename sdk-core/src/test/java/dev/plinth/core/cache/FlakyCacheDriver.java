package dev.plinth.core.cache;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.core.memory.MemoryCacheDriver;
import dev.plinth.spi.cache.CacheDriver;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A memory driver that throws a chosen exception from every data call while failing is set. */
final class FlakyCacheDriver implements CacheDriver {
  private final MemoryCacheDriver delegate = new MemoryCacheDriver();
  private final AtomicInteger closes = new AtomicInteger();
  private volatile Supplier<RuntimeException> failure;
  private volatile Health health;

  /**
   * Makes every later data call throw, or work again with null.
   *
   * @param failure creates the exception to throw, or null
   */
  void failWith(Supplier<RuntimeException> failure) {
    this.failure = failure;
  }

  /**
   * Makes {@link #health()} report this, or the memory driver's health again with null.
   *
   * @param health the health to report, or null
   */
  void reportHealth(Health health) {
    this.health = health;
  }

  int closes() {
    return closes.get();
  }

  MemoryCacheDriver delegate() {
    return delegate;
  }

  private void maybeFail() {
    Supplier<RuntimeException> f = failure;
    if (f != null) {
      throw f.get();
    }
  }

  @Override
  public byte[] get(String key) {
    maybeFail();
    return delegate.get(key);
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    maybeFail();
    delegate.put(key, value, ttl);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
    maybeFail();
    return delegate.putIfAbsent(key, value, ttl);
  }

  @Override
  public boolean delete(String key) {
    maybeFail();
    return delegate.delete(key);
  }

  @Override
  public Map<String, byte[]> getAll(Collection<String> keys) {
    maybeFail();
    return delegate.getAll(keys);
  }

  @Override
  public void putAll(Map<String, byte[]> entries, Duration ttl) {
    maybeFail();
    delegate.putAll(entries, ttl);
  }

  @Override
  public long increment(String key, long delta, Duration ttl) {
    maybeFail();
    return delegate.increment(key, delta, ttl);
  }

  @Override
  public long deleteByPrefix(String prefix) {
    maybeFail();
    return delegate.deleteByPrefix(prefix);
  }

  @Override
  public String tryLease(String key, Duration ttl) {
    maybeFail();
    return delegate.tryLease(key, ttl);
  }

  @Override
  public void releaseLease(String key, String token) {
    maybeFail();
    delegate.releaseLease(key, token);
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Health health() {
    Health reported = health;
    return reported != null ? reported : delegate.health();
  }

  @Override
  public Object nativeClient() {
    return delegate;
  }

  @Override
  public void close() {
    closes.incrementAndGet();
    delegate.close();
  }
}
