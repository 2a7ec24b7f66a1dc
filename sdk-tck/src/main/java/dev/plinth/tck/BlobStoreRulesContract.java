package dev.plinth.tck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.InvalidKeyException;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PutOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Part of {@link BlobStoreContract}: listing, key rules and strict metadata rules. Extend {@link
 * BlobStoreContract}, not this class.
 */
public abstract class BlobStoreRulesContract extends BlobStoreBasicsContract {
  /** Sorted, prefixed, paginated listings. */
  @Nested
  class ListBlobs {
    private List<String> putAll(String... names) {
      List<String> keys = new ArrayList<>();
      for (String name : names) {
        put(name, name);
        keys.add(key(name));
      }
      return keys.stream().sorted().toList();
    }

    private List<String> keysOf(BlobPage page) {
      return page.items().stream().map(BlobInfo::key).toList();
    }

    @Test
    void list_returnsKeysUnderPrefixSorted() {
      List<String> expected = putAll("c", "a/2", "b", "a/1", "a/10");
      BlobPage page = store().list(prefix(), 100, null);
      assertThat(keysOf(page)).containsExactlyElementsOf(expected);
      assertThat(page.continuationToken()).isNull();
      assertThat(page.hasMore()).isFalse();
    }

    @Test
    void list_prefix_excludesSiblings() {
      putAll("a/1", "a/2", "ab", "b/1");
      assertThat(keysOf(store().list(key("a/"), 100, null)))
          .containsExactly(key("a/1"), key("a/2"));
      assertThat(keysOf(store().list(key("a"), 100, null)))
          .containsExactly(key("a/1"), key("a/2"), key("ab"));
    }

    @Test
    void list_itemsCarryInfo() {
      BlobInfo put = put("x", "12345");
      BlobInfo listed = store().list(prefix(), 10, null).items().get(0);
      assertThat(listed.key()).isEqualTo(put.key());
      assertThat(listed.size()).isEqualTo(5);
      assertThat(listed.etag()).isEqualTo(put.etag());
    }

    @Test
    void list_paginates_withoutDuplicatesOrGaps() {
      List<String> expected =
          putAll("k07", "k01", "k10", "k03", "k05", "k02", "k09", "k04", "k08", "k06");
      List<String> seen = new ArrayList<>();
      String token = null;
      int pages = 0;
      do {
        BlobPage page = store().list(prefix(), 3, token);
        assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
        seen.addAll(keysOf(page));
        token = page.continuationToken();
        pages++;
        assertThat(pages).as("pagination must terminate").isLessThanOrEqualTo(10);
      } while (token != null);
      assertThat(seen).containsExactlyElementsOf(expected);
      assertThat(pages).isGreaterThanOrEqualTo(4);
    }

    @Test
    void list_nothingUnderPrefix_returnsEmptyLastPage() {
      BlobPage page = store().list(key("nothing/"), 10, null);
      assertThat(page.items()).isEmpty();
      assertThat(page.continuationToken()).isNull();
    }

