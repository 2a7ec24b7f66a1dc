package dev.plinth.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plinth.error.PlinthException;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobStore;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import dev.plinth.storage.PutOptions;
import dev.plinth.storage.StorageCapabilities;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BlobStore} provider must pass (DESIGN.md section 4, storage). Subclass
 * it, start the backend once per class in a static {@code @BeforeAll}, and return the store from
 * {@link #blobStore()}. Every test works under its own random key prefix, so tests never see each
 * other's blobs. Tests of optional features read the store's capabilities: a supported feature must
 * work, an unsupported one must throw {@link UnsupportedOperationException}. The metadata tests
 * expect strict mode ({@code plinth.storage.strict=true}, the default).
 */
public abstract class BlobStoreContract extends BlobStoreRulesContract {
  /** ifMatch / ifNoneMatch, driven by {@link StorageCapabilities#CONDITIONAL_WRITES}. */
  @Nested
  class ConditionalWrites {
    private final String feature = StorageCapabilities.CONDITIONAL_WRITES;

    private BlobInfo putIf(String name, String content, PutOptions options) {
      return store().put(key(name), content.getBytes(UTF_8), options);
    }

    @Test
    void ifNoneMatch_createsOnlyWhenAbsent() {
      if (!supports(feature)) {
        assertUnsupported(() -> putIf("c", "x", PutOptions.none().ifNoneMatch()), feature);
        return;
      }
      putIf("c", "first", PutOptions.none().ifNoneMatch());
      assertThatThrownBy(() -> putIf("c", "second", PutOptions.none().ifNoneMatch()))
          .isInstanceOf(PreconditionFailedException.class);
      assertThat(read(key("c"))).isEqualTo("first");
    }

    @Test
    void ifMatch_currentEtag_replaces() {
      BlobInfo v1 = put("m", "v1");
      if (!supports(feature)) {
        assertUnsupported(() -> putIf("m", "v2", PutOptions.none().ifMatch(v1.etag())), feature);
        return;
      }
      BlobInfo v2 = putIf("m", "v2", PutOptions.none().ifMatch(v1.etag()));
      assertThat(v2.etag()).isNotEqualTo(v1.etag());
      assertThat(read(key("m"))).isEqualTo("v2");
    }

    @Test
    void ifMatch_staleEtag_failsAndKeepsObject() {
      BlobInfo v1 = put("m", "v1");
      BlobInfo v2 = put("m", "v2");
      if (!supports(feature)) {
        assertUnsupported(() -> putIf("m", "v3", PutOptions.none().ifMatch(v1.etag())), feature);
        return;
      }
      assertThatThrownBy(() -> putIf("m", "v3", PutOptions.none().ifMatch(v1.etag())))
          .isInstanceOf(PreconditionFailedException.class);
      assertThat(store().stat(key("m")).etag()).isEqualTo(v2.etag());
      assertThat(read(key("m"))).isEqualTo("v2");
    }

    @Test
    void ifMatch_missingBlob_failsAndCreatesNothing() {
      String etag = put("other", "x").etag();
      if (!supports(feature)) {
        assertUnsupported(() -> putIf("m", "v", PutOptions.none().ifMatch(etag)), feature);
        return;
      }
      assertThatThrownBy(() -> putIf("m", "v", PutOptions.none().ifMatch(etag)))
          .isInstanceOf(PreconditionFailedException.class);
      assertThat(store().exists(key("m"))).isFalse();
    }

    @Test
    void ifMatch_concurrentWriters_exactlyOneWins() throws Exception {
      String etag = put("race", "base").etag();
      if (!supports(feature)) {
        assertUnsupported(() -> putIf("race", "x", PutOptions.none().ifMatch(etag)), feature);
        return;
      }
      int writers = 8;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<BlobInfo>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
          String content = "writer-" + i;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return putIf("race", content, PutOptions.none().ifMatch(etag));
                  }));
        }
        start.countDown();
        List<BlobInfo> winners = new ArrayList<>();
        int losers = 0;
        for (Future<BlobInfo> result : results) {
          try {
            winners.add(result.get(60, TimeUnit.SECONDS));
          } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(PreconditionFailedException.class);
            losers++;
          }
        }
        assertThat(winners).hasSize(1);
        assertThat(losers).isEqualTo(writers - 1);
        try (Blob blob = store().get(key("race"))) {
          assertThat(blob.info().etag()).isEqualTo(winners.get(0).etag());
          assertThat(new String(blob.readAllBytes(), UTF_8)).startsWith("writer-");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Payloads far larger than the heap allowance stream through. */
  @Nested
  class LargeStreaming {
    @Test
    void put_largeUnknownLength_readsBackSameDigest() {
      long size = largeBlobBytes();
      MessageDigest written = BlobTestStreams.sha256();
      BlobInfo info =
          store()
              .put(key("large.bin"), BlobTestStreams.generated(size, written), PutOptions.none());
      assertThat(info.size()).isEqualTo(size);
      try (Blob blob = store().get(key("large.bin"))) {
        assertThat(blob.info().etag()).isEqualTo(info.etag());
        assertThat(BlobTestStreams.sha256Of(blob.content())).isEqualTo(written.digest());
      }
    }
  }

  /** Presigned URLs, driven by {@link StorageCapabilities#PRESIGN}. */
  @Nested
  class Presign {
    private final String feature = StorageCapabilities.PRESIGN;

    @Test
    void presignGet_grantsDownload() throws Exception {
      put("p", "presigned");
      if (!supports(feature)) {
        assertUnsupported(
            () -> store().presign(key("p"), PresignMethod.GET, Duration.ofMinutes(5)), feature);
        return;
      }
      Instant before = Instant.now();
      PresignedUrl url = store().presign(key("p"), PresignMethod.GET, Duration.ofMinutes(5));
      assertThat(url.method()).isEqualTo(PresignMethod.GET);
      assertThat(url.expiresAt())
          .isAfter(before)
          .isBeforeOrEqualTo(Instant.now().plus(Duration.ofMinutes(6)));
      assertThat(new String(fetchPresigned(url), UTF_8)).isEqualTo("presigned");
    }

    @Test
    void presignPut_grantsUpload() throws Exception {
      if (!supports(feature)) {
        assertUnsupported(
            () -> store().presign(key("up"), PresignMethod.PUT, Duration.ofMinutes(5)), feature);
        return;
      }
      PresignedUrl url = store().presign(key("up"), PresignMethod.PUT, Duration.ofMinutes(5));
      uploadPresigned(url, "uploaded".getBytes(UTF_8));
      assertThat(read(key("up"))).isEqualTo("uploaded");
    }

    @Test
    void presign_expires() {
      put("exp", "soon gone");
      if (!supports(feature)) {
        assertUnsupported(
            () -> store().presign(key("exp"), PresignMethod.GET, Duration.ofSeconds(1)), feature);
        return;
      }
      PresignedUrl url = store().presign(key("exp"), PresignMethod.GET, Duration.ofSeconds(1));
      await()
          .atMost(presignExpiryTimeout())
          .pollInterval(Duration.ofMillis(250))
          .until(() -> rejects(url));
    }

    @Test
    void presign_ttlOutOfRange_throwsIllegalArgument() {
      if (!supports(feature)) {
        assertUnsupported(
            () -> store().presign(key("t"), PresignMethod.GET, Duration.ZERO), feature);
        return;
      }
      assertThatThrownBy(() -> store().presign(key("t"), PresignMethod.GET, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store().presign(key("t"), PresignMethod.GET, Duration.ofDays(8)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    private boolean rejects(PresignedUrl url) {
      try {
        fetchPresigned(url);
        return false;
      } catch (Exception e) {
        return true;
      }
    }
  }

  /** A failed write never damages what was stored. */
  @Nested
  class ErrorsNeverLoseData {
    @Test
    void put_streamFailsMidway_keepsPreviousObject() {
      BlobInfo v1 = put("keep", "version one");
      assertThatThrownBy(
              () ->
                  store()
                      .put(key("keep"), BlobTestStreams.failingAfter(300_000), PutOptions.none()))
          .isInstanceOf(PlinthException.class);
      assertThat(store().stat(key("keep")).etag()).isEqualTo(v1.etag());
      assertThat(read(key("keep"))).isEqualTo("version one");
    }

    @Test
    void put_streamFailsMidway_onNewKey_storesNothing() {
      assertThatThrownBy(
              () ->
                  store()
                      .put(key("new"), BlobTestStreams.failingAfter(1000), 5000, PutOptions.none()))
          .isInstanceOf(PlinthException.class);
      assertThat(store().exists(key("new"))).isFalse();
    }

    @Test
    void put_streamShorterThanDeclared_failsAndKeepsPreviousObject() {
      put("short", "original");
      assertThatThrownBy(
              () ->
                  store()
                      .put(
                          key("short"),
                          new ByteArrayInputStream("abc".getBytes(UTF_8)),
                          10,
                          PutOptions.none()))
          .isInstanceOf(PlinthException.class);
      assertThat(read(key("short"))).isEqualTo("original");
    }

    @Test
    void listing_afterFailedWrites_showsOnlyCompleteObjects() {
      put("ok", "fine");
      Set<String> keys = new HashSet<>();
      try {
        store().put(key("broken"), BlobTestStreams.failingAfter(10), PutOptions.none());
      } catch (PlinthException expected) {
        // the failure itself is asserted above; here only the listing matters
      }
      store().list(prefix(), 100, null).items().forEach(i -> keys.add(i.key()));
      assertThat(keys).containsExactly(key("ok"));
    }
  }
}
