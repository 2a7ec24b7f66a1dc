package dev.plinth.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.InvalidKeyException;
import dev.plinth.error.NotFoundException;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.ByteRange;
import dev.plinth.storage.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part of {@link BlobStoreContract}: put, get, stat, exists, delete and copy. Extend {@link
 * BlobStoreContract}, not this class.
 */
public abstract class BlobStoreBasicsContract extends BlobStoreContractSupport {
  /** Writing blobs from every kind of source. */
  @Nested
  class Put {
    @Test
    void put_bytes_returnsInfoAndStoresContent() {
      Instant before = Instant.now().minusSeconds(60);
      BlobInfo info = put("a.txt", "hello");
      assertThat(info.key()).isEqualTo(key("a.txt"));
      assertThat(info.size()).isEqualTo(5);
      assertThat(info.etag()).isNotBlank();
      assertThat(info.lastModified()).isAfter(before);
      assertThat(read(key("a.txt"))).isEqualTo("hello");
    }

    @Test
    void put_streamWithKnownLength_storesContent() {
      byte[] data = "known length".getBytes(UTF_8);
      BlobInfo info =
          store().put(key("k"), new ByteArrayInputStream(data), data.length, PutOptions.none());
      assertThat(info.size()).isEqualTo(data.length);
      assertThat(read(key("k"))).isEqualTo("known length");
    }

    @Test
    void put_streamWithUnknownLength_storesContent() {
      byte[] data = "unknown length".getBytes(UTF_8);
      BlobInfo info = store().put(key("u"), new ByteArrayInputStream(data), PutOptions.none());
      assertThat(info.size()).isEqualTo(data.length);
      assertThat(read(key("u"))).isEqualTo("unknown length");
    }

    @Test
    void put_file_storesContent(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("upload.txt"), "from a file");
      BlobInfo info = store().put(key("f"), file, PutOptions.none());
      assertThat(info.size()).isEqualTo(11);
      assertThat(read(key("f"))).isEqualTo("from a file");
    }

    @Test
    void put_emptyContent_storesZeroBytes() {
      BlobInfo info = put("empty", "");
      assertThat(info.size()).isZero();
      assertThat(read(key("empty"))).isEmpty();
    }

    @Test
    void put_contentTypeAndMetadata_roundTrip() {
      PutOptions options =
          PutOptions.none().contentType("text/plain").metadata(Map.of("author", "ada", "v", "2"));
      BlobInfo info = store().put(key("m"), "x".getBytes(UTF_8), options);
      assertThat(info.contentType()).isEqualTo("text/plain");
      assertThat(info.metadata()).isEqualTo(Map.of("author", "ada", "v", "2"));
      try (Blob blob = store().get(key("m"))) {
        assertThat(blob.info().contentType()).isEqualTo("text/plain");
        assertThat(blob.info().metadata()).isEqualTo(Map.of("author", "ada", "v", "2"));
      }
    }

