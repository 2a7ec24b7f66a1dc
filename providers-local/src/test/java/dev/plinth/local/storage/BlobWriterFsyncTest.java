package dev.plinth.local.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of the write path's fsyncs against its renames, observed through a recording {@link
 * Fsync} (a real power cut cannot be staged in a unit test): both temp files are forced before
 * either rename; the data directory is synced after the data rename and before the sidecar rename;
 * the sidecar directory before the put returns.
 */
class BlobWriterFsyncTest {
  private static final String KEY = "docs/a.txt";

  @TempDir Path root;

  /** One fsync call and the stored version each target showed at that moment. */
  private record Call(String kind, Path path, String data, String sidecarEtag) {}

  /** Records every call; subclasses add behaviour before the real fsync. */
  private static class Recorder implements Fsync {
    final List<Call> calls = new CopyOnWriteArrayList<>();
    BlobLayout layout;

    @Override
    public void file(Path file, FileChannel channel) throws IOException {
      calls.add(snapshot("file", file));
      channel.force(true);
    }

    @Override
    public void directory(Path dir) {
      calls.add(snapshot("directory", dir));
      DurableFiles.fsyncDirectory(dir);
    }

    private Call snapshot(String kind, Path path) {
      try {
        Path data = layout.dataPath(KEY);
        Sidecar sidecar = Sidecar.read(KEY, layout.sidecarPath(KEY));
        return new Call(
            kind,
            path,
            Files.exists(data) ? Files.readString(data, UTF_8) : null,
            sidecar == null ? null : sidecar.info().etag());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private BlobLayout layout;

  private BlobWriter writer(Recorder fsync) throws IOException {
    layout = new BlobLayout(root.toRealPath());
    Files.createDirectories(layout.metaRoot());
    fsync.layout = layout;
    KeyLocks locks = KeyLocks.forDirectory(layout.lockRoot());
    SidecarCache cache = SidecarCache.forDirectory(layout.metaRoot());
    return new BlobWriter(
        layout, locks, new ConsistentReader(layout, locks, cache), cache, Clock.systemUTC(), fsync);
  }

  private static PutOptions none() {
    return PutOptions.none();
  }

  @Test
  void put_forcesBothTempFilesBeforeRenamesAndSyncsDataDirectoryBeforeSidecarRename()
      throws IOException {
    Recorder fsync = new Recorder();
    BlobWriter writer = writer(fsync);
    BlobInfo v1 = writer.put(KEY, "v1".getBytes(UTF_8), none());
    fsync.calls.clear();

    BlobInfo v2 = writer.put(KEY, new ByteArrayInputStream("v2".getBytes(UTF_8)), 2, none());

    List<Call> calls = fsync.calls;
    assertThat(calls).hasSize(4);
    // The two temp files, data first, both before any rename.
    assertThat(calls.subList(0, 2))
        .allSatisfy(
            call -> {
              assertThat(call.kind()).isEqualTo("file");
              assertThat(call.data()).isEqualTo("v1");
              assertThat(call.sidecarEtag()).isEqualTo(v1.etag());
            })
        .extracting(call -> call.path().getParent())
        .containsExactly(layout.dataPath(KEY).getParent(), layout.sidecarPath(KEY).getParent());
    assertThat(calls.get(2))
        .isEqualTo(new Call("directory", layout.dataPath(KEY).getParent(), "v2", v1.etag()));
    assertThat(calls.get(3))
        .isEqualTo(new Call("directory", layout.sidecarPath(KEY).getParent(), "v2", v2.etag()));
  }

  @Test
  void put_dataForceFails_renamesNothingAndLeavesNoTempFile() throws IOException {
    Recorder healthy = new Recorder();
    BlobWriter writer = writer(healthy);
    BlobInfo v1 = writer.put(KEY, "v1".getBytes(UTF_8), none());
    Recorder failing =
        new Recorder() {
          @Override
          public void file(Path file, FileChannel channel) throws IOException {
            if (file.getParent().equals(layout.dataPath(KEY).getParent())) {
              throw new IOException("disk full");
            }
            super.file(file, channel);
          }
        };
    BlobWriter broken = writer(failing);

    assertThatThrownBy(() -> broken.put(KEY, "v2".getBytes(UTF_8), none()))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");

    assertThat(failing.calls).noneMatch(call -> call.kind().equals("directory"));
    assertThat(Files.readString(layout.dataPath(KEY), UTF_8)).isEqualTo("v1");
    assertThat(Sidecar.read(KEY, layout.sidecarPath(KEY)).info().etag()).isEqualTo(v1.etag());
    assertThat(tempFiles(layout.dataPath(KEY).getParent())).isEmpty();
    assertThat(tempFiles(layout.sidecarPath(KEY).getParent())).isEmpty();
  }

  private static List<Path> tempFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> BlobLayout.isTempName(f.getFileName().toString())).toList();
    }
  }
}