    @Test
    void list_pageSizeOutOfRange_throwsIllegalArgument() {
      assertThatThrownBy(() -> store().list(prefix(), 0, null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store().list(prefix(), 5001, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The portable key rules, identical on every provider. */
  @Nested
  class Keys {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "../x",
          "a/../b",
          "a/./b",
          "a//b",
          "/leading",
          "trailing/",
          "back\\slash",
          "nul\u0000char",
          "bell\u0007char",
          "del\u007Fchar",
          "c1\u0085char"
        })
    void put_invalidKey_throwsInvalidKey(String invalid) {
      assertThatThrownBy(() -> store().put(invalid, new byte[] {1}, PutOptions.none()))
          .isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void put_keyOver1024Bytes_throwsInvalidKey() {
      String tooLong = key("é".repeat(600));
      assertThatThrownBy(() -> store().put(tooLong, new byte[] {1}, PutOptions.none()))
          .isInstanceOf(InvalidKeyException.class)
          .hasMessageContaining("1024");
    }

    @Test
    void put_keyOfExactly1024Bytes_works() {
      StringBuilder sb = new StringBuilder(prefix());
      while (sb.length() < 1024 - 101) {
        sb.append("s".repeat(100)).append('/');
      }
      sb.append("x".repeat(1024 - sb.length()));
      String longest = sb.toString();
      assertThat(longest.getBytes(UTF_8)).hasSize(1024);
      store().put(longest, "max".getBytes(UTF_8), PutOptions.none());
      assertThat(read(longest)).isEqualTo("max");
    }

    @Test
    void everyOperation_validatesKeys() {
      String bad = "a/../b";
      assertThatThrownBy(() -> store().get(bad).close()).isInstanceOf(InvalidKeyException.class);
      assertThatThrownBy(() -> store().stat(bad)).isInstanceOf(InvalidKeyException.class);
      assertThatThrownBy(() -> store().exists(bad)).isInstanceOf(InvalidKeyException.class);
      assertThatThrownBy(() -> store().delete(bad)).isInstanceOf(InvalidKeyException.class);
      assertThatThrownBy(() -> store().copy(bad, key("t"))).isInstanceOf(InvalidKeyException.class);
      assertThatThrownBy(() -> store().presign(bad, PresignMethod.GET, Duration.ofMinutes(1)))
          .isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void list_invalidPrefix_throwsInvalidKey() {
      assertThatThrownBy(() -> store().list("/abs", 10, null))
          .isInstanceOf(InvalidKeyException.class);
      assertThatThrownBy(() -> store().list("a/../", 10, null))
          .isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void list_partialSegmentPrefix_isAllowed() {
      put(".hidden", "x");
      assertThat(store().list(key("."), 10, null).items())
          .extracting(BlobInfo::key)
          .containsExactly(key(".hidden"));
    }

    @Test
    void unicodeKey_roundTripsAndLists() {
      String unicode = key("ünïcødé/日本語/😀 file.txt");
      store().put(unicode, "u".getBytes(UTF_8), PutOptions.none());
      assertThat(read(unicode)).isEqualTo("u");
      assertThat(store().list(key("ünïcødé/"), 10, null).items())
          .extracting(BlobInfo::key)
          .containsExactly(unicode);
    }
  }

  /** Strict metadata: what fails on Azure fails everywhere. */
  @Nested
  class Metadata {
    private ThrowingCallable putWith(Map<String, String> metadata) {
      return () -> store().put(key("md"), new byte[] {1}, PutOptions.none().metadata(metadata));
    }

    @Test
    void names_areStoredLowerCase() {
      store().put(key("md"), new byte[] {1}, PutOptions.none().metadata(Map.of("Author", "Ada")));
      assertThat(store().stat(key("md")).metadata()).isEqualTo(Map.of("author", "Ada"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"content-id", "1abc", "has space", "ünï", "dot.name"})
    void invalidName_throwsInvalidKeyAndStoresNothing(String name) {
      assertThatThrownBy(putWith(Map.of(name, "v")))
          .isInstanceOf(InvalidKeyException.class)
          .hasMessageContaining("Azure");
      assertThat(store().exists(key("md"))).isFalse();
    }

    @Test
    void duplicateNamesIgnoringCase_throwInvalidKey() {
      Map<String, String> metadata = new HashMap<>();
      metadata.put("Owner", "a");
      metadata.put("owner", "b");
      assertThatThrownBy(putWith(metadata)).isInstanceOf(InvalidKeyException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"café", "line\nbreak", "tab\tchar"})
    void nonPrintableAsciiValue_throwsInvalidKey(String value) {
      assertThatThrownBy(putWith(Map.of("name", value)))
          .isInstanceOf(InvalidKeyException.class)
          .hasMessageContaining("ASCII");
    }

    @Test
    void totalOver8KiB_throwsInvalidKey() {
      assertThatThrownBy(putWith(Map.of("big", "x".repeat(8190))))
          .isInstanceOf(InvalidKeyException.class)
          .hasMessageContaining("8192");
    }

    @Test
    void totalOfExactly8KiB_isAccepted() {
      store()
          .put(
              key("md"),
              new byte[] {1},
              PutOptions.none().metadata(Map.of("big", "x".repeat(8192 - 3))));
      assertThat(store().stat(key("md")).metadata().get("big")).hasSize(8189);
    }
  }
}