    @Test
    void put_withoutContentType_usesOctetStream() {
      assertThat(put("ct", "x").contentType()).isEqualTo(PutOptions.DEFAULT_CONTENT_TYPE);
      assertThat(store().stat(key("ct")).contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void put_existingKey_replacesContentAndEtag() {
      BlobInfo first = put("r", "first");
      BlobInfo second =
          store().put(key("r"), "second!".getBytes(UTF_8), PutOptions.none().contentType("text/x"));
      assertThat(second.etag()).isNotEqualTo(first.etag());
      assertThat(read(key("r"))).isEqualTo("second!");
      assertThat(store().stat(key("r")).contentType()).isEqualTo("text/x");
    }

    @Test
    void put_stream_isNotClosed() {
      boolean[] closed = {false};
      InputStream in =
          new ByteArrayInputStream("abc".getBytes(UTF_8)) {
            @Override
            public void close() {
              closed[0] = true;
            }
          };
      store().put(key("nc"), in, 3, PutOptions.none());
      assertThat(closed[0]).as("put must leave the caller's stream open").isFalse();
    }
  }

  /** Reading whole blobs and ranges. */
  @Nested
  class Get {
    @Test
    void get_returnsContentAndInfoOfSameVersion() {
      BlobInfo put =
          store().put(key("g"), "0123456789".getBytes(UTF_8), PutOptions.none().contentType("a/b"));
      try (Blob blob = store().get(key("g"))) {
        assertThat(blob.info().etag()).isEqualTo(put.etag());
        assertThat(blob.info().size()).isEqualTo(10);
        assertThat(blob.info().contentType()).isEqualTo("a/b");
        assertThat(blob.range()).isNull();
        assertThat(new String(blob.readAllBytes(), UTF_8)).isEqualTo("0123456789");
      }
    }

    @Test
    void get_rangeWithLength_returnsThoseBytes() {
      put("g", "0123456789");
      try (Blob blob = store().get(key("g"), ByteRange.of(2, 3))) {
        assertThat(new String(blob.readAllBytes(), UTF_8)).isEqualTo("234");
        assertThat(blob.range()).isEqualTo(ByteRange.of(2, 3));
        assertThat(blob.info().size()).as("info describes the whole blob").isEqualTo(10);
      }
    }

    @Test
    void get_rangeToEnd_returnsRest() {
      put("g", "0123456789");
      try (Blob blob = store().get(key("g"), ByteRange.from(7))) {
        assertThat(new String(blob.readAllBytes(), UTF_8)).isEqualTo("789");
        assertThat(blob.range()).isEqualTo(ByteRange.of(7, 3));
      }
    }

    @Test
    void get_rangePastEnd_isClipped() {
      put("g", "0123456789");
      try (Blob blob = store().get(key("g"), ByteRange.of(8, 100))) {
        assertThat(new String(blob.readAllBytes(), UTF_8)).isEqualTo("89");
        assertThat(blob.range()).isEqualTo(ByteRange.of(8, 2));
      }
    }

    @Test
    void get_rangeStartingBeyondEnd_throwsIllegalArgument() {
      put("g", "0123456789");
      assertThatThrownBy(() -> store().get(key("g"), ByteRange.from(10)).close())
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void get_missing_throwsNotFound() {
      assertThatThrownBy(() -> store().get(key("missing")).close())
          .isInstanceOf(NotFoundException.class);
    }
  }

  /** Reading info without content. */
  @Nested
  class StatAndExists {
    @Test
    void stat_matchesPutInfo() {
      BlobInfo put =
          store()
              .put(
                  key("s"),
                  "abc".getBytes(UTF_8),
                  PutOptions.none().contentType("text/plain").metadata(Map.of("k", "v")));
      BlobInfo stat = store().stat(key("s"));
      assertThat(stat.key()).isEqualTo(put.key());
      assertThat(stat.size()).isEqualTo(3);
      assertThat(stat.etag()).isEqualTo(put.etag());
      assertThat(stat.contentType()).isEqualTo("text/plain");
      assertThat(stat.metadata()).isEqualTo(Map.of("k", "v"));
      assertThat(stat.lastModified()).isNotNull();
    }

    @Test
    void stat_missing_throwsNotFound() {
      assertThatThrownBy(() -> store().stat(key("missing"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void exists_reportsPresence() {
      put("e", "x");
      assertThat(store().exists(key("e"))).isTrue();
      assertThat(store().exists(key("missing"))).isFalse();
    }
  }

  /** Deleting is idempotent. */
  @Nested
  class Delete {
    @Test
    void delete_existing_returnsTrueAndRemoves() {
      put("d", "x");
      assertThat(store().delete(key("d"))).isTrue();
      assertThat(store().exists(key("d"))).isFalse();
      assertThatThrownBy(() -> store().get(key("d")).close()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void delete_missing_returnsFalseEveryTime() {
      assertThat(store().delete(key("never"))).isFalse();
      assertThat(store().delete(key("never"))).isFalse();
    }
  }

  /** Copies carry content, content type and metadata. */
  @Nested
  class Copy {
    @Test
    void copy_copiesContentTypeAndMetadata() {
      store()
          .put(
              key("src"),
              "payload".getBytes(UTF_8),
              PutOptions.none().contentType("text/csv").metadata(Map.of("owner", "ops")));
      BlobInfo copied = store().copy(key("src"), key("dst"));
      assertThat(copied.key()).isEqualTo(key("dst"));
      assertThat(copied.size()).isEqualTo(7);
      BlobInfo stat = store().stat(key("dst"));
      assertThat(stat.contentType()).isEqualTo("text/csv");
      assertThat(stat.metadata()).isEqualTo(Map.of("owner", "ops"));
      assertThat(read(key("dst"))).isEqualTo("payload");
      assertThat(read(key("src"))).isEqualTo("payload");
    }

    @Test
    void copy_existingTarget_isReplaced() {
      put("src", "new");
      put("dst", "old content");
      store().copy(key("src"), key("dst"));
      assertThat(read(key("dst"))).isEqualTo("new");
    }

    @Test
    void copy_missingSource_throwsNotFound() {
      assertThatThrownBy(() -> store().copy(key("missing"), key("dst")))
          .isInstanceOf(NotFoundException.class);
      assertThat(store().exists(key("dst"))).isFalse();
    }

    @Test
    void copy_invalidTarget_throwsInvalidKey() {
      put("src", "x");
      assertThatThrownBy(() -> store().copy(key("src"), "../escape"))
          .isInstanceOf(InvalidKeyException.class);
    }
  }
}
