package dev.plinth.local.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The two durability calls of the write path. Production code uses {@link #SYSTEM}; tests pass a
 * recording double to check their order against the renames, since a real crash cannot be staged in
 * a unit test.
 */
interface Fsync {
  /** {@code fsync} of the file and of the directories, as the OS offers them. */
  Fsync SYSTEM =
      new Fsync() {
        @Override
        public void file(Path file, FileChannel channel) throws IOException {
          channel.force(true);
        }

        @Override
        public void directory(Path dir) {
          DurableFiles.fsyncDirectory(dir);
        }
      };

  /**
   * Forces a written file's content and metadata to disk.
   *
   * @param file the file, for observers
   * @param channel an open channel of it
   * @throws IOException if the OS reports a failure
   */
  void file(Path file, FileChannel channel) throws IOException;

  /**
   * Makes a directory's entries (a rename into it) durable where the OS allows it.
   *
   * @param dir the directory
   */
  void directory(Path dir);
}
