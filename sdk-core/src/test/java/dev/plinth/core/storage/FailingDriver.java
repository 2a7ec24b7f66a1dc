package dev.plinth.core.storage;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.spi.storage.BlobStoreDriver;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.ByteRange;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A driver whose every operation throws a given exception, counting calls and closes. */
final class FailingDriver implements BlobStoreDriver {
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger closes = new AtomicInteger();
  final AtomicInteger arrayPuts = new AtomicInteger();
  private final Exception failure;
  private final Capabilities capabilities;

  FailingDriver(Exception failure, Capabilities capabilities) {
    this.failure = failure;
    this.capabilities = capabilities;
  }

  private <T> T fail() throws IOException {
    calls.incrementAndGet();
    if (failure instanceof IOException io) {
      throw io;
    }
    throw (RuntimeException) failure;
  }

  @Override
  public BlobInfo put(String key, InputStream content, long length, PutOptions options)
      throws IOException {
    return fail();
  }

  @Override
  public BlobInfo put(String key, byte[] content, PutOptions options) throws IOException {
    arrayPuts.incrementAndGet();
    return fail();
  }

  @Override
  public Blob get(String key, ByteRange range) throws IOException {
    return fail();
  }

  @Override
  public BlobInfo stat(String key) throws IOException {
    return fail();
  }

  @Override
  public boolean delete(String key) throws IOException {
    return fail();
  }

  @Override
  public BlobPage list(String prefix, int pageSize, String token) throws IOException {
    return fail();
  }

  @Override
  public BlobInfo copy(String sourceKey, String targetKey) throws IOException {
    return fail();
  }

  @Override
  public PresignedUrl presign(String key, PresignMethod method, Duration ttl) throws IOException {
    return fail();
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public Health health() {
    throw new IllegalStateException("backend gone");
  }

  @Override
  public Object nativeClient() {
    return "native-client";
  }

  @Override
  public void close() {
    closes.incrementAndGet();
  }
}
