package dev.plinth.local.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.BlobPage;
import dev.plinth.storage.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreListingTest {
  private static final int KEYS = 2_500;

  @TempDir static Path root;
  private static FileSystemBlobStoreDriver driver;
  private static List<String> expectedKeys;

  @BeforeAll
  static void start() throws IOException {
    driver = new FileSystemBlobStoreDriver(root, null, "/blobs");
    // Nested and flat keys mixed, so the walk order must match full-key order across directories.
    expectedKeys =
        IntStream.range(0, KEYS)
            .mapToObj(i -> String.format(i % 3 == 0 ? "p/d%02d/k%05d" : "p/k%05d-%d", i % 50, i))
            .sorted()
            .collect(Collectors.toList());
    // Puts are fsync-bound, not CPU-bound: write with more threads than cores.
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CompletableFuture.allOf(
              expectedKeys.stream()
                  .map(k -> CompletableFuture.runAsync(() -> putKey(k), pool))
                  .toArray(CompletableFuture[]::new))
          .join();
    } finally {
      pool.shutdown();
    }
    putKey("q/outside-prefix");
  }

  private static void putKey(String key) {
    try {
      driver.put(key, new ByteArrayInputStream(key.getBytes()), -1, PutOptions.none());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void list_pagesThroughAllKeysInOrderWithoutDuplicates() throws IOException {
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      BlobPage page = driver.list("p/", 1000, token);
      page.items().stream().map(BlobInfo::key).forEach(seen::add);
      token = page.continuationToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(expectedKeys);
  }

  @Test
  void list_exactMultipleOfPageSizeEndsWithoutEmptyPage() throws IOException {
    BlobPage first = driver.list("p/", 1250, null);
    BlobPage second = driver.list("p/", 1250, first.continuationToken());

    assertThat(first.items()).hasSize(1250);
    assertThat(second.items()).hasSize(1250);
    assertThat(second.continuationToken()).isNull();
  }

  @Test
  void list_nestedPrefixReturnsOnlyThatDirectory() throws IOException {
    BlobPage page = driver.list("p/d0", 5000, null);

    assertThat(page.items())
        .extracting(BlobInfo::key)
        .containsExactlyElementsOf(
            expectedKeys.stream().filter(k -> k.startsWith("p/d0")).collect(Collectors.toList()));
  }
}
