package dev.plinth.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.core.memory.FinishedSpan;
import dev.plinth.core.memory.MemoryBlobStoreDriver;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.error.PlinthException;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.storage.Blob;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PutOptions;
import dev.plinth.storage.StorageCapabilities;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortableBlobStoreTest {
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final MemoryBlobStoreDriver memory = new MemoryBlobStoreDriver(1024);
  private final PortableBlobStore store =
      new PortableBlobStore("memory", memory, telemetry, MapPlinthConfig.empty());

  private static Tags ops(String op, String outcome) {
    return Tags.of("op", op, "provider", "memory", "outcome", outcome);
  }

  private static PortableBlobStore failing(Exception failure) {
    return new PortableBlobStore(
        "flaky", new FailingDriver(failure, Capabilities.none()), Telemetry.noop(), null);
  }

  @Test
  void put_recordsOutcomeBytesDurationAndClientSpan() {
    store.put("a/b", "hello".getBytes(UTF_8), PutOptions.none());

    assertThat(telemetry.counterValue(PlinthMetrics.STORAGE_OPS, ops("put", "success")))
        .isEqualTo(1);
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.STORAGE_BYTES, Tags.of("direction", "in", "provider", "memory")))
        .isEqualTo(5);
    assertThat(
            telemetry.timerCount(
                PlinthMetrics.STORAGE_DURATION, Tags.of("op", "put", "provider", "memory")))
        .isEqualTo(1);
    FinishedSpan span = telemetry.finishedSpans().get(0); // only closed spans are listed
    assertThat(span.name()).isEqualTo("storage.put");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.attributes()).containsEntry("storage.key", "a/b");
    assertThat(span.end()).isNotNull();
  }

  @Test
  void get_countsBytesActuallyReadWhenClosed() throws IOException {
    store.put("k", "0123456789".getBytes(UTF_8), PutOptions.none());
    Tags out = Tags.of("direction", "out", "provider", "memory");
    try (Blob blob = store.get("k")) {
      assertThat(blob.content().readNBytes(4)).hasSize(4);
      assertThat(telemetry.counterValue(PlinthMetrics.STORAGE_BYTES, out)).isZero();
    }
    assertThat(telemetry.counterValue(PlinthMetrics.STORAGE_BYTES, out)).isEqualTo(4);
  }

  @Test
  void get_missing_recordsNotFoundOutcomeAndSpanError() {
    assertThatThrownBy(() -> store.get("missing")).isInstanceOf(NotFoundException.class);
    assertThat(telemetry.counterValue(PlinthMetrics.STORAGE_OPS, ops("get", "not-found")))
        .isEqualTo(1);
    assertThat(telemetry.finishedSpans().get(0).error())
        .startsWith(NotFoundException.class.getName());
  }

  @Test
  void exists_missing_isFalseAndSuccessful() {
    assertThat(store.exists("missing")).isFalse();
    assertThat(telemetry.counterValue(PlinthMetrics.STORAGE_OPS, ops("exists", "success")))
        .isEqualTo(1);
  }

  @Test
  void invalidKey_isCountedWithItsCode() {
    assertThatThrownBy(() -> store.stat("../x")).isInstanceOf(InvalidKeyException.class);
    assertThat(telemetry.counterValue(PlinthMetrics.STORAGE_OPS, ops("stat", "invalid-key")))
        .isEqualTo(1);
  }

  @Test
  void ioException_becomesProviderUnavailableNamingOpAndKey() {
    IOException cause = new IOException("connection reset");
    assertThatThrownBy(() -> failing(cause).stat("dir/file"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("stat 'dir/file'")
        .hasMessageContaining("connection reset")
        .hasCause(cause);
  }

  @Test
  void uncheckedIoException_becomesProviderUnavailable() {
    UncheckedIOException cause = new UncheckedIOException(new IOException("disk"));
    assertThatThrownBy(() -> failing(cause).delete("k"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasCause(cause);
  }

  @Test
  void otherRuntimeException_isWrappedWithProviderName() {
    RuntimeException cause = new ArithmeticException("bug");
    assertThatThrownBy(() -> failing(cause).list("", 10, null))
        .isExactlyInstanceOf(PlinthException.class)
        .hasMessageContaining("'flaky'")
        .hasCause(cause);
  }

  @Test
  void plinthException_passesThroughUnchanged() {
    PreconditionFailedException original = new PreconditionFailedException("changed");
    assertThatThrownBy(() -> failing(original).copy("a", "b")).isSameAs(original);
  }

  @Test
  void presign_withoutCapability_throwsBeforeCallingDriver() {
    FailingDriver driver = new FailingDriver(new IOException("unused"), Capabilities.none());
    PortableBlobStore noPresign = new PortableBlobStore("x", driver, telemetry, null);
    assertThatThrownBy(() -> noPresign.presign("k", PresignMethod.GET, Duration.ofMinutes(1)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(StorageCapabilities.PRESIGN);
    assertThat(driver.calls).hasValue(0);
  }

  @Test
  void presign_ttlOutOfRange_isRejected() {
    FailingDriver driver =
        new FailingDriver(
            new IOException("unused"),
            Capabilities.builder().feature(StorageCapabilities.PRESIGN).build());
    PortableBlobStore presigning = new PortableBlobStore("x", driver, telemetry, null);
    assertThatThrownBy(() -> presigning.presign("k", PresignMethod.GET, Duration.ofDays(8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7 days");
    assertThatThrownBy(() -> presigning.presign("k", PresignMethod.PUT, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(driver.calls).hasValue(0);
  }

  @Test
  void conditionalPut_withoutCapability_isUnsupported() {
    PortableBlobStore plain = failing(new IOException("unused"));
    assertThatThrownBy(() -> plain.put("k", new byte[1], PutOptions.none().ifNoneMatch()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(StorageCapabilities.CONDITIONAL_WRITES);
  }

  @Test
  void list_pageSizeOutOfRange_explainsLimits() {
    assertThatThrownBy(() -> store.list("", 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 5000");
  }

  @Test
  void put_knownLengthOverLimit_failsWithoutReading() {
    ByteArrayInputStream content = new ByteArrayInputStream(new byte[2048]);
    assertThatThrownBy(() -> store.put("big", content, 2048, PutOptions.none()))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("1024");
    assertThat(content.available()).isEqualTo(2048);
    assertThat(store.exists("big")).isFalse();
  }

  @Test
  void putBytes_overLimit_failsBeforeTheDriver() {
    assertThatThrownBy(() -> store.put("big", new byte[2048], PutOptions.none()))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("is 2048 bytes")
        .hasMessageContaining("1024");
    assertThat(store.exists("big")).isFalse();
    assertThat(telemetry.counterValue(PlinthMetrics.STORAGE_OPS, ops("put", "too-large")))
        .isEqualTo(1);
  }

  @Test
  void putBytes_usesTheDriversArrayPathAndMapsItsFailure() {
    FailingDriver driver = new FailingDriver(new IOException("disk"), Capabilities.none());
    PortableBlobStore failing = new PortableBlobStore("flaky", driver, telemetry, null);

    assertThatThrownBy(() -> failing.put("dir/k", new byte[3], null))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("put 'dir/k'");
    assertThat(driver.arrayPuts).hasValue(1);
    assertThatThrownBy(() -> failing.put("k", (byte[]) null, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(driver.calls).hasValue(1);
  }

  @Test
  void put_unknownLengthOverLimit_failsAndStoresNothing() {
    assertThatThrownBy(
            () -> store.put("big", new ByteArrayInputStream(new byte[4096]), PutOptions.none()))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("storage.max-blob-bytes");
    assertThat(store.exists("big")).isFalse();
    assertThat(telemetry.counterValue(PlinthMetrics.STORAGE_OPS, ops("put", "too-large")))
        .isEqualTo(1);
  }

  @Test
  void put_streamLongerThanDeclared_failsAndStoresNothing() {
    assertThatThrownBy(
            () -> store.put("k", new ByteArrayInputStream(new byte[20]), 10, PutOptions.none()))
        .isInstanceOf(PlinthException.class)
        .hasMessageContaining("declared as 10 bytes");
    assertThat(store.exists("k")).isFalse();
  }

  @Test
  void put_negativeLength_isRejected() {
    assertThatThrownBy(() -> store.put("k", new ByteArrayInputStream(new byte[1]), -2, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lenientMode_acceptsAzureIncompatibleMetadata() {
    PortableBlobStore lenient =
        new PortableBlobStore(
            "memory",
            new MemoryBlobStoreDriver(),
            telemetry,
            new MapPlinthConfig(Map.of(PortableBlobStore.STRICT_KEY, "false")));
    lenient.put("k", new byte[1], PutOptions.none().metadata(Map.of("Content-Id", "é")));
    assertThat(lenient.stat("k").metadata()).containsEntry("content-id", "é");
  }

  @Test
  void unwrap_givesPortableDriverOrNativeClient() {
    FailingDriver driver = new FailingDriver(new IOException("x"), Capabilities.none());
    PortableBlobStore wrapped = new PortableBlobStore("x", driver, telemetry, null);
    assertThat(wrapped.unwrap(PortableBlobStore.class)).isSameAs(wrapped);
    assertThat(wrapped.unwrap(FailingDriver.class)).isSameAs(driver);
    assertThat(wrapped.unwrap(String.class)).isEqualTo("native-client");
    assertThatThrownBy(() -> wrapped.unwrap(Integer.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(FailingDriver.class.getName())
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void close_isIdempotentAndStopsOperations() {
    FailingDriver driver = new FailingDriver(new IOException("x"), Capabilities.none());
    PortableBlobStore closing = new PortableBlobStore("x", driver, telemetry, null);
    closing.close();
    closing.close();
    assertThat(driver.closes).hasValue(1);
    assertThatThrownBy(() -> closing.stat("k")).isInstanceOf(IllegalStateException.class);
    assertThat(closing.health().state()).isEqualTo(Health.State.DOWN);
  }

  @Test
  void health_driverFailure_isReportedDown() {
    Health health = failing(new IOException("x")).health();
    assertThat(health.state()).isEqualTo(Health.State.DOWN);
    assertThat(health.detail()).contains("backend gone");
  }
}
